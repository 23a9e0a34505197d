package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ExecutorTest {

    private static List<String> createdNames(Harness h) {
        return h.all(TraceEvent.ThreadInfo.class).stream().filter(info -> info.ident() == null)
                .map(TraceEvent.ThreadInfo::thread).toList();
    }

    @Test
    void poolThreadsAreNamedLikeCPythonAndCreatedLazily() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("first", 4))
                .resource(new Resource.Executor("pool", 4))
                .main(new Step.Submit("pool", task("square", List.of("n"), List.of(Value.of(3)), Value.of("{n}"),
                                new Step.Introspect(Step.Query.CURRENT_THREAD), new Step.Sleep(300)), "f"),
                        new Step.Result("f", null, true)).get()).finish();

        assertEquals(List.of("ThreadPoolExecutor-1_0", "3"), h.out);
        // one task: one pool thread, though four are allowed
        assertEquals(List.of("MainThread", "ThreadPoolExecutor-1_0"), createdNames(h));
        h.assertLifecycle("ThreadPoolExecutor-1_0", "created", "running", "waiting(sleep)", "running",
                "waiting(idle pool)", "running",
                "terminated(returned)");
        h.assertLifecycle("MainThread", "created", "running", "waiting(future f)", "running",
                "waiting(join ThreadPoolExecutor-1_0)", "running", "terminated(returned)");
    }

    @Test
    void anIdleThreadIsReusedBeforeANewOneIsCreated() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("pool", 4))
                .main(new Step.Submit("pool", task("a", List.of(), List.of(), null), "f1"),
                        new Step.Result("f1", null, false),
                        new Step.Submit("pool", task("b", List.of(), List.of(), null), "f2"),
                        new Step.Result("f2", null, false),
                        new Step.Shutdown("pool"), new Step.Print("shut")).get()).finish();

        assertEquals(List.of("MainThread", "ThreadPoolExecutor-0_0"), createdNames(h));
        assertEquals(List.of("shut"), h.out);
        // shutdown(wait=True) calls join() on each pool thread: recorded as joins
        int pool = h.tid("ThreadPoolExecutor-0_0");
        assertEquals(List.of("MainThread joins " + pool + " begin", "MainThread joins " + pool + " end"),
                h.all(TraceEvent.Join.class).stream().map(join -> join.thread() + " joins " + join.target() + " "
                        + (join.begin() ? "begin" : "end") + (join.timedOut() ? " timed out" : "")).toList());
    }

    @Test
    void busyThreadsMakeNewOnesUpToMaxWorkers() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("pool", 2))
                .main(new Step.MapTasks("pool", task("slow", List.of(), List.of(), Value.of("{item}!"),
                        new Step.Sleep(20)), List.of(Value.of(1), Value.of(2), Value.of(3)), true)).get()).finish();

        assertEquals(List.of("['1!', '2!', '3!']"), h.out);
        assertEquals(List.of("MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"), createdNames(h));
    }

    @Test
    void resultReRaisesTheTasksExceptionInTheCaller() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("pool", 1))
                .main(new Step.Submit("pool", task("fail", List.of(), List.of(), null,
                                new Step.Raise("ValueError", "task failed")), "f"),
                        new Step.Try(Build.steps(new Step.Result("f", null, true)), "ValueError",
                                Build.steps(new Step.Print("caught {error} in {thread}"))),
                        new Step.Result("f", null, false)).get()).finish();

        assertEquals(List.of("caught task failed in MainThread"), h.out);
        List<TraceEvent.ExceptionRaised> raised = h.all(TraceEvent.ExceptionRaised.class);
        assertEquals(3, raised.size());
        assertEquals(h.tid("ThreadPoolExecutor-0_0"), raised.get(0).tid());
        assertEquals(true, raised.get(0).caught());
        assertEquals(0, raised.get(1).tid());
        assertEquals(true, raised.get(1).caught());
        assertEquals(false, raised.get(2).caught());
        assertTrue(h.err.get(0).endsWith("\nValueError: task failed"), h.err.get(0));
        assertTrue(h.run.result().orElseThrow().mainRaised());
    }

    @Test
    void resultWithTimeoutRaisesTimeoutError() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("pool", 1))
                .main(new Step.Submit("pool", task("slow", List.of(), List.of(), null, new Step.Sleep(200)), "f"),
                        new Step.Result("f", 10L, false)).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nTimeoutError"), h.err.get(0));
    }

    @Test
    void submitAfterShutdownRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("pool", 1))
                .main(new Step.Shutdown("pool"),
                        new Step.Submit("pool", task("late", List.of(), List.of(), null), "f")).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nRuntimeError: cannot schedule new futures after shutdown"), h.err.get(0));
    }

    @Test
    void atTheInterpreterExitAPoolRefusesNewWorkInCPythonsWordsAndFinishesItsQueue() {
        Step submitLater = new Step.Try(Build.steps(new Step.Submit("never_used", task("late", List.of(), List.of(), null), null)),
                "RuntimeError", Build.steps(new Step.Print("never used: {error}")));
        Step submitToUsed = new Step.Try(Build.steps(new Step.Submit("used", task("late", List.of(), List.of(), null), null)),
                "RuntimeError", Build.steps(new Step.Print("used: {error}")));
        Harness h = Harness.start(scenario()
                .resource(new Resource.Executor("never_used", 1))
                .resource(new Resource.Executor("used", 1))
                .worker(Build.target("Late", "late", new Step.Sleep(150), submitLater, submitToUsed))
                .main(new Step.Start("Late"),
                        new Step.Submit("used", task("slow", List.of(), List.of(), null, new Step.Sleep(50),
                                new Step.Print("queued before the exit, still runs")), null)).get()).finish();

        assertEquals(List.of("queued before the exit, still runs",
                "never used: cannot schedule new futures after interpreter shutdown",
                // the pool's thread took the end and flagged its executor: CPython's _worker does so
                "used: cannot schedule new futures after shutdown"), h.out);
    }
}
