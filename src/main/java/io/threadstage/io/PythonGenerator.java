package io.threadstage.io;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.StepIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario as an idiomatic, runnable Python 3 program, the way the threading chapter
 * writes it, and tells for each step the line it became. The same scenario always gives the
 * same text. Stateless; any thread (each call works on its own context).
 */
public final class PythonGenerator {

    public PythonSource generate(Scenario scenario) {
        PythonContext context = new PythonContext(scenario);
        PythonStepWriter steps = new PythonStepWriter(context);
        PythonWorkerWriter workers = new PythonWorkerWriter(context, steps);

        PythonLines creations = new PythonLines();
        for (int i = 0; i < scenario.workers().size(); i++) {
            workers.write(scenario.workers().get(i), i, creations);
        }
        PythonLines mainSteps = new PythonLines();
        if (!scenario.main().isEmpty()) {
            steps.writeAll(scenario.main(), BodyPath.main(), PythonScope.module(context.names()), mainSteps);
        }
        List<String> resources = resourceLines(context);
        if (scenario.settings().excepthook() == Settings.Excepthook.CUSTOM) {
            context.imports("sys");
            context.imports("threading");
        }

        PythonLines program = new PythonLines();
        if (!scenario.settings().gil()) {
            program.line("# Written for a free-threaded CPython build (3.13t, no GIL); on a CPython with the GIL");
            program.line("# it runs, but its threads take turns.");
        }
        program.line("\"\"\"" + PythonLiterals.docstring(scenario.title()) + "\"\"\"");
        writeImports(context, program);
        writeExceptionClasses(context, program);
        if (context.computeUsed()) {
            program.separate(2);
            writeCompute(program);
        }
        if (scenario.settings().excepthook() == Settings.Excepthook.CUSTOM) {
            program.separate(2);
            writeExcepthook(program);
        }
        if (!resources.isEmpty()) {
            program.separate(2);
            resources.forEach(program::line);
        }
        writeDefinitions(context, program);
        program.separate(2);
        program.line("if __name__ == \"__main__\":");
        program.indent();
        program.append(creations);
        if (!creations.isEmpty() && !mainSteps.isEmpty()) {
            program.blank();
        }
        program.append(mainSteps);
        if (creations.isEmpty() && mainSteps.isEmpty()) {
            program.line("pass");
        }
        program.dedent();
        return PythonSource.of(program.text(), StepIndex.of(scenario), program.lineNumbers());
    }

    private static List<String> resourceLines(PythonContext context) {
        List<String> lines = new ArrayList<>();
        for (Resource resource : context.scenario().resources()) {
            String name = context.resource(resource.name());
            lines.add(name + " = " + constructor(resource, context));
        }
        return lines;
    }

    private static String constructor(Resource resource, PythonContext context) {
        if (resource instanceof Resource.Queue queue) {
            context.imports("queue");
            return queue.maxsize() == 0 ? "queue.Queue()" : "queue.Queue(maxsize=" + queue.maxsize() + ")";
        }
        if (resource instanceof Resource.Executor executor) {
            context.imports("concurrent.futures");
            return "ThreadPoolExecutor(max_workers=" + executor.maxWorkers() + ")";
        }
        if (resource instanceof Resource.Counter counter) {
            return counter.value().toString();
        }
        context.imports("threading");
        if (resource instanceof Resource.Lock) {
            return "threading.Lock()";
        }
        if (resource instanceof Resource.RLock) {
            return "threading.RLock()";
        }
        if (resource instanceof Resource.Event) {
            return "threading.Event()";
        }
        return "threading.local()";
    }

    private static void writeImports(PythonContext context, PythonLines program) {
        boolean first = true;
        for (String module : context.imports()) {
            if (!module.equals("concurrent.futures")) {
                if (first) {
                    program.blank();
                    first = false;
                }
                program.line("import " + module);
            }
        }
        if (context.imports().contains("concurrent.futures")) {
            if (first) {
                program.blank();
            }
            program.line("from concurrent.futures import ThreadPoolExecutor");
        }
    }

    /**
     * {@code class QuotaError(Exception): pass}; a type whose name the program already uses
     * (a builtin, a resource, a function...) is made with {@code type()} under another name, so
     * that it is still raised, caught and reported under its own.
     */
    private static void writeExceptionClasses(PythonContext context, PythonLines program) {
        List<PythonContext.ExceptionClass> renamed = new ArrayList<>();
        for (PythonContext.ExceptionClass declared : context.exceptionClasses()) {
            if (declared.renamed()) {
                renamed.add(declared);
                continue;
            }
            program.separate(2);
            program.line("class " + declared.name() + "(Exception):");
            program.line("    pass");
        }
        if (!renamed.isEmpty()) {
            program.separate(2);
            program.line("# exception types bound to other names, so that each keeps its own in reports");
            for (PythonContext.ExceptionClass declared : renamed) {
                program.line(declared.name() + " = type(" + PythonLiterals.string(declared.type()) + ", (Exception,), {})");
            }
        }
    }

    private static void writeCompute(PythonLines program) {
        program.line("def compute(ms):");
        program.line("    \"\"\"Keep the CPU busy for ms milliseconds of this thread's own CPU time.\"\"\"");
        program.line("    deadline = time.thread_time() + ms / 1000");
        program.line("    while time.thread_time() < deadline:");
        program.line("        pass");
    }

    private static void writeExcepthook(PythonLines program) {
        program.line("def report_exception(args):");
        program.line("    print(f\"[excepthook] {args.thread.name}: {args.exc_type.__name__}: {args.exc_value}\","
                + " file=sys.stderr)");
        program.blank();
        program.blank();
        program.line("threading.excepthook = report_exception");
    }

    /** Functions and classes, once each; a worker sharing identical code shares its lines. */
    private static void writeDefinitions(PythonContext context, PythonLines program) {
        Map<String, Integer> written = new HashMap<>();
        for (PythonContext.Definition definition : context.definitions()) {
            PythonLines code = definition.code();
            Integer start = written.get(definition.name());
            if (start != null) {
                program.markShared(code, start);
                continue;
            }
            program.separate(2);
            written.put(definition.name(), program.size());
            program.append(code.renamed(PythonContext.NAME_TOKEN, definition.name()));
            String shown = context.shownNames().get(definition.name());
            if (shown != null) {
                program.separate(2);
                program.line("# unnamed threads are named after their target's __name__");
                program.line(definition.name() + ".__name__ = " + PythonLiterals.string(shown));
            }
        }
    }
}
