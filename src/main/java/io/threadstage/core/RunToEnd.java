package io.threadstage.core;

import io.threadstage.model.Scenario;
import io.threadstage.trace.EventKind;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a scenario to its end and keeps what it did in a store, for a comparison that needs two
 * finished runs. The caller's thread waits for the run: never the UI thread (the window calls it
 * on a thread of its own and hands the stores over). A run still going after {@code timeout} is
 * stopped, so its store ends with {@code stopped}.
 */
public final class RunToEnd {

    /** Events read from the recorder at a time. */
    private static final int BATCH = 65_536;

    private RunToEnd() {
    }

    public static TraceStore store(Scenario scenario, RunOptions options, Duration timeout) {
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        TraceStore store = TraceStore.forRun(recorder);
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        try {
            readToEnd(recorder, store, run, timeout);
        } catch (RuntimeException failed) {
            run.stop();
            throw failed;
        }
        run.awaitEnd(Duration.ofSeconds(5));
        return store;
    }

    /** Reads while the run goes on, so the recorder's merged columns and the store grow together. */
    private static void readToEnd(TraceRecorder recorder, TraceStore store, ScenarioRun run, Duration timeout) {
        boolean[] ended = {false};
        long next = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended[0]) {
            long before = next;
            next = recorder.read(next, BATCH, event -> {
                store.append(event);
                ended[0] |= event.kind() == EventKind.END;
            });
            if (next == before && !ended[0]) {
                if (System.nanoTime() > deadline && !run.isFinished()) {
                    run.stop();
                    deadline = Long.MAX_VALUE;
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run to end", interrupted);
        }
    }
}
