package io.threadstage.io;

import static io.threadstage.io.Scenarios.number;
import static io.threadstage.io.Scenarios.scenario;
import static io.threadstage.io.Scenarios.task;
import static io.threadstage.io.Scenarios.text;
import static io.threadstage.io.Scenarios.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small scenarios that together use every worker style and every verb, with their expected programs. */
final class GeneratorSamples {

    /** Sample name to scenario; each has its expected program in {@code /python/NAME.py}. */
    static final Map<String, Scenario> ALL = all();

    private GeneratorSamples() {
    }

    private static Map<String, Scenario> all() {
        Map<String, Scenario> samples = new LinkedHashMap<>();
        samples.put("styles", styles());
        samples.put("pool", pool());
        samples.put("verbs", verbs());
        samples.put("blocks", blocks());
        samples.put("sharing", sharing());
        return samples;
    }

    static String expected(String name) throws IOException {
        try (InputStream in = GeneratorSamples.class.getResourceAsStream("/python/" + name + ".py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Scenario styles() {
        Map<String, Value> kwargs = new LinkedHashMap<>();
        kwargs.put("greeting", text("Hello"));
        return scenario(List.of(),
                List.of(new Worker("Greeter", null, WorkerStyle.TARGET, "greet", null, List.of("name"), List.of(text("Ada")),
                                kwargs, true, List.of(new Step.Print("{greeting}, {name} from {thread}"))),
                        worker("Ticker", WorkerStyle.LAMBDA, null, null, new Step.Print("tick")),
                        new Worker(null, "countdown", WorkerStyle.LAMBDA, null, null, List.of("n"), List.of(number(2)),
                                Map.of(), false, List.of(new Step.Repeat(2, List.of(new Step.Sleep(500))))),
                        worker("Idle", WorkerStyle.LAMBDA, null, null),
                        worker("Plain", WorkerStyle.SUBCLASS, null, "Plain", new Step.Compute(100)),
                        new Worker("Counter", null, WorkerStyle.SUBCLASS, null, "Counter", List.of("limit"), List.of(number(3)),
                                Map.of(), true, List.of(new Step.Repeat(3, List.of(new Step.Print("{limit}"))))),
                        worker("Bare", WorkerStyle.CALLABLE, null, "Task", new Step.Sleep(100)),
                        new Worker(null, "stateful", WorkerStyle.CALLABLE, null, "Greeting", List.of("word"), List.of(text("hi")),
                                Map.of(), false, List.of(new Step.Print("{word}")))),
                List.of(new Step.Start("Greeter"), new Step.Start("Ticker")));
    }

    static Scenario pool() {
        return new Scenario("Pool \"demo\"", null, new Settings(false, 5, 1.0, Settings.Excepthook.CUSTOM),
                List.of(new Resource.Executor("pool", 4), new Resource.Counter("calls", 0)),
                List.of(),
                List.of(new Step.Submit("pool", task("add", List.of(), List.of(number(1), number(2)), number(3),
                                new Step.Increment("calls", 1)), "total"),
                        new Step.Submit("pool", task("add", List.of(), List.of(number(5), number(6)), number(3),
                                new Step.Increment("calls", 1)), null),
                        new Step.Result("total", null, false), new Step.Result("total", 2500L, true),
                        new Step.MapTasks("pool", task("label", List.of(), List.of(), text("#{item}")),
                                List.of(number(1), number(2)), true),
                        new Step.MapTasks("pool", task("noop", List.of("x"), List.of(), null), List.of(), false),
                        new Step.Shutdown("pool")), Map.of());
    }

    static Scenario verbs() {
        return scenario(
                List.of(new Resource.Lock("lock"), new Resource.Queue("jobs", 0), new Resource.Event("stop"),
                        new Resource.Local("data"), new Resource.Counter("hits", 5), new Resource.RLock("rlock")),
                List.of(worker("Worker", WorkerStyle.TARGET, "work", null, new Step.Sleep(100))),
                List.of(new Step.Compute(150), new Step.Sleep(2000), new Step.Io(250, null), new Step.Io(50, "GET /"),
                        new Step.Acquire("lock", null), new Step.Release("lock"), new Step.Acquire("rlock", 500L),
                        new Step.Put("jobs", text("a\"b"), null), new Step.Put("jobs", number(7), 100L),
                        new Step.Get("jobs", null), new Step.Get("jobs", 1000L), new Step.TaskDone("jobs"),
                        new Step.JoinQueue("jobs"), new Step.Wait("stop", null), new Step.Wait("stop", 300L),
                        new Step.SetEvent("stop"), new Step.ClearEvent("stop"), new Step.Start("Worker"),
                        new Step.Run("Worker"), new Step.Join("Worker", null), new Step.Join("Worker", 1L),
                        new Step.IsAlive("Worker"), new Step.SetDaemon("Worker", true), new Step.Rename("Worker", "W-2"),
                        new Step.LocalSet("data", new Value.Array(List.of(number(1), Value.NONE, new Value.Bool(true)))),
                        new Step.LocalGet("data"), new Step.Increment("hits", 2), new Step.Print("{hits} {data} {{}} {nope}"),
                        new Step.Introspect(Step.Query.CURRENT_THREAD), new Step.Introspect(Step.Query.MAIN_THREAD),
                        new Step.Introspect(Step.Query.ENUMERATE), new Step.Introspect(Step.Query.ACTIVE_COUNT),
                        new Step.Raise("ValueError", "bad")));
    }

    static Scenario blocks() {
        return scenario(
                List.of(new Resource.Lock("lock"), new Resource.Queue("jobs", 3), new Resource.Event("stop"),
                        new Resource.Counter("total", 0)),
                List.of(new Worker("Looper", null, WorkerStyle.TARGET, "loop", null, List.of("rounds"), List.of(number(4)),
                        Map.of(), false, List.of(
                                new Step.Repeat(4, List.of(new Step.With("lock", List.of(new Step.Increment("total", 1))))),
                                new Step.Repeat(2, List.of()),
                                new Step.Until("stop", List.of(new Step.Compute(100)), 500, false),
                                new Step.Until("stop", List.of(), 250, true),
                                new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Print("{item}"), new Step.TaskDone("jobs"))),
                                new Step.GetUntil("jobs", text("stop"), List.of()),
                                new Step.Try(List.of(new Step.Raise("QuotaError", "full")), "QuotaError",
                                        List.of(new Step.Print("caught {error}"))),
                                new Step.Try(List.of(new Step.Get("jobs", 100L)), "queue.Empty",
                                        List.of(new Step.Print("nothing"))),
                                new Step.Try(List.of(), "Exception", List.of())))),
                List.of(new Step.Start("Looper"), new Step.Increment("total", 1)));
    }

    static Scenario sharing() {
        return scenario(List.of(),
                List.of(worker("Produce", WorkerStyle.TARGET, "produce", null, new Step.Sleep(100)),
                        worker("Worker-2", WorkerStyle.TARGET, "produce", null, new Step.Sleep(100)),
                        worker("Worker-3", WorkerStyle.TARGET, "produce", null, new Step.Sleep(200))),
                List.of(new Step.Start("Produce")));
    }
}
