package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Runs a scenario on the core and reads back its trace and console. */
final class Harness {

    final TraceRecorder recorder = new TraceRecorder(new TraceHeader("test", "2026-11-25T21:00:00Z", 1.0, false));
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    final ScenarioRun run;

    private Harness(Scenario scenario, UnaryOperator<RunOptions> options) {
        run = ScenarioRun.start(scenario, options.apply(RunOptions.defaults()), recorder);
    }

    static Harness start(Scenario scenario) {
        return new Harness(scenario, options -> options);
    }

    static Harness start(Scenario scenario, UnaryOperator<RunOptions> options) {
        return new Harness(scenario, options);
    }

    /** Runs to the end (10 s at most) and checks no Java thread of the run is left. */
    Harness finish() {
        return finish(Duration.ofSeconds(10));
    }

    Harness finish(Duration atMost) {
        if (!run.awaitEnd(atMost)) {
            List<TraceEvent> events = events();
            fail("run did not end in " + atMost + "; last events: "
                    + events.subList(Math.max(0, events.size() - 30), events.size()));
        }
        assertNoThreadLeft();
        // the console is a view of the trace: prints and error reports are its events
        for (TraceEvent event : events()) {
            if (event instanceof TraceEvent.Print print) {
                out.add(print.text());
            } else if (event instanceof TraceEvent.ErrorReport report) {
                err.add(report.text());
            }
        }
        return this;
    }

    void assertNoThreadLeft() {
        for (Thread thread : run.javaThreads()) {
            assertTrue(!thread.isAlive(), thread.getName() + " still alive");
        }
    }

    Outcome outcome() {
        return run.result().orElseThrow().outcome();
    }

    List<TraceEvent> events() {
        return recorder.events();
    }

    int tid(String name) {
        for (TraceEvent event : events()) {
            if (event instanceof TraceEvent.ThreadInfo info && info.thread().equals(name)) {
                return info.tid();
            }
        }
        fail("no thread " + name + " in " + events());
        return -1;
    }

    /** The state events of one thread, as {@code state} or {@code state(reason on)} words. */
    List<String> states(String name) {
        int tid = tid(name);
        List<String> states = new ArrayList<>();
        for (TraceEvent event : events()) {
            if (event instanceof TraceEvent.State state && state.tid() == tid) {
                states.add(word(state));
            }
        }
        return states;
    }

    /**
     * The thread's life as its Python code sees it: its states with the GIL's turns taken out
     * (every {@code waiting(gil)}, and the {@code running} that repeats when the turn comes
     * back), so a test of what a thread waits on holds whichever thread the GIL let run first.
     */
    List<String> lifecycle(String name) {
        List<String> life = new ArrayList<>();
        for (String state : states(name)) {
            if (state.equals("waiting(gil)")) {
                continue;
            }
            if (!life.isEmpty() && state.equals("running") && life.get(life.size() - 1).equals("running")) {
                continue;
            }
            life.add(state);
        }
        return life;
    }

    static String word(TraceEvent.State state) {
        String text = state.state().json();
        if (state.reason() != Reason.NONE) {
            text += "(" + state.reason().json() + (state.on() == null ? "" : " " + state.on()) + ")";
        }
        return text;
    }

    <T extends TraceEvent> List<T> all(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (TraceEvent event : events()) {
            if (kind.isInstance(event)) {
                found.add(kind.cast(event));
            }
        }
        return found;
    }

    /** Waits (5 s at most) until the trace shows what {@code condition} looks for. */
    void awaitTrace(String what, Predicate<List<TraceEvent>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.test(events())) {
            if (System.nanoTime() > deadline) {
                List<TraceEvent> events = events();
                fail("timed out waiting for " + what + "; last events: "
                        + events.subList(Math.max(0, events.size() - 30), events.size()));
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Whether the latest state event of {@code tid} is {@code state} with {@code reason}. */
    static boolean lastStateIs(List<TraceEvent> events, int tid, ThreadState state, Reason reason) {
        TraceEvent.State last = null;
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.State s && s.tid() == tid) {
                last = s;
            }
        }
        return last != null && last.state() == state && last.reason() == reason;
    }

    void assertStates(String thread, String... expected) {
        assertEquals(List.of(expected), states(thread), "states of " + thread);
    }

    /** As {@link #assertStates}, with the GIL's turns taken out ({@link #lifecycle}). */
    void assertLifecycle(String thread, String... expected) {
        assertEquals(List.of(expected), lifecycle(thread), "states of " + thread + " (GIL turns left out)");
    }
}
