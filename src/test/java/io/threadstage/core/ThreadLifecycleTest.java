package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static io.threadstage.core.Build.unnamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.model.WorkerStyle;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ThreadLifecycleTest {

    @Test
    void targetThreadGoesCreatedRunningSleepingRunningTerminated() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Sleep(300)))
                .main(new Step.Start("Worker"), new Step.Join("Worker", null)).get()).finish();

        assertEquals(Outcome.COMPLETED, h.outcome());
        h.assertLifecycle("Worker", "created", "running", "waiting(sleep)", "running", "terminated(returned)");
        h.assertLifecycle("MainThread", "created", "running", "waiting(join Worker)", "running", "terminated(returned)");
        assertEquals("end", h.events().get(h.events().size() - 1).ev());
    }

    @Test
    void identAndNativeIdAreNoneUntilStart() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.Start("Worker")).get()).finish();

        List<TraceEvent.ThreadInfo> infos = h.all(TraceEvent.ThreadInfo.class).stream()
                .filter(info -> info.thread().equals("Worker")).toList();
        assertEquals(2, infos.size());
        assertNull(infos.get(0).ident());
        assertNull(infos.get(0).nativeId());
        assertNotNull(infos.get(1).ident());
        assertNotNull(infos.get(1).nativeId());
        // the ids come with the start, right before the thread runs
        int started = h.events().indexOf(infos.get(1));
        TraceEvent next = h.events().get(started + 1);
        assertTrue(next instanceof TraceEvent.State state && state.tid() == infos.get(1).tid()
                && Harness.word(state).equals("running"), next.toString());
    }

    @Test
    void isAliveIsFalseBeforeStartTrueWhileRunningFalseAfterJoin() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Sleep(300)))
                .main(new Step.IsAlive("Worker"), new Step.Start("Worker"), new Step.IsAlive("Worker"),
                        new Step.Join("Worker", null), new Step.IsAlive("Worker")).get()).finish();

        assertEquals(List.of("False", "True", "False"), h.out);
    }

    @Test
    void secondStartRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.Start("Worker"), new Step.Start("Worker"), new Step.Print("not reached")).get())
                .finish();

        assertTrue(h.run.result().orElseThrow().mainRaised());
        assertEquals(List.of(), h.out);
        assertEquals(1, h.err.size());
        assertTrue(h.err.get(0).endsWith("\nRuntimeError: threads can only be started once"), h.err.get(0));
        TraceEvent.ExceptionRaised raised = h.all(TraceEvent.ExceptionRaised.class).get(0);
        assertEquals("RuntimeError", raised.type());
        assertEquals("threads can only be started once", raised.message());
        assertFalse(raised.caught());
        h.assertLifecycle("MainThread", "created", "running", "terminated(exception)");
    }

    @Test
    void settingDaemonAfterStartRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.Start("Worker"), new Step.SetDaemon("Worker", true)).get()).finish();

        assertEquals("RuntimeError", h.all(TraceEvent.ExceptionRaised.class).get(0).type());
        assertTrue(h.err.get(0).endsWith("\nRuntimeError: cannot set daemon status of active thread"), h.err.get(0));
    }

    @Test
    void settingDaemonBeforeStartRecordsTheFlag() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.SetDaemon("Worker", true), new Step.Start("Worker"), new Step.Join("Worker", null))
                .get()).finish();

        List<Boolean> flags = h.all(TraceEvent.ThreadInfo.class).stream()
                .filter(info -> info.thread().equals("Worker")).map(TraceEvent.ThreadInfo::daemon).toList();
        assertEquals(List.of(false, true, true), flags);
    }

    @Test
    void joiningAnUnstartedThreadRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.Join("Worker", null)).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nRuntimeError: cannot join thread before it is started"), h.err.get(0));
        h.assertLifecycle("Worker", "created");
    }

    @Test
    void joiningTheCurrentThreadRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Join("Worker", null)))
                .main(new Step.Start("Worker"), new Step.Join("Worker", null)).get()).finish();

        assertEquals(List.of("Exception in thread Worker:\nTraceback (most recent call last):\n"
                + "  File \"<scenario>\", in work\nRuntimeError: cannot join current thread"), h.err);
        h.assertLifecycle("Worker", "created", "running", "terminated(exception)");
    }

    @Test
    void joinWithTimeoutReturnsWhileTheThreadIsStillAlive() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Event("go"))
                .worker(target("Worker", "work", new Step.Wait("go", null)))
                .main(new Step.Start("Worker"), new Step.Join("Worker", 30L), new Step.IsAlive("Worker"),
                        new Step.SetEvent("go"), new Step.Join("Worker", null), new Step.IsAlive("Worker")).get())
                .finish();

        assertEquals(List.of("True", "False"), h.out);
        List<TraceEvent.Join> joins = h.all(TraceEvent.Join.class);
        assertEquals(4, joins.size());
        assertTrue(joins.get(0).begin());
        assertFalse(joins.get(1).begin());
        assertTrue(joins.get(1).timedOut());
        assertFalse(joins.get(3).timedOut());
        assertEquals(h.tid("Worker"), joins.get(1).target());
        h.assertLifecycle("MainThread", "created", "running", "waiting(join Worker)", "running",
                "waiting(join Worker)", "running", "terminated(returned)");
    }

    @Test
    void runExecutesTheBodyOnTheCallersThread() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Introspect(Step.Query.CURRENT_THREAD)))
                .main(new Step.Run("Worker")).get()).finish();

        assertEquals(List.of("MainThread"), h.out);
        h.assertLifecycle("Worker", "created");
        TraceEvent.StepBegin body = h.all(TraceEvent.StepBegin.class).stream()
                .filter(step -> step.path().equals("$.workers[0].steps[0]")).findFirst().orElseThrow();
        assertEquals(0, body.tid());
    }

    @Test
    void runDeletesTheTargetSoALaterStartRaisesAttributeError() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Print("body")))
                .main(new Step.Run("Worker"), new Step.Start("Worker"), new Step.Join("Worker", null)).get())
                .finish();

        assertEquals(List.of("body"), h.out);
        h.assertLifecycle("Worker", "created", "running", "terminated(exception)");
        // the frames would be threading.py's; the judge compares the lines outside them
        assertEquals(1, h.err.size());
        assertEquals(List.of("Exception in thread Worker:",
                "AttributeError: 'Thread' object has no attribute '_target'. Did you mean: '_started'?",
                "During handling of the above exception, another exception occurred:",
                "AttributeError: 'Thread' object has no attribute '_target'"),
                h.err.get(0).lines().filter(line -> !line.isBlank() && !line.startsWith(" ")
                        && !line.startsWith("Traceback")).toList());
    }

    @Test
    void defaultNamesCountUnnamedThreadsInCreationOrder() {
        Harness h = Harness.start(scenario()
                .worker(unnamed("a", WorkerStyle.TARGET, "produce"))
                .worker(target("Named", "named"))
                .worker(unnamed("b", WorkerStyle.LAMBDA, null))
                .worker(unnamed("c", WorkerStyle.SUBCLASS, null))
                .worker(unnamed("d", WorkerStyle.CALLABLE, null))
                .main(new Step.Start("a"), new Step.Start("Named"), new Step.Start("b"), new Step.Start("c"),
                        new Step.Start("d"), new Step.Introspect(Step.Query.ENUMERATE)).get()).finish();

        List<String> created = h.all(TraceEvent.ThreadInfo.class).stream()
                .filter(info -> info.ident() == null).map(TraceEvent.ThreadInfo::thread).toList();
        assertEquals(List.of("MainThread", "Thread-1 (produce)", "Named", "Thread-2 (<lambda>)", "Thread-3",
                "Thread-4"), created);
    }

    @Test
    void renameRecordsTheNewNameAndLaterEventsCarryIt() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Sleep(300), new Step.Introspect(Step.Query.CURRENT_THREAD)))
                .main(new Step.Start("Worker"), new Step.Rename("Worker", "Renamed"), new Step.Join("Worker", null))
                .get()).finish();

        assertEquals(List.of("Renamed"), h.out);
        TraceEvent.State last = h.all(TraceEvent.State.class).stream()
                .filter(state -> state.tid() == h.tid("Worker")).reduce((a, b) -> b).orElseThrow();
        assertEquals("Renamed", last.thread());
    }

    @Test
    void introspectionListsAliveThreadsInStartOrderMainFirst() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Event("go"))
                .worker(target("B", "b", new Step.Wait("go", null)))
                .worker(target("A", "a", new Step.Wait("go", null)))
                .worker(target("Done", "done"))
                .main(new Step.Start("A"), new Step.Start("B"), new Step.Start("Done"), new Step.Join("Done", null),
                        new Step.Introspect(Step.Query.ENUMERATE), new Step.Introspect(Step.Query.ACTIVE_COUNT),
                        new Step.Introspect(Step.Query.MAIN_THREAD), new Step.Introspect(Step.Query.CURRENT_THREAD),
                        new Step.SetEvent("go")).get()).finish();

        assertEquals(List.of("MainThread, A, B", "3", "MainThread", "MainThread"), h.out);
    }

    @Test
    void stepEventsCarryJsonPathsIntoBlocks() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .main(new Step.Repeat(2, Build.steps(new Step.With("a", Build.steps(new Step.Print("x"))))),
                        new Step.Try(Build.steps(new Step.Raise("ValueError", "bad")), "ValueError",
                                Build.steps(new Step.Print("caught")))).get()).finish();

        List<String> paths = h.all(TraceEvent.StepBegin.class).stream().map(TraceEvent.StepBegin::path).toList();
        assertEquals(List.of("$.main[0]", "$.main[0].do[0]", "$.main[0].do[0].do[0]", "$.main[0].do[0]",
                "$.main[0].do[0].do[0]", "$.main[1]", "$.main[1].try[0]", "$.main[1].then[0]"), paths);
    }

    @Test
    void ioWaitsNameTheirLabel() {
        Harness h = Harness.start(scenario()
                .main(new Step.Io(10, "GET /"), new Step.Io(10, null)).get()).finish();

        h.assertLifecycle("MainThread", "created", "running", "waiting(io GET /)", "running", "waiting(io)", "running",
                "terminated(returned)");
    }
}
