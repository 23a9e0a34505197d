package io.threadstage.io;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Worker;
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
        planNames(context);
        PythonStepWriter steps = new PythonStepWriter(context);
        PythonWorkerWriter workers = new PythonWorkerWriter(context, steps);

        PythonLines creations = new PythonLines();
        for (int i = 0; i < scenario.workers().size(); i++) {
            workers.write(scenario.workers().get(i), i, creations);
        }
        PythonLines mainSteps = new PythonLines();
        if (!scenario.main().isEmpty()) {
            steps.writeAll(scenario.main(), "$.main", PythonScope.module(), mainSteps);
        }
        List<String> resources = resourceLines(context);
        if (scenario.settings().excepthook() == Settings.Excepthook.CUSTOM) {
            context.imports("sys");
            context.imports("threading");
        }

        PythonLines program = new PythonLines();
        program.line("\"\"\"" + PythonLiterals.docstring(scenario.title()) + "\"\"\"");
        writeImports(context, program);
        for (String type : context.exceptionClasses()) {
            program.separate(2);
            program.line("class " + type + "(Exception):");
            program.line("    pass");
        }
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
        return new PythonSource(program.text(), program.lineNumbers());
    }

    /**
     * Resources keep their names; thread variables are the workers' names in snake_case,
     * moved aside when a function, class, resource or future already has the name.
     */
    private static void planNames(PythonContext context) {
        Scenario scenario = context.scenario();
        for (Resource resource : scenario.resources()) {
            context.nameResource(resource);
        }
        for (Worker worker : scenario.workers()) {
            claimIfSet(context, worker.function());
            claimIfSet(context, worker.className());
            claimDefinitions(context, worker.steps());
        }
        claimDefinitions(context, scenario.main());
        for (Worker worker : scenario.workers()) {
            context.nameWorker(worker, context.names().claimFree(PythonNames.snake(worker.ref()), "_thread"));
        }
    }

    private static void claimDefinitions(PythonContext context, List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Submit submit) {
                claimIfSet(context, submit.future());
                claimIfSet(context, submit.task().function());
            } else if (step instanceof Step.MapTasks map) {
                claimIfSet(context, map.task().function());
            }
            for (List<Step> block : step.blocks()) {
                claimDefinitions(context, block);
            }
        }
    }

    private static void claimIfSet(PythonContext context, String name) {
        if (name != null) {
            context.names().claim(name);
        }
    }

    private static List<String> resourceLines(PythonContext context) {
        List<String> lines = new java.util.ArrayList<>();
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
        }
    }
}
