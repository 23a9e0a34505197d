package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepVisitor;
import io.threadstage.model.StepPath;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline's rows for a scenario: resources, workers with their bodies, and main. A block
 * step shows its body as its children; a {@code try} shows its two blocks as rows of their own
 * so either can be a drop target. Stateless.
 */
public final class OutlineModel {

    private OutlineModel() {
    }

    public static List<OutlineNode> build(Scenario scenario) {
        List<OutlineNode> resources = new ArrayList<>();
        for (int i = 0; i < scenario.resources().size(); i++) {
            Resource resource = scenario.resources().get(i);
            resources.add(new OutlineNode(OutlineNode.Kind.RESOURCE, describe(resource),
                    new Selection.OfResource(i), null, List.of()));
        }
        List<OutlineNode> workers = new ArrayList<>();
        for (int i = 0; i < scenario.workers().size(); i++) {
            Worker worker = scenario.workers().get(i);
            BodyPath body = BodyPath.worker(i);
            workers.add(new OutlineNode(OutlineNode.Kind.WORKER, describe(scenario, i, worker),
                    new Selection.OfWorker(i), body, steps(worker.steps(), body)));
        }
        return List.of(
                new OutlineNode(OutlineNode.Kind.RESOURCES, "Resources", Selection.NOTHING, null, resources),
                new OutlineNode(OutlineNode.Kind.WORKERS, "Workers", Selection.NOTHING, null, workers),
                new OutlineNode(OutlineNode.Kind.MAIN, "main (MainThread)", new Selection.OfBody(BodyPath.main()),
                        BodyPath.main(), steps(scenario.main(), BodyPath.main())));
    }

