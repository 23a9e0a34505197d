package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RunControlTest {

    @Test
    void stopEndsEveryThreadWithinASecondWhateverItWaitsOn() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .resource(new Resource.Queue("jobs", 0))
                .resource(new Resource.Event("never"))
                .worker(target("Sleeper", "nap", new Step.Sleep(600_000)))
                .worker(target("Spinner", "spin", new Step.Compute(600_000)))
                .worker(target("Locked", "lock", new Step.Acquire("a", null)))
                .worker(target("Getter", "get", new Step.Get("jobs", null)))
                .worker(target("Waiter", "wait", new Step.Wait("never", null)))
                .main(new Step.Acquire("a", null), new Step.Start("Sleeper"), new Step.Start("Spinner"),
                        new Step.Start("Locked"), new Step.Start("Getter"), new Step.Start("Waiter"),
                        new Step.Join("Sleeper", null)).get());
        for (String name : List.of("Sleeper", "Locked", "Getter", "Waiter")) {
            h.awaitTrace(name + " waiting", events -> events.stream().anyMatch(e -> e instanceof TraceEvent.State s
                    && s.thread() != null && s.thread().equals(name) && s.state() == ThreadState.WAITING));
        }

        h.run.stop();

        assertTrue(h.run.awaitEnd(Duration.ofSeconds(1)), "not stopped within a second");
        h.assertNoThreadLeft();
        assertEquals(Outcome.STOPPED, h.outcome());
        List<TraceEvent> events = h.events();
        assertEquals("end", events.get(events.size() - 1).ev());
        for (String name : List.of("MainThread", "Sleeper", "Spinner", "Locked", "Getter", "Waiter")) {
            List<String> states = h.states(name);
            assertEquals("terminated(stopped)", states.get(states.size() - 1), name + " " + states);
        }
    }

    @Test
    void aRunThatSaysItIsFinishedHasItsEndLineRecorded() {
        // what LiveRun promises a reader polling it: once finished, the end is there to read. The run
        // used to say so when it began to end, and a reader that looked then found no end line.
        for (int i = 0; i < 200; i++) {
            Harness h = Harness.start(scenario().worker(target("W", "work", new Step.Print("w")))
                    .main(new Step.Start("W"), new Step.Join("W", null)).get());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!h.run.isFinished()) {
                assertTrue(System.nanoTime() < deadline, "run " + i + " finishes");
                Thread.onSpinWait();
            }
            List<TraceEvent> events = h.events();
            assertEquals("end", events.get(events.size() - 1).ev(), "run " + i);
            h.finish();
        }
    }

    @Test
    void stepLetsOneHeldThreadRunOneStepAndHoldAgain() {
        Harness h = Harness.start(scenario()
                .main(new Step.Repeat(10_000, Build.steps(new Step.Sleep(2)))).get());
        h.awaitTrace("main steps", events -> events.stream().anyMatch(e -> e instanceof TraceEvent.StepBegin));
        h.run.pause();
        h.awaitTrace("main held", events -> Harness.lastStateIs(events, 0, ThreadState.WAITING, Reason.PAUSED));
        long stepsBefore = h.events().stream().filter(e -> e instanceof TraceEvent.StepBegin).count();

        h.run.step();
        h.awaitTrace("held again after one step", events -> events.stream()
                .anyMatch(e -> e instanceof TraceEvent.Marker m && m.text().equals("step"))
                && Harness.lastStateIs(events, 0, ThreadState.WAITING, Reason.PAUSED)
                && events.stream().filter(e -> e instanceof TraceEvent.StepBegin).count() > stepsBefore);
        assertFalse(h.run.awaitEnd(Duration.ofMillis(100)), "still paused");
        assertEquals(stepsBefore + 1, h.events().stream().filter(e -> e instanceof TraceEvent.StepBegin).count(),
                "one step, then held");
        h.run.stop();
        assertTrue(h.run.awaitEnd(Duration.ofSeconds(1)));
    }

    @Test
    void pauseHoldsEveryThreadAtItsNextStepBoundaryUntilResume() {
        Harness h = Harness.start(scenario()
                .worker(target("A", "loop", new Step.Repeat(10_000, Build.steps(new Step.Sleep(2)))))
                .worker(target("B", "loop", new Step.Repeat(10_000, Build.steps(new Step.Compute(1)))))
                .main(new Step.Start("A"), new Step.Start("B"), new Step.Repeat(10_000,
                        Build.steps(new Step.Sleep(3)))).get());
        h.awaitTrace("B running", events -> events.stream().anyMatch(e -> e instanceof TraceEvent.StepBegin s
                && s.path().startsWith("$.workers[1]")));

        h.run.pause();
        int a = h.tid("A");
        int b = h.tid("B");
        h.awaitTrace("every thread held", events -> Harness.lastStateIs(events, 0, ThreadState.WAITING, Reason.PAUSED)
                && Harness.lastStateIs(events, a, ThreadState.WAITING, Reason.PAUSED)
                && Harness.lastStateIs(events, b, ThreadState.WAITING, Reason.PAUSED));
        int heldAt = h.events().size();
        assertFalse(h.run.awaitEnd(Duration.ofMillis(150)), "a paused run must not end");
        assertEquals(heldAt, h.events().size(), "a held thread recorded something");
        assertTrue(h.run.isPaused());

        h.run.resume();
        h.awaitTrace("A steps again", events -> events.stream().skip(heldAt)
                .anyMatch(e -> e instanceof TraceEvent.StepBegin s && s.tid() == a));
        h.run.stop();
        h.finish();
        List<String> markers = h.all(TraceEvent.Marker.class).stream().map(TraceEvent.Marker::text).toList();
        assertEquals(List.of("paused", "resumed"), markers);
        assertTrue(h.events().get(heldAt) instanceof TraceEvent.Marker marker && marker.text().equals("resumed"));
    }

    @Test
    void aLockOrderDeadlockIsDetectedAndItsCycleNamed() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .resource(new Resource.Lock("b"))
                .resource(new Resource.Event("both"))
                .worker(target("Worker-1", "one", new Step.With("a", Build.steps(new Step.Sleep(300),
                        new Step.With("b", Build.steps())))))
                .worker(target("Worker-2", "two", new Step.With("b", Build.steps(new Step.Sleep(300),
                        new Step.With("a", Build.steps())))))
                .main(new Step.Start("Worker-1"), new Step.Start("Worker-2"), new Step.Join("Worker-1", null),
                        new Step.Join("Worker-2", null)).get()).finish();

        RunResult result = h.run.result().orElseThrow();
        assertEquals(Outcome.DEADLOCK, result.outcome());
        String cycle = "MainThread waits for Worker-1 (join); Worker-1 waits for lock b held by Worker-2; "
                + "Worker-2 waits for lock a held by Worker-1";
        assertEquals(cycle, result.deadlockCycle());
        List<TraceEvent> events = h.events();
        TraceEvent.End end = (TraceEvent.End) events.get(events.size() - 1);
        assertEquals(cycle, end.message());
        h.assertLifecycle("Worker-1", "created", "running", "waiting(sleep)", "running", "waiting(lock b)",
                "terminated(stopped)");
        TraceEvent.State stuck = h.all(TraceEvent.State.class).stream()
                .filter(s -> s.state() == ThreadState.WAITING).reduce((x, y) -> y).orElseThrow();
        assertTrue(end.t() - stuck.t() < Duration.ofSeconds(1).toNanos(), "detected after a second");
    }

    @Test
    void aConsumerWaitingOnAnEmptyQueueNobodyFeedsIsADeadlock() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 0))
                .worker(target("Consumer", "consume", new Step.GetUntil("jobs", Value.NONE, Build.steps())))
                .main(new Step.Put("jobs", Value.of(1), null), new Step.Start("Consumer")).get()).finish();

        assertEquals("MainThread waits for Consumer (join); Consumer waits for queue jobs (empty)",
                h.run.result().orElseThrow().deadlockCycle());
    }

    @Test
    void aTimedWaitIsNeverADeadlock() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .worker(target("Patient", "patient", new Step.Acquire("a", 300L), new Step.Print("gave up")))
                .main(new Step.Acquire("a", null), new Step.Start("Patient"), new Step.Join("Patient", null)).get())
                .finish();

        assertEquals(Outcome.COMPLETED, h.outcome());
        assertEquals(List.of("gave up"), h.out);
    }

    @Test
    void startingMoreThreadsThanTheCapEndsTheRunWithAnError() {
        Harness h = Harness.start(scenario()
                .worker(target("One", "f", new Step.Sleep(10_000)))
                .worker(target("Two", "f", new Step.Sleep(10_000)))
                .worker(target("Three", "f", new Step.Sleep(10_000)))
                .main(new Step.Start("One"), new Step.Start("Two"), new Step.Start("Three")).get(),
                options -> options.withMaxThreads(3)).finish();

        RunResult result = h.run.result().orElseThrow();
        assertEquals(Outcome.ERROR, result.outcome());
        assertEquals("too many threads: a run may start at most 3 threads (Three would be one more)",
                result.message());
        h.assertLifecycle("Three", "created");
        h.assertLifecycle("One", "created", "running", "waiting(sleep)", "terminated(stopped)");
    }

    @Test
    void speedScalesEveryDuration() {
        Harness h = Harness.start(scenario().main(new Step.Sleep(400)).get(),
                options -> options.withSpeed(4.0)).finish();

        List<TraceEvent.State> main = h.all(TraceEvent.State.class);
        long slept = main.get(3).t() - main.get(2).t();
        assertEquals("waiting(sleep)", Harness.word(main.get(2)));
        assertTrue(slept >= Duration.ofMillis(100).toNanos(), "woke early: " + slept);
        assertTrue(slept < Duration.ofMillis(400).toNanos(), "not scaled: " + slept);
    }

    @Test
    void aSleepIsNeverShorterInTheTraceThanAsked() {
        Harness h = Harness.start(scenario()
                .worker(target("Busy", "busy", new Step.Repeat(20, Build.steps(new Step.Compute(2)))))
                .main(new Step.Start("Busy"), new Step.Repeat(5, Build.steps(new Step.Sleep(20)))).get()).finish();

        long began = -1;
        int sleeps = 0;
        for (TraceEvent.State state : h.all(TraceEvent.State.class)) {
            if (state.tid() != 0) {
                continue;
            }
            if (Harness.word(state).equals("waiting(sleep)")) {
                began = state.t();
            } else if (began >= 0 && state.state() == ThreadState.RUNNING) {
                assertTrue(state.t() - began >= Duration.ofMillis(20).toNanos(), "short sleep: " + (state.t() - began));
                began = -1;
                sleeps++;
            }
        }
        assertEquals(5, sleeps);
    }
}
