package io.threadstage.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scenarios built in code, for tests of the validator, the writer and the loader. */
public final class ModelFixtures {

    private ModelFixtures() {
    }

    /** A valid scenario that uses every verb, every resource kind, every worker style and every option. */
    public static Scenario everyVerb() {
        List<Resource> resources = List.of(
                new Resource.Lock("a_lock"), new Resource.RLock("r_lock"), new Resource.Event("stop"),
                new Resource.Queue("jobs", 2), new Resource.Executor("pool", 2), new Resource.Local("context"),
                new Resource.Counter("hits", 5));
        Map<String, Value> item = new LinkedHashMap<>();
        item.put("n", Value.of(1));
        item.put("tags", new Value.Array(List.of(Value.of("a"), Value.NONE, new Value.Bool(false))));
        List<Step> body = List.of(
                new Step.Compute(10), new Step.Sleep(20), new Step.Io(30, "GET /"), new Step.Io(31, null),
                new Step.Print("{thread} {count} {hits} {context} {{literal}}"),
                new Step.Acquire("a_lock", 100L), new Step.Acquire("a_lock", null), new Step.Release("a_lock"),
                new Step.With("r_lock", List.of(new Step.Increment("hits", 2))),
                new Step.Put("jobs", new Value.Dict(item), 50L), new Step.Put("jobs", Value.NONE, null),
                new Step.Get("jobs", 60L), new Step.Get("jobs", null), new Step.TaskDone("jobs"), new Step.JoinQueue("jobs"),
                new Step.Wait("stop", 70L), new Step.Wait("stop", null), new Step.SetEvent("stop"), new Step.ClearEvent("stop"),
                new Step.Until("stop", List.of(new Step.Compute(1)), 10, false),
                new Step.Until("stop", List.of(), 5, true),
                new Step.LocalSet("context", new Value.Real(1.5)), new Step.LocalGet("context"),
                new Step.Raise("ValueError", "bad"), new Step.Raise("RuntimeError", (Value) null),
                new Step.Try(List.of(new Step.Raise("KeyError", (Value) null)), "KeyError", List.of(new Step.Print("caught {error}"))),
                new Step.Repeat(2, List.of(new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Print("got {item}"))))),
                new Step.Introspect(Step.Query.CURRENT_THREAD), new Step.Introspect(Step.Query.MAIN_THREAD),
                new Step.Introspect(Step.Query.ENUMERATE), new Step.Introspect(Step.Query.ACTIVE_COUNT));
        List<Worker> workers = List.of(
                new Worker("Worker One", null, WorkerStyle.TARGET, "work", null, List.of("count"),
                        List.of(Value.of(3)), Map.of(), true, body),
                new Worker(null, "helper", WorkerStyle.LAMBDA, null, null, List.of(), List.of(), Map.of(), false, List.of()),
                new Worker("Sub", null, WorkerStyle.SUBCLASS, null, "Sub", List.of(), List.of(), Map.of(), false,
                        List.of(new Step.Print("sub"))),
                new Worker("Call", null, WorkerStyle.CALLABLE, null, "Caller", List.of("x"), List.of(),
                        Map.of("x", Value.of("y")), false, List.of()));
        List<Step> main = List.of(
                new Step.Start("Worker One"), new Step.Run("helper"), new Step.Join("Worker One", 1000L),
                new Step.Join("Sub", null), new Step.IsAlive("Worker One"), new Step.SetDaemon("Sub", false),
                new Step.Rename("Sub", "Renamed"),
                new Step.Submit("pool", new Task("compute_answer", List.of("n"), List.of(Value.of(6)),
                        List.of(new Step.Compute(5)), Value.of("{n} squared")), "answer"),
                new Step.Submit("pool", new Task("fire", List.of(), List.of(), List.of(), null), null),
                new Step.Result("answer", 500L, true), new Step.Result("answer", null, false),
                new Step.MapTasks("pool", new Task("square", List.of(), List.of(), List.of(), Value.of("{item}")),
                        List.of(Value.of(1), Value.of(2), new Value.Real(2.5)), true),
                new Step.MapTasks("pool", new Task("double", List.of("n"), List.of(), List.of(), Value.of(2)),
                        List.of(), false),
                new Step.Shutdown("pool"), new Step.Increment("hits", 1));
        Map<String, Value> extensions = new LinkedHashMap<>();
        extensions.put("x-deterministic", new Value.Bool(true));
        extensions.put("x-notes", new Value.Dict(Map.of("by", Value.of("tests"))));
        return new Scenario("Every verb", "Line one\nLine \"two\" — é", new Settings(true, 7, 0.5, Settings.Excepthook.CUSTOM),
                resources, workers, main, extensions);
    }

    /** The smallest valid scenario with one queue, one worker and main. */
    public static Scenario small() {
        Worker producer = new Worker("Producer", null, WorkerStyle.TARGET, "produce", null, List.of(), List.of(),
                Map.of(), false, List.of(new Step.Put("jobs", Value.of("job"), null)));
        return new Scenario("Small", null, Settings.DEFAULT, List.of(new Resource.Queue("jobs", 2)),
                List.of(producer), List.of(new Step.Start("Producer"), new Step.Join("Producer", null)), Map.of());
    }
}
