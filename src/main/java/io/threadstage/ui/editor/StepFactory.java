package io.threadstage.ui.editor;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default instance of every palette tile: a step that is valid at once where possible.
 * A step that needs a resource refers to the first one of its kind; when none exists, one is
 * added with a fresh name, so a dropped {@code put} is never left dangling. A step that needs a
 * worker takes the first one the scenario does not yet start (or join), which is what a
 * teacher building {@code start, start, join, join} means. Stateless.
 */
public final class StepFactory {

    /** Tile id of the consumer loop, {@code {"get": q, "until_item": v, "do": [...]}}. */
    public static final String GET_UNTIL = "get_until";

    /** A new step and the scenario it needs (the input, or with one resource more). */
    public record Created(Scenario scenario, Step step) {
    }

    private StepFactory() {
    }

    public static Created step(String tileId, Scenario scenario) {
        Needs needs = new Needs(scenario);
        Step step = switch (tileId) {
            case "compute" -> new Step.Compute(200);
            case "sleep" -> new Step.Sleep(100);
            case "io" -> new Step.Io(300, "I/O");
            case "print" -> new Step.Print("hello from {thread}");
            case "acquire" -> new Step.Acquire(needs.resource("lock", "rlock"), null);
            case "release" -> new Step.Release(needs.resource("lock", "rlock"));
            case "with" -> new Step.With(needs.resource("lock", "rlock"), List.of());
            case "put" -> new Step.Put(needs.resource("queue"), Value.of("item"), null);
            case "get" -> new Step.Get(needs.resource("queue"), null);
            case GET_UNTIL -> new Step.GetUntil(needs.resource("queue"), Value.NONE, List.of());
            case "task_done" -> new Step.TaskDone(needs.resource("queue"));
            case "join_queue" -> new Step.JoinQueue(needs.resource("queue"));
            case "wait" -> new Step.Wait(needs.resource("event"), null);
            case "set" -> new Step.SetEvent(needs.resource("event"));
            case "clear" -> new Step.ClearEvent(needs.resource("event"));
            case "until" -> new Step.Until(needs.resource("event"), List.of(), 100, false);
            case "start" -> new Step.Start(needs.workerNot(Step.Start.class));
            case "run" -> new Step.Run(needs.workerNot(Step.Run.class));
            case "join" -> new Step.Join(needs.workerNot(Step.Join.class), null);
            case "is_alive" -> new Step.IsAlive(needs.workerNot(null));
            case "set_daemon" -> new Step.SetDaemon(needs.workerNot(null), true);
            case "rename" -> new Step.Rename(needs.workerNot(null), "renamed");
            case "submit" -> new Step.Submit(needs.resource("executor"),
                    new Task(needs.fresh("task"), List.of(), List.of(), List.of(), null), needs.fresh("future"));
            case "result" -> new Step.Result(needs.lastFuture(), null, true);
            case "map" -> new Step.MapTasks(needs.resource("executor"),
                    new Task(needs.fresh("square"), List.of("n"), List.of(), List.of(), Value.of("{n}")),
                    List.of(Value.of(1), Value.of(2), Value.of(3)), true);
            case "shutdown" -> new Step.Shutdown(needs.resource("executor"));
            case "local_set" -> new Step.LocalSet(needs.resource("local"), Value.of("{thread}"));
            case "local_get" -> new Step.LocalGet(needs.resource("local"));
            case "increment" -> new Step.Increment(needs.resource("counter"), 1);
            case "raise" -> new Step.Raise("ValueError", "bad value");
            case "try" -> new Step.Try(List.of(), "Exception", List.of());
            case "repeat" -> new Step.Repeat(3, List.of());
            case "current_thread" -> new Step.Introspect(Step.Query.CURRENT_THREAD);
            case "main_thread" -> new Step.Introspect(Step.Query.MAIN_THREAD);
            case "enumerate" -> new Step.Introspect(Step.Query.ENUMERATE);
            case "active_count" -> new Step.Introspect(Step.Query.ACTIVE_COUNT);
            default -> throw new IllegalArgumentException("no step tile " + tileId);
        };
        return new Created(needs.scenario, step);
    }

    /**
     * A new worker of a style. It gets no {@code name}, so it runs under CPython's default
     * name ({@code Thread-N (function)}), which is what the lesson on naming teaches, and a
     * short {@code id} (t1, t2...) that steps use to refer to it. Setting a name in the
     * property sheet replaces the id.
     */
    public static Worker worker(WorkerStyle style, Scenario scenario) {
        Set<String> taken = Names.taken(scenario);
        String id = freshId(scenario);
        String function = style == WorkerStyle.TARGET ? Names.fresh("work", taken) : null;
        String className = switch (style) {
            case SUBCLASS -> Names.fresh("Worker", taken);
            case CALLABLE -> Names.fresh("Job", taken);
            default -> null;
        };
        return new Worker(null, id, style, function, className, List.of(), List.of(), Map.of(), false, List.of());
    }

    public static Resource resource(String kind, Scenario scenario) {
        Set<String> taken = Names.taken(scenario);
        return switch (kind) {
            case "lock" -> new Resource.Lock(Names.fresh("lock", taken));
            case "rlock" -> new Resource.RLock(Names.fresh("rlock", taken));
            case "event" -> new Resource.Event(Names.fresh("event", taken));
            case "queue" -> new Resource.Queue(Names.fresh("q", taken), 0);
            case "executor" -> new Resource.Executor(Names.fresh("pool", taken), 2);
            case "local" -> new Resource.Local(Names.fresh("data", taken));
            case "counter" -> new Resource.Counter(Names.fresh("counter", taken), 0);
            default -> throw new IllegalArgumentException("no resource kind " + kind);
        };
    }

    private static String freshId(Scenario scenario) {
        Set<String> taken = Names.taken(scenario);
        for (int n = 1; ; n++) {
            if (!taken.contains("t" + n)) {
                return "t" + n;
            }
        }
    }

    /** What a new step refers to, adding a resource when the scenario lacks one. */
    private static final class Needs {

        private Scenario scenario;

        Needs(Scenario scenario) {
            this.scenario = scenario;
        }

        String resource(String... kinds) {
            List<String> existing = Names.resources(scenario, List.of(kinds));
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            Resource added = StepFactory.resource(kinds[0], scenario);
            List<Resource> resources = new ArrayList<>(scenario.resources());
            resources.add(added);
            scenario = scenario.withResources(resources);
            return added.name();
        }

        /** The first worker no step of type {@code already} names yet, else the first worker. */
        String workerNot(Class<? extends Step> already) {
            List<String> refs = Names.workers(scenario);
            if (refs.isEmpty()) {
                return "";
            }
            if (already != null) {
                List<String> used = new ArrayList<>();
                Names.forEachStep(scenario, step -> {
                    if (already.isInstance(step)) {
                        used.add(String.valueOf(RecordFields.get((Record) step, "worker")));
                    }
                });
                for (String ref : refs) {
                    if (!used.contains(ref)) {
                        return ref;
                    }
                }
            }
            return refs.get(0);
        }

        String lastFuture() {
            List<String> futures = Names.futures(scenario);
            return futures.isEmpty() ? "future" : futures.get(futures.size() - 1);
        }

        String fresh(String base) {
            return Names.fresh(base, Names.taken(scenario));
        }
    }
}
