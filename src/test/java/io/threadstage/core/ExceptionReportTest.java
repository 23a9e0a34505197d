package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ExceptionReportTest {

    @Test
    void anExceptionEndsOnlyItsThreadAndTheDefaultHookReportsIt() {
        Harness h = Harness.start(scenario()
                .worker(target("Failing", "work", new Step.Raise("ValueError", "bad"), new Step.Print("not reached")))
                .worker(target("Other", "other", new Step.Sleep(30), new Step.Print("other done")))
                .main(new Step.Start("Failing"), new Step.Start("Other"), new Step.Join("Failing", null),
                        new Step.Join("Other", null), new Step.Print("main done")).get()).finish();

        assertEquals(Outcome.COMPLETED, h.outcome());
        assertFalse(h.run.result().orElseThrow().mainRaised());
        assertEquals(List.of("other done", "main done"), h.out);
        assertEquals(List.of("Exception in thread Failing:\nTraceback (most recent call last):\n"
                + "  File \"<scenario>\", in work\nValueError: bad"), h.err);
        h.assertLifecycle("Failing", "created", "running", "terminated(exception)");
        h.assertLifecycle("Other", "created", "running", "waiting(sleep)", "running", "terminated(returned)");
        TraceEvent.ExceptionRaised raised = h.all(TraceEvent.ExceptionRaised.class).get(0);
        assertEquals(h.tid("Failing"), raised.tid());
        assertEquals("bad", raised.message());
        assertFalse(raised.caught());
    }

    @Test
    void theCustomHookPrintsOneLine() {
        Harness h = Harness.start(scenario()
                .settings(new Settings(false, 5, 1.0, Settings.Excepthook.CUSTOM))
                .worker(target("Failing", "work", new Step.Raise("KeyError", "k")))
                .main(new Step.Start("Failing"), new Step.Join("Failing", null)).get()).finish();

        assertEquals(List.of("[excepthook] Failing: KeyError: 'k'"), h.err);
    }

    @Test
    void aKeyErrorRaisedWithoutArgumentShowsNoText() {
        // raise KeyError() -> "KeyError"; raise KeyError('') -> "KeyError: ''", as CPython prints them
        Harness h = Harness.start(scenario()
                .worker(target("Bare", "work", new Step.Raise("KeyError", (Value) null)))
                .worker(target("Empty", "work2", new Step.Raise("KeyError", "")))
                .main(new Step.Start("Bare"), new Step.Join("Bare", null), new Step.Start("Empty"),
                        new Step.Join("Empty", null)).get()).finish();

        assertEquals(List.of(
                "Exception in thread Bare:\nTraceback (most recent call last):\n  File \"<scenario>\", in work\nKeyError",
                "Exception in thread Empty:\nTraceback (most recent call last):\n  File \"<scenario>\", in work2\nKeyError: ''"),
                h.err);
    }

    @Test
    void tracebackNamesTheGeneratedLineWhenKnown() {
        Harness h = Harness.start(scenario()
                .worker(target("Failing", "work", new Step.Print("x"), new Step.Raise("ValueError", "bad")))
                .main(new Step.Start("Failing")).get(),
                // step ids in document order: the worker's raise is 1
                options -> options.withStepLines(Map.of(1, 7))).finish();

        assertEquals(List.of("Exception in thread Failing:\nTraceback (most recent call last):\n"
                + "  File \"<scenario>\", line 7, in work\nValueError: bad"), h.err);
    }

    @Test
    void anExceptionInMainEndsTheMainStepsWhileOtherThreadsRunToTheirEnd() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Sleep(300), new Step.Print("worker done")))
                .main(new Step.Start("Worker"), new Step.Raise("RuntimeError", "main failed"),
                        new Step.Print("not reached")).get()).finish();

        RunResult result = h.run.result().orElseThrow();
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertTrue(result.mainRaised());
        assertEquals("MainThread raised RuntimeError: main failed", result.message());
        assertEquals(List.of("worker done"), h.out);
        assertEquals(List.of("Traceback (most recent call last):\n  File \"<scenario>\", in <module>\n"
                + "RuntimeError: main failed"), h.err);
        h.assertLifecycle("MainThread", "created", "running", "waiting(join Worker)", "running", "terminated(exception)");
        h.assertLifecycle("Worker", "created", "running", "waiting(sleep)", "running", "terminated(returned)");
    }

    @Test
    void tryCatchesByTypeHierarchyAndBindsError() {
        Harness h = Harness.start(scenario()
                .main(new Step.Try(Build.steps(new Step.Raise("KeyError", "missing")), "LookupError",
                                Build.steps(new Step.Print("caught {error}"))),
                        new Step.Try(Build.steps(new Step.Raise("ValueError", "v")), "Exception",
                                Build.steps(new Step.Print("any {error}"))),
                        new Step.Try(Build.steps(new Step.Raise("ValueError", "not caught")), "KeyError",
                                Build.steps(new Step.Print("wrong")))).get()).finish();

        assertEquals(List.of("caught 'missing'", "any v"), h.out);
        List<Boolean> caught = h.all(TraceEvent.ExceptionRaised.class).stream()
                .map(TraceEvent.ExceptionRaised::caught).toList();
        assertEquals(List.of(true, true, false), caught);
        assertTrue(h.run.result().orElseThrow().mainRaised());
    }
}
