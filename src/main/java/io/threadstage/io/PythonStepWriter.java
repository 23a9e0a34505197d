package io.threadstage.io;

import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes steps as Python statements, marking the line each step path begins on. Functions that
 * executors run are written here too, as module-level definitions of the context, the first
 * time a step submits them. Confined to the thread that generates.
 */
final class PythonStepWriter {

    private final PythonContext context;
    private final PrintTemplateWriter templates;

    PythonStepWriter(PythonContext context) {
        this.context = context;
        this.templates = new PrintTemplateWriter(context);
    }

    /** A block's statements; {@code listPath} is the JSON path of the step list ({@code $.main}). */
    void writeAll(List<Step> steps, String listPath, PythonScope scope, PythonLines out) {
        if (steps.isEmpty()) {
            out.line("pass");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            write(steps.get(i), listPath + "[" + i + "]", scope, out);
        }
    }

    /** A function's body, led by the {@code global} statement its assignments need. */
    PythonLines functionBody(List<Step> steps, String listPath, PythonScope scope, String returned) {
        PythonLines body = new PythonLines();
        if (!steps.isEmpty() || returned == null) {
            writeAll(steps, listPath, scope, body);
        }
        if (returned != null) {
            body.line("return " + returned);
        }
        PythonLines withGlobals = new PythonLines();
        if (!scope.assignedGlobals().isEmpty()) {
            withGlobals.line("global " + String.join(", ", scope.assignedGlobals()));
        }
        withGlobals.append(body);
        return withGlobals;
    }

    void write(Step step, String path, PythonScope scope, PythonLines out) {
        String expression = expression(step, path, scope);
        out.mark(path);
        if (expression != null) {
            out.line(expression);
        } else if (step instanceof Step.Io io) {
            context.imports("time");
            String label = io.label() == null ? "" : PythonLiterals.comment(io.label());
            out.line("time.sleep(" + PythonLiterals.seconds(io.ms()) + ")  # simulated I/O" + (label.isEmpty() ? "" : ": " + label));
        } else if (step instanceof Step.Increment increment && increment.yieldBetween()) {
            context.imports("time");
            String counter = context.resource(increment.counter());
            scope.assignsGlobal(counter);
            // a variable of its own: a resource or parameter called hits_read stays untouched
            String read = scope.temporary(counter + "_read");
            out.line(read + " = " + counter);
            out.line("time.sleep(0)  # lets another thread run between the read and the write");
            out.line(counter + " = " + read + " + " + increment.by());
        } else if (step instanceof Step.With with) {
            out.line("with " + context.resource(with.lock()) + ":");
            block(with.body(), path + ".do", scope, out);
        } else if (step instanceof Step.GetUntil loop) {
            String sentinel = loop.sentinel() == null || loop.sentinel() instanceof Value.Null
                    ? "is not None" : "!= " + PythonLiterals.value(loop.sentinel());
            // each loop its own variable: an inner loop must not overwrite the item an outer one prints
            PythonScope body = scope.binding("item", "item");
            out.line("while (" + body.variable("item") + " := " + context.resource(loop.queue()) + ".get()) "
                    + sentinel + ":");
            block(loop.body(), path + ".do", body, out);
        } else if (step instanceof Step.Until until) {
            String event = context.resource(until.event());
            out.line("while not " + event + ".is_set():");
            out.indent();
            if (!until.body().isEmpty()) {
                writeAll(until.body(), path + ".do", scope, out);
            }
            if (until.bySleep()) {
                context.imports("time");
                out.line("time.sleep(" + PythonLiterals.seconds(until.pauseMs()) + ")");
            } else {
                out.line(event + ".wait(" + PythonLiterals.seconds(until.pauseMs()) + ")");
            }
            out.dedent();
        } else if (step instanceof Step.Repeat repeat) {
            String times = scope.paramHolding(repeat.times()).orElse(Integer.toString(repeat.times()));
            out.line("for _ in range(" + times + "):");
            block(repeat.body(), path + ".do", scope, out);
        } else if (step instanceof Step.Try attempt) {
            writeTry(attempt, path, scope, out);
        } else {
            out.line(statement(step, path, scope));
        }
    }

