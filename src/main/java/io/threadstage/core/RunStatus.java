package io.threadstage.core;

import io.threadstage.trace.Outcome;
import java.util.Locale;

/** The status line's words for how a run ended. Stateless; any thread. */
public final class RunStatus {

    private RunStatus() {
    }

    /**
     * {@code completed after 2.4 s}, {@code deadlock: MainThread waits for ...}, {@code stopped},
     * {@code error: ...}; {@code durationNanos} is the run's length on its own clock.
     */
    public static String describe(RunResult result, long durationNanos) {
        if (result == null) {
            return "ended";
        }
        Outcome outcome = result.outcome();
        if (outcome == Outcome.DEADLOCK) {
            String cycle = result.deadlockCycle() != null ? result.deadlockCycle() : result.message();
            return "deadlock: " + (cycle == null ? "every thread waits" : cycle);
        }
        if (outcome == Outcome.STOPPED) {
            return "stopped";
        }
        if (outcome == Outcome.ERROR) {
            return "error: " + (result.message() == null ? "the run failed" : result.message());
        }
        String after = "completed after " + seconds(durationNanos);
        return result.mainRaised() ? after + " (the main thread raised)" : after;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, nanos) / 1e9);
    }
}
