package io.threadstage.io;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.StepVisitor;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes steps as Python statements, marking the line each step (by its {@link StepPath}) begins
 * on. Functions that executors run are written here too, as module-level definitions of the
 * context, the first time a step submits them. Confined to the thread that generates.
 */
final class PythonStepWriter {

    private final PythonContext context;
    private final PrintTemplateWriter templates;

    PythonStepWriter(PythonContext context) {
        this.context = context;
        this.templates = new PrintTemplateWriter(context);
    }

    /** A block's statements; {@code list} is where the steps stand in the scenario. */
    void writeAll(List<Step> steps, BodyPath list, PythonScope scope, PythonLines out) {
        if (steps.isEmpty()) {
            out.line("pass");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            write(steps.get(i), list.at(i), scope, out);
        }
    }

    /** A function's body, led by the {@code global} statement its assignments need. */
    PythonLines functionBody(List<Step> steps, BodyPath list, PythonScope scope, String returned) {
        PythonLines body = new PythonLines();
        if (!steps.isEmpty() || returned == null) {
            writeAll(steps, list, scope, body);
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

    void write(Step step, StepPath path, PythonScope scope, PythonLines out) {
        out.mark(path);
        step.accept(new Statement(path, scope, out));
    }

    /**
     * The step as one Python expression (a call), or null when it needs a statement or a block.
     * Lambdas use this to inline a one-step body.
     */
    String expression(Step step, StepPath path, PythonScope scope) {
        return step.accept(new Expression(path, scope));
    }

    /** Writes one step at {@code path}: a block, a statement, or its expression on a line. */
    private final class Statement implements StepVisitor<Void> {

        private final StepPath path;
        private final PythonScope scope;
        private final PythonLines out;

        Statement(StepPath path, PythonScope scope, PythonLines out) {
            this.path = path;
            this.scope = scope;
            this.out = out;
        }

        private Void expressionLine(Step step) {
            out.line(expression(step, path, scope));
            return null;
        }

        @Override public Void visit(Step.Compute step) { return expressionLine(step); }
        @Override public Void visit(Step.Sleep step) { return expressionLine(step); }
        @Override public Void visit(Step.Print step) { return expressionLine(step); }
        @Override public Void visit(Step.Acquire step) { return expressionLine(step); }
        @Override public Void visit(Step.Release step) { return expressionLine(step); }
        @Override public Void visit(Step.Put step) { return expressionLine(step); }
        @Override public Void visit(Step.Get step) { return expressionLine(step); }
        @Override public Void visit(Step.TaskDone step) { return expressionLine(step); }
        @Override public Void visit(Step.JoinQueue step) { return expressionLine(step); }
        @Override public Void visit(Step.Wait step) { return expressionLine(step); }
        @Override public Void visit(Step.SetEvent step) { return expressionLine(step); }
        @Override public Void visit(Step.ClearEvent step) { return expressionLine(step); }
        @Override public Void visit(Step.Start step) { return expressionLine(step); }
        @Override public Void visit(Step.Run step) { return expressionLine(step); }
        @Override public Void visit(Step.Join step) { return expressionLine(step); }
        @Override public Void visit(Step.IsAlive step) { return expressionLine(step); }
        @Override public Void visit(Step.Result step) { return expressionLine(step); }
        @Override public Void visit(Step.MapTasks step) { return expressionLine(step); }
        @Override public Void visit(Step.Shutdown step) { return expressionLine(step); }
        @Override public Void visit(Step.LocalGet step) { return expressionLine(step); }
        @Override public Void visit(Step.Introspect step) { return expressionLine(step); }

        @Override
        public Void visit(Step.Io io) {
            context.imports("time");
            String label = io.label() == null ? "" : PythonLiterals.comment(io.label());
            out.line("time.sleep(" + PythonLiterals.seconds(io.ms()) + ")  # simulated I/O" + (label.isEmpty() ? "" : ": " + label));
            return null;
        }

        @Override
        public Void visit(Step.Increment increment) {
            if (!increment.yieldBetween()) {
                String counter = context.resource(increment.counter());
                scope.assignsGlobal(counter);
                out.line(counter + " += " + increment.by());
                return null;
            }
            context.imports("time");
            String counter = context.resource(increment.counter());
            scope.assignsGlobal(counter);
            // a variable of its own: a resource or parameter called hits_read stays untouched
            String read = scope.temporary(counter + "_read");
            out.line(read + " = " + counter);
            out.line("time.sleep(0)  # lets another thread run between the read and the write");
            out.line(counter + " = " + read + " + " + increment.by());
            return null;
        }

        @Override
        public Void visit(Step.With with) {
            out.line("with " + context.resource(with.lock()) + ":");
            block(with.body(), path.block(BodyPath.DO), scope, out);
            return null;
        }

        @Override
        public Void visit(Step.GetUntil loop) {
            String sentinel = loop.sentinel() == null || loop.sentinel() instanceof Value.Null
                    ? "is not None" : "!= " + PythonLiterals.value(loop.sentinel());
            // each loop its own variable: an inner loop must not overwrite the item an outer one prints
            PythonScope body = scope.binding("item", "item");
            out.line("while (" + body.variable("item") + " := " + context.resource(loop.queue()) + ".get()) "
                    + sentinel + ":");
            block(loop.body(), path.block(BodyPath.DO), body, out);
            return null;
        }

        @Override
        public Void visit(Step.Until until) {
            String event = context.resource(until.event());
            out.line("while not " + event + ".is_set():");
            out.indent();
            if (!until.body().isEmpty()) {
                writeAll(until.body(), path.block(BodyPath.DO), scope, out);
            }
            if (until.bySleep()) {
                context.imports("time");
                out.line("time.sleep(" + PythonLiterals.seconds(until.pauseMs()) + ")");
            } else {
                out.line(event + ".wait(" + PythonLiterals.seconds(until.pauseMs()) + ")");
            }
            out.dedent();
            return null;
        }

        @Override
        public Void visit(Step.Repeat repeat) {
            String times = scope.paramHolding(repeat.times()).orElse(Integer.toString(repeat.times()));
            out.line("for _ in range(" + times + "):");
            block(repeat.body(), path.block(BodyPath.DO), scope, out);
            return null;
        }

        @Override
        public Void visit(Step.Try attempt) {
            writeTry(attempt, path, scope, out);
            return null;
        }

        @Override
        public Void visit(Step.LocalSet set) {
            out.line(context.resource(set.local()) + ".value = " + PythonLiterals.value(set.value()));
            return null;
        }

        @Override
        public Void visit(Step.SetDaemon daemon) {
            out.line(context.worker(daemon.worker()) + ".daemon = " + (daemon.value() ? "True" : "False"));
            return null;
        }

        @Override
        public Void visit(Step.Rename rename) {
            out.line(context.worker(rename.worker()) + ".name = " + PythonLiterals.string(rename.to()));
            return null;
        }

        @Override
        public Void visit(Step.Raise raise) {
            String type = context.exceptionType(raise.type());
            String message = raise.message() == null ? "" : PythonLiterals.value(raise.message());
            out.line("raise " + type + "(" + message + ")");
            return null;
        }

        @Override
        public Void visit(Step.Submit submit) {
            if (submit.future() == null) {
                return expressionLine(submit);
            }
            String future = context.future(submit.future());
            scope.assignsGlobal(future);
            out.line(future + " = " + submitCall(submit, path));
            return null;
        }
    }

    /** A step as one Python expression, or null for a step that needs a statement or a block. */
    private final class Expression implements StepVisitor<String> {

        private final StepPath path;
        private final PythonScope scope;

        Expression(StepPath path, PythonScope scope) {
            this.path = path;
            this.scope = scope;
        }

        @Override
        public String visit(Step.Compute compute) {
            context.usesCompute();
            return "compute(" + compute.ms() + ")";
        }

        @Override
        public String visit(Step.Sleep sleep) {
            context.imports("time");
            return "time.sleep(" + PythonLiterals.seconds(sleep.ms()) + ")";
        }

        @Override
        public String visit(Step.Print print) {
            return "print(" + templates.printArgument(print.text(), scope) + ")";
        }

        @Override
        public String visit(Step.Acquire acquire) {
            return context.resource(acquire.lock()) + ".acquire(" + timeout(acquire.timeoutMs()) + ")";
        }

        @Override
        public String visit(Step.Release release) {
            return context.resource(release.lock()) + ".release()";
        }

        @Override
        public String visit(Step.Put put) {
            String timeout = put.timeoutMs() == null ? "" : ", " + timeout(put.timeoutMs());
            return context.resource(put.queue()) + ".put(" + PythonLiterals.value(put.item()) + timeout + ")";
        }

        @Override
        public String visit(Step.Get get) {
            return context.resource(get.queue()) + ".get(" + timeout(get.timeoutMs()) + ")";
        }

        @Override
        public String visit(Step.TaskDone done) {
            return context.resource(done.queue()) + ".task_done()";
        }

        @Override
        public String visit(Step.JoinQueue join) {
            return context.resource(join.queue()) + ".join()";
        }

        @Override
        public String visit(Step.Wait wait) {
            return context.resource(wait.event()) + ".wait(" + timeout(wait.timeoutMs()) + ")";
        }

        @Override
        public String visit(Step.SetEvent set) {
            return context.resource(set.event()) + ".set()";
        }

        @Override
        public String visit(Step.ClearEvent clear) {
            return context.resource(clear.event()) + ".clear()";
        }

        @Override
        public String visit(Step.Start start) {
            return context.worker(start.worker()) + ".start()";
        }

        @Override
        public String visit(Step.Run run) {
            return context.worker(run.worker()) + ".run()";
        }

        @Override
        public String visit(Step.Join join) {
            return context.worker(join.worker()) + ".join(" + timeout(join.timeoutMs()) + ")";
        }

        @Override
        public String visit(Step.IsAlive alive) {
            return "print(" + context.worker(alive.worker()) + ".is_alive())";
        }

        @Override
        public String visit(Step.Submit submit) {
            // bound to a future, it is an assignment
            return submit.future() == null ? submitCall(submit, path) : null;
        }

        @Override
        public String visit(Step.Result result) {
            String call = context.future(result.future()) + ".result(" + timeout(result.timeoutMs()) + ")";
            return result.print() ? "print(" + call + ")" : call;
        }

        @Override
        public String visit(Step.MapTasks map) {
            String function = taskFunction(map.task(), path.block(BodyPath.TASK), false);
            String call = "list(" + context.resource(map.executor()) + ".map(" + function + ", "
                    + PythonLiterals.value(new Value.Array(map.items())) + "))";
            return map.print() ? "print(" + call + ")" : call;
        }

        @Override
        public String visit(Step.Shutdown shutdown) {
            return context.resource(shutdown.executor()) + ".shutdown(wait=True)";
        }

        @Override
        public String visit(Step.LocalGet get) {
            return "print(" + context.resource(get.local()) + ".value)";
        }

        @Override
        public String visit(Step.Introspect introspect) {
            context.imports("threading");
            return introspection(introspect.query());
        }

        // statements and blocks
        @Override public String visit(Step.Io step) { return null; }
        @Override public String visit(Step.With step) { return null; }
        @Override public String visit(Step.GetUntil step) { return null; }
        @Override public String visit(Step.Until step) { return null; }
        @Override public String visit(Step.LocalSet step) { return null; }
        @Override public String visit(Step.SetDaemon step) { return null; }
        @Override public String visit(Step.Rename step) { return null; }
        @Override public String visit(Step.Increment step) { return null; }
        @Override public String visit(Step.Raise step) { return null; }
        @Override public String visit(Step.Try step) { return null; }
        @Override public String visit(Step.Repeat step) { return null; }
    }

    private void block(List<Step> steps, BodyPath list, PythonScope scope, PythonLines out) {
        out.indent();
        writeAll(steps, list, scope, out);
        out.dedent();
    }

    /**
     * {@code except Type as error:} only when the handler prints {@code {error}}; a handler
     * nested in it gets a variable of its own, since Python deletes the variable when a
     * handler ends and the outer handler may still print its own.
     */
    private void writeTry(Step.Try attempt, StepPath path, PythonScope scope, PythonLines out) {
        out.line("try:");
        block(attempt.body(), path.block(BodyPath.TRY), scope, out);
        String type = context.exceptionType(PythonExceptionNames.caught(attempt));
        if (printsError(attempt.handler())) {
            PythonScope handler = scope.binding("error", "error");
            out.line("except " + type + " as " + handler.variable("error") + ":");
            block(attempt.handler(), path.block(BodyPath.THEN), handler, out);
        } else {
            out.line("except " + type + ":");
            block(attempt.handler(), path.block(BodyPath.THEN), scope, out);
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

    private String submitCall(Step.Submit submit, StepPath path) {
        String function = taskFunction(submit.task(), path.block(BodyPath.TASK), true);
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
    private String taskFunction(Task task, BodyPath steps, boolean submitted) {
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
        PythonLines body = functionBody(task.steps(), steps, scope, returned);
        PythonLines definition = new PythonLines();
        definition.line("def " + PythonContext.NAME_TOKEN + "(" + signature.requiredParameters() + "):");
        definition.indent();
        definition.append(body);
        return context.define(context.definitionName(task.function()), true, definition);
    }
}
