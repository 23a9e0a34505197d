package io.threadstage.io;

import io.threadstage.model.BodyPath;
import io.threadstage.model.StepPath;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a worker the way its style says: a function passed as {@code target}, a lambda, a
 * {@code threading.Thread} subclass overriding {@code run()}, or an object with
 * {@code __call__}; and the line that creates its thread object. Confined to the thread that
 * generates.
 */
final class PythonWorkerWriter {

    private final PythonContext context;
    private final PythonStepWriter steps;

    PythonWorkerWriter(PythonContext context, PythonStepWriter steps) {
        this.context = context;
        this.steps = steps;
    }

    /** A function or class as defined: its name in the program and the signature its calls fill. */
    private record Defined(String name, PythonSignature signature) {
    }

    /**
     * Defines what the worker runs (unless a lambda holds it all) and writes the line that
     * creates the thread object into {@code creations}.
     */
    void write(Worker worker, int index, PythonLines creations) {
        BodyPath stepsPath = BodyPath.worker(index);
        String variable = context.worker(worker.ref());
        String options = threadOptions(worker);
        if (worker.style() == WorkerStyle.SUBCLASS) {
            Defined subclass = defineClass(worker, stepsPath, true);
            String arguments = subclass.signature().callArguments(worker.args(), worker.kwargs());
            creations.line(variable + " = " + subclass.name() + "(" + join(arguments, options) + ")");
            return;
        }
        context.imports("threading");
        String target;
        if (worker.style() == WorkerStyle.CALLABLE) {
            Defined callable = defineClass(worker, stepsPath, false);
            target = callable.name() + "(" + callable.signature().callArguments(worker.args(), worker.kwargs()) + ")";
        } else if (worker.style() == WorkerStyle.LAMBDA) {
            target = lambda(worker, stepsPath, creations);
        } else {
            Defined function = defineFunction(worker, context.definitionName(worker.function()), true, stepsPath);
            if (worker.name() == null) {
                context.showsName(function.name(), worker.function());
            }
            target = function.name();
            if (!worker.args().isEmpty()) {
                target += ", args=" + PythonLiterals.tuple(worker.args());
            }
            if (!worker.kwargs().isEmpty()) {
                target += ", kwargs=" + PythonLiterals.value(new Value.Dict(function.signature().keywords(worker.kwargs())));
            }
        }
        creations.line(variable + " = threading.Thread(" + join("target=" + target, options) + ")");
    }

    private static String threadOptions(Worker worker) {
        List<String> options = new ArrayList<>();
        if (worker.name() != null) {
            options.add("name=" + PythonLiterals.string(worker.name()));
        }
        if (worker.daemon()) {
            options.add("daemon=True");
        }
        return String.join(", ", options);
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + ", " + second;
    }

    /**
     * {@code lambda: print("hi")} when the body is one call and takes no arguments; otherwise
     * a small named function that the lambda calls with the worker's arguments, since the
     * chapter keeps lambdas to simple inline logic.
     */
    private String lambda(Worker worker, BodyPath stepsPath, PythonLines creations) {
        if (worker.args().isEmpty() && worker.kwargs().isEmpty() && worker.steps().size() == 1) {
            PythonScope scope = PythonScope.function(context.names(), Map.of(), Map.of(), Set.of());
            StepPath path = stepsPath.at(0);
            String inline = steps.expression(worker.steps().get(0), path, scope);
            if (inline != null && scope.assignedGlobals().isEmpty()) {
                creations.mark(path);
                return "lambda: " + inline;
            }
        }
        if (worker.steps().isEmpty() && worker.args().isEmpty() && worker.kwargs().isEmpty()) {
            return "lambda: None";
        }
        Defined function = worker.function() != null
                ? defineFunction(worker, context.definitionName(worker.function()), true, stepsPath)
                : defineFunction(worker, ProgramNames.snake(worker.ref()) + "_job", false, stepsPath);
        return "lambda: " + function.name() + "(" + function.signature().callArguments(worker.args(), worker.kwargs()) + ")";
    }

    private Defined defineFunction(Worker worker, String requested, boolean planned, BodyPath stepsPath) {
        PythonSignature signature = PythonSignature.of(worker.params(), worker.args(), worker.kwargs(),
                context.names(), PythonSignature.Holder.FUNCTION);
        PythonScope scope = PythonScope.function(context.names(), signature.readers(""), signature.fixedArgs(),
                Set.copyOf(signature.names()));
        PythonLines definition = new PythonLines();
        definition.line("def " + PythonContext.NAME_TOKEN + "(" + signature.parameters() + "):");
        definition.indent();
        definition.append(steps.functionBody(worker.steps(), stepsPath, scope, null));
        return new Defined(context.define(requested, planned, definition), signature);
    }

    /** A subclass of {@code threading.Thread} with {@code run}, or a plain class with {@code __call__}. */
    private Defined defineClass(Worker worker, BodyPath stepsPath, boolean subclass) {
        PythonSignature signature = PythonSignature.of(worker.params(), worker.args(), worker.kwargs(),
                context.names(), subclass ? PythonSignature.Holder.THREAD_SUBCLASS : PythonSignature.Holder.PLAIN_CLASS);
        PythonScope scope = PythonScope.function(context.names(), signature.readers("self."), signature.fixedArgs(),
                Set.of("self"));
        PythonLines definition = new PythonLines();
        definition.line("class " + PythonContext.NAME_TOKEN + (subclass ? "(threading.Thread):" : ":"));
        definition.indent();
        if (!signature.isEmpty()) {
            if (subclass) {
                // the Thread options (name, daemon) pass through to threading.Thread
                definition.line("def __init__(self, " + signature.parameters() + ", **kwargs):");
                definition.indent();
                definition.line("super().__init__(**kwargs)");
            } else {
                definition.line("def __init__(self, " + signature.parameters() + "):");
                definition.indent();
            }
            for (String name : signature.names()) {
                definition.line("self." + name + " = " + name);
            }
            definition.dedent();
            definition.blank();
        }
        definition.line(subclass ? "def run(self):" : "def __call__(self):");
        definition.indent();
        definition.append(steps.functionBody(worker.steps(), stepsPath, scope, null));
        context.imports("threading");
        String name = worker.className() != null
                ? context.define(context.definitionName(worker.className()), true, definition)
                : context.define(ProgramNames.camel(worker.ref()), false, definition);
        return new Defined(name, signature);
    }
}
