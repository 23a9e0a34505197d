package io.threadstage.io;

import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Defines what the worker runs (unless a lambda holds it all) and writes the line that
     * creates the thread object into {@code creations}.
     */
    void write(Worker worker, int index, PythonLines creations) {
        String stepsPath = "$.workers[" + index + "].steps";
        String variable = context.worker(worker.ref());
        String options = threadOptions(worker);
        if (worker.style() == WorkerStyle.SUBCLASS) {
            String className = defineClass(worker, stepsPath, true);
            String arguments = PythonSignature.callArguments(worker.args(), worker.kwargs());
            creations.line(variable + " = " + className + "(" + join(arguments, options) + ")");
            return;
        }
        context.imports("threading");
        String target;
        if (worker.style() == WorkerStyle.CALLABLE) {
            String className = defineClass(worker, stepsPath, false);
            target = className + "(" + PythonSignature.callArguments(worker.args(), worker.kwargs()) + ")";
        } else if (worker.style() == WorkerStyle.LAMBDA) {
            target = lambda(worker, stepsPath, creations);
        } else {
            target = defineFunction(worker, worker.function(), stepsPath);
            if (!worker.args().isEmpty()) {
                target += ", args=" + PythonLiterals.tuple(worker.args());
            }
            if (!worker.kwargs().isEmpty()) {
                target += ", kwargs=" + PythonLiterals.value(new Value.Dict(worker.kwargs()));
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
    private String lambda(Worker worker, String stepsPath, PythonLines creations) {
        if (worker.args().isEmpty() && worker.kwargs().isEmpty() && worker.steps().size() == 1) {
            PythonScope scope = PythonScope.function(Map.of(), Map.of());
            String path = stepsPath + "[0]";
            String inline = steps.expression(worker.steps().get(0), path, scope);
            if (inline != null && scope.assignedGlobals().isEmpty()) {
                creations.mark(path);
                return "lambda: " + inline;
            }
        }
        if (worker.steps().isEmpty() && worker.args().isEmpty() && worker.kwargs().isEmpty()) {
            return "lambda: None";
        }
        String requested = worker.function() != null ? worker.function() : PythonNames.snake(worker.ref()) + "_job";
        String function = defineFunction(worker, requested, stepsPath);
        return "lambda: " + function + "(" + PythonSignature.callArguments(worker.args(), worker.kwargs()) + ")";
    }

    private String defineFunction(Worker worker, String requested, String stepsPath) {
        PythonSignature signature = PythonSignature.of(worker.params(), worker.args(), worker.kwargs());
        PythonScope scope = PythonScope.function(signature.readers(""), signature.values());
        PythonLines definition = new PythonLines();
        definition.line("def " + PythonContext.NAME_TOKEN + "(" + signature.parameters() + "):");
        definition.indent();
        definition.append(steps.functionBody(worker.steps(), stepsPath, scope, null));
        String name = requested != null ? requested : PythonNames.snake(worker.ref());
        return context.define(name, definition);
    }

    /** A subclass of {@code threading.Thread} with {@code run}, or a plain class with {@code __call__}. */
    private String defineClass(Worker worker, String stepsPath, boolean subclass) {
        PythonSignature signature = PythonSignature.of(worker.params(), worker.args(), worker.kwargs());
        PythonScope scope = PythonScope.function(signature.readers("self."), signature.values());
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
        String requested = worker.className() != null ? worker.className() : PythonNames.camel(worker.ref());
        context.imports("threading");
        return context.define(requested, definition);
    }
}