    private static List<OutlineNode> steps(List<Step> steps, BodyPath body) {
        List<OutlineNode> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StepPath path = body.at(i);
            List<String> blocks = StepTree.blockKeys(step);
            List<OutlineNode> children = new ArrayList<>();
            BodyPath opens = blocks.isEmpty() ? null : path.block(blocks.get(0));
            if (step instanceof Step.Try t) {
                BodyPath tried = path.block(BodyPath.TRY);
                BodyPath handler = path.block(BodyPath.THEN);
                children.add(new OutlineNode(OutlineNode.Kind.BLOCK, "try:", new Selection.OfBody(tried), tried,
                        steps(t.body(), tried)));
                children.add(new OutlineNode(OutlineNode.Kind.BLOCK, "except " + t.except() + ":",
                        new Selection.OfBody(handler), handler, steps(t.handler(), handler)));
            } else if (opens != null) {
                children.addAll(steps(StepTree.block(step, blocks.get(0)), opens));
            }
            rows.add(new OutlineNode(OutlineNode.Kind.STEP, describe(step), new Selection.OfStep(path), opens, children));
        }
        return rows;
    }

    static String describe(Resource resource) {
        String extra = "";
        if (resource instanceof Resource.Queue q) {
            extra = q.maxsize() == 0 ? " (unbounded)" : " (maxsize " + q.maxsize() + ")";
        } else if (resource instanceof Resource.Executor e) {
            extra = " (max_workers " + e.maxWorkers() + ")";
        } else if (resource instanceof Resource.Counter c) {
            extra = " = " + c.value();
        }
        return resource.name() + ": " + resource.kind() + extra;
    }

    static String describe(Scenario scenario, int index, Worker worker) {
        String how = switch (worker.style()) {
            case TARGET -> "target=" + worker.function();
            case LAMBDA -> "lambda";
            case SUBCLASS -> "class " + worker.className() + "(Thread)";
            case CALLABLE -> worker.className() + "()";
        };
        String name = Names.threadName(scenario, index);
        String ref = worker.name() == null ? "[" + worker.id() + "] " : "";
        return ref + name + "  \u00b7  " + how + (worker.daemon() ? ", daemon" : "");
    }

    /** One line per step, close to the document: the verb, then what it acts on. */
    public static String describe(Step step) {
        return step.accept(StepLine.INSTANCE);
    }

    /** The outline's line of each type of step. Stateless; any thread. */
    private static final class StepLine implements StepVisitor<String> {

        static final StepLine INSTANCE = new StepLine();

        @Override public String visit(Step.Compute s) { return "compute " + s.ms() + " ms"; }
        @Override public String visit(Step.Sleep s) { return "sleep " + s.ms() + " ms"; }

        @Override
        public String visit(Step.Io s) {
            return "io " + s.ms() + " ms" + (s.label() == null ? "" : " \u201c" + s.label() + "\u201d");
        }

        @Override public String visit(Step.Print s) { return "print \u201c" + s.text() + "\u201d"; }
        @Override public String visit(Step.Acquire s) { return "acquire " + s.lock() + timeout(s.timeoutMs()); }
        @Override public String visit(Step.Release s) { return "release " + s.lock(); }
        @Override public String visit(Step.With s) { return "with " + s.lock(); }

        @Override
        public String visit(Step.Put s) {
            return "put " + s.queue() + " \u2190 " + FieldCodec.format(s.item()) + timeout(s.timeoutMs());
        }

        @Override public String visit(Step.Get s) { return "get " + s.queue() + timeout(s.timeoutMs()); }

        @Override
        public String visit(Step.GetUntil s) {
            return "for each item of " + s.queue() + " until " + FieldCodec.format(s.sentinel());
        }

        @Override public String visit(Step.TaskDone s) { return "task_done " + s.queue(); }
        @Override public String visit(Step.JoinQueue s) { return "join_queue " + s.queue(); }
        @Override public String visit(Step.Wait s) { return "wait " + s.event() + timeout(s.timeoutMs()); }
        @Override public String visit(Step.SetEvent s) { return "set " + s.event(); }
        @Override public String visit(Step.ClearEvent s) { return "clear " + s.event(); }

        @Override
        public String visit(Step.Until s) {
            return "until " + s.event() + " is set (" + (s.bySleep() ? "sleep " : "wait ") + s.pauseMs() + " ms)";
        }

        @Override public String visit(Step.Start s) { return "start " + s.worker(); }
        @Override public String visit(Step.Run s) { return "run " + s.worker(); }
        @Override public String visit(Step.Join s) { return "join " + s.worker() + timeout(s.timeoutMs()); }
        @Override public String visit(Step.IsAlive s) { return "is_alive " + s.worker(); }
        @Override public String visit(Step.SetDaemon s) { return "set daemon " + s.worker() + " = " + s.value(); }
        @Override public String visit(Step.Rename s) { return "rename " + s.worker() + " \u2192 " + s.to(); }

        @Override
        public String visit(Step.Submit s) {
            return s.future() + " = submit " + task(s.task()) + " to " + s.executor();
        }

        @Override
        public String visit(Step.Result s) {
            return (s.print() ? "print " : "") + "result of " + s.future() + timeout(s.timeoutMs());
        }

        @Override
        public String visit(Step.MapTasks s) {
            return "map " + task(s.task()) + " over " + FieldCodec.format(s.items()) + " on " + s.executor();
        }

        @Override public String visit(Step.Shutdown s) { return "shutdown " + s.executor(); }
        @Override public String visit(Step.LocalSet s) { return s.local() + ".value = " + FieldCodec.format(s.value()); }
        @Override public String visit(Step.LocalGet s) { return "local_get " + s.local(); }

        @Override
        public String visit(Step.Increment s) {
            return "increment " + s.counter() + " by " + s.by() + (s.yieldBetween() ? ", yielding between read and write" : "");
        }

        @Override public String visit(Step.Raise s) { return "raise " + s.type() + "(" + raiseArgument(s.message()) + ")"; }
        @Override public String visit(Step.Try s) { return "try"; }
        @Override public String visit(Step.Repeat s) { return "repeat " + s.times() + " times"; }
        @Override public String visit(Step.Introspect s) { return s.verb(); }
    }

    private static String task(Task task) {
        return task.function() + "(" + String.join(", ", task.params()) + ")";
    }

    private static String timeout(Long ms) {
        return ms == null ? "" : " (timeout " + ms + " ms)";
    }

    static String value(Value value) {
        return FieldCodec.format(value);
    }

    /** A text message in quotes, an exit status as its number, nothing for {@code raise Type()}. */
    private static String raiseArgument(Value message) {
        if (message == null) {
            return "";
        }
        if (message instanceof Value.Text text) {
            return "\u201c" + text.value() + "\u201d";
        }
        return FieldCodec.format(message);
    }
}