    private void block(List<Step> steps, String listPath, PythonScope scope, PythonLines out) {
        out.indent();
        writeAll(steps, listPath, scope, out);
        out.dedent();
    }

    /**
     * {@code except Type as error:} only when the handler prints {@code {error}}; a handler
     * nested in it gets a variable of its own, since Python deletes the variable when a
     * handler ends and the outer handler may still print its own.
     */
    private void writeTry(Step.Try attempt, String path, PythonScope scope, PythonLines out) {
        out.line("try:");
        block(attempt.body(), path + ".try", scope, out);
        String type = context.exceptionType(PythonExceptionNames.caught(attempt));
        if (printsError(attempt.handler())) {
            PythonScope handler = scope.binding("error", "error");
            out.line("except " + type + " as " + handler.variable("error") + ":");
            block(attempt.handler(), path + ".then", handler, out);
        } else {
            out.line("except " + type + ":");
            block(attempt.handler(), path + ".then", scope, out);
        }
    }

    /**
     * Whether the steps print {@code {error}} of the exception being handled: not inside a
     * nested handler, which has its own, nor inside a task, which runs in a function of its own.
     */
    private static boolean printsError(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Print print && PrintTemplateWriter.names(print.text()).contains("error")) {
                return true;
            }
            if (step instanceof Step.Try attempt) {
                if (printsError(attempt.body())) {
                    return true;
                }
            } else if (!(step instanceof Step.Submit) && !(step instanceof Step.MapTasks)) {
                for (List<Step> block : step.blocks()) {
                    if (printsError(block)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The one-line statements that are not expressions. */
    private String statement(Step step, String path, PythonScope scope) {
        if (step instanceof Step.Increment increment && !increment.yieldBetween()) {
            String counter = context.resource(increment.counter());
            scope.assignsGlobal(counter);
            return counter + " += " + increment.by();
        }
        if (step instanceof Step.LocalSet set) {
            return context.resource(set.local()) + ".value = " + PythonLiterals.value(set.value());
        }
        if (step instanceof Step.SetDaemon daemon) {
            return context.worker(daemon.worker()) + ".daemon = " + (daemon.value() ? "True" : "False");
        }
        if (step instanceof Step.Rename rename) {
            return context.worker(rename.worker()) + ".name = " + PythonLiterals.string(rename.to());
        }
        if (step instanceof Step.Raise raise) {
            String type = context.exceptionType(raise.type());
            String message = raise.message() == null ? "" : PythonLiterals.value(raise.message());
            return "raise " + type + "(" + message + ")";
        }
        if (step instanceof Step.Submit submit) {
            String future = context.future(submit.future());
            scope.assignsGlobal(future);
            return future + " = " + submitCall(submit, path);
        }
        throw new IllegalArgumentException("no Python for step " + step.verb());
    }

    /**
     * The step as one Python expression (a call), or null when it needs a statement or a block.
     * Lambdas use this to inline a one-step body.
     */
    String expression(Step step, String path, PythonScope scope) {
        if (step instanceof Step.Compute compute) {
            context.usesCompute();
            return "compute(" + compute.ms() + ")";
        }
        if (step instanceof Step.Sleep sleep) {
            context.imports("time");
            return "time.sleep(" + PythonLiterals.seconds(sleep.ms()) + ")";
        }
        if (step instanceof Step.Print print) {
            return "print(" + templates.printArgument(print.text(), scope) + ")";
        }
        if (step instanceof Step.Acquire acquire) {
            return context.resource(acquire.lock()) + ".acquire(" + timeout(acquire.timeoutMs()) + ")";
        }
        if (step instanceof Step.Release release) {
            return context.resource(release.lock()) + ".release()";
        }
        if (step instanceof Step.Put put) {
            String timeout = put.timeoutMs() == null ? "" : ", " + timeout(put.timeoutMs());
            return context.resource(put.queue()) + ".put(" + PythonLiterals.value(put.item()) + timeout + ")";
        }
        if (step instanceof Step.Get get) {
            return context.resource(get.queue()) + ".get(" + timeout(get.timeoutMs()) + ")";
        }
        if (step instanceof Step.TaskDone done) {
            return context.resource(done.queue()) + ".task_done()";
        }
        if (step instanceof Step.JoinQueue join) {
            return context.resource(join.queue()) + ".join()";
        }
        if (step instanceof Step.Wait wait) {
            return context.resource(wait.event()) + ".wait(" + timeout(wait.timeoutMs()) + ")";
        }
        if (step instanceof Step.SetEvent set) {
            return context.resource(set.event()) + ".set()";
        }
        if (step instanceof Step.ClearEvent clear) {
            return context.resource(clear.event()) + ".clear()";
        }
        if (step instanceof Step.Start start) {
            return context.worker(start.worker()) + ".start()";
        }
        if (step instanceof Step.Run run) {
            return context.worker(run.worker()) + ".run()";
        }
        if (step instanceof Step.Join join) {
            return context.worker(join.worker()) + ".join(" + timeout(join.timeoutMs()) + ")";
        }
        if (step instanceof Step.IsAlive alive) {
            return "print(" + context.worker(alive.worker()) + ".is_alive())";
        }
        if (step instanceof Step.Submit submit && submit.future() == null) {
            return submitCall(submit, path);
        }
        if (step instanceof Step.Result result) {
            String call = context.future(result.future()) + ".result(" + timeout(result.timeoutMs()) + ")";
            return result.print() ? "print(" + call + ")" : call;
        }
        if (step instanceof Step.MapTasks map) {
            String function = taskFunction(map.task(), path + ".task.steps", false);
            String call = "list(" + context.resource(map.executor()) + ".map(" + function + ", "
                    + PythonLiterals.value(new Value.Array(map.items())) + "))";
            return map.print() ? "print(" + call + ")" : call;
        }
        if (step instanceof Step.Shutdown shutdown) {
            return context.resource(shutdown.executor()) + ".shutdown(wait=True)";
        }
        if (step instanceof Step.LocalGet get) {
            return "print(" + context.resource(get.local()) + ".value)";
        }
        if (step instanceof Step.Introspect introspect) {
            context.imports("threading");
            return introspection(introspect.query());
        }
        return null;
    }

    private static String introspection(Step.Query query) {
        switch (query) {
            case CURRENT_THREAD:
                return "print(threading.current_thread().name)";
            case MAIN_THREAD:
                return "print(threading.main_thread().name)";
            case ENUMERATE:
                return "print(\", \".join(t.name for t in threading.enumerate()))";
            default:
                return "print(threading.active_count())";
        }
    }

    private static String timeout(Long timeoutMs) {
        return timeoutMs == null ? "" : "timeout=" + PythonLiterals.seconds(timeoutMs);
    }

    private String submitCall(Step.Submit submit, String path) {
        String function = taskFunction(submit.task(), path + ".task.steps", true);
        StringBuilder call = new StringBuilder(context.resource(submit.executor())).append(".submit(").append(function);
        for (String arg : PythonLiterals.values(submit.task().args())) {
            call.append(", ").append(arg);
        }
        return call.append(")").toString();
    }

    /**
     * Defines the function an executor runs and returns its name. A submitted task's
     * arguments are known, so a loop count can name its parameter; a mapped one takes each item
     * (as {@code item} when the task names no parameter, as the runtime binds it).
     */
    private String taskFunction(Task task, String stepsPath, boolean submitted) {
        List<String> params = !submitted && task.params().isEmpty() ? List.of("item") : task.params();
        List<Value> args = submitted ? task.args() : List.of();
        PythonSignature signature = PythonSignature.of(params, args, Map.of(), context.names(),
                PythonSignature.Holder.FUNCTION);
        PythonScope scope = PythonScope.function(context.names(), signature.readers(""),
                submitted ? signature.fixedArgs() : Map.of(), Set.copyOf(signature.names()));
        String returned = null;
        if (task.returns() instanceof Value.Text text) {
            returned = templates.expression(text.value(), scope);
        } else if (task.returns() != null && !(task.returns() instanceof Value.Null)) {
            returned = PythonLiterals.value(task.returns());
        }
        PythonLines body = functionBody(task.steps(), stepsPath, scope, returned);
        PythonLines definition = new PythonLines();
        definition.line("def " + PythonContext.NAME_TOKEN + "(" + signature.requiredParameters() + "):");
        definition.indent();
        definition.append(body);
        return context.define(context.definitionName(task.function()), true, definition);
    }
}
