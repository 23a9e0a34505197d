package io.threadstage.core;

import io.threadstage.trace.Outcome;

/**
 * How a run ended. Immutable; any thread.
 *
 * @param outcome       completed, stopped, deadlock or error (as the trace's {@code end} line)
 * @param message       the {@code end} line's message: null for a clean completion
 * @param deadlockCycle with {@code deadlock}: who waits for whom, e.g. {@code MainThread waits for
 *                      Worker-1 (join); Worker-1 waits for lock a held by Worker-2; ...}; else null
 * @param mainRaised    the main thread ended with an uncaught exception
 * @param exitStatus    with {@code completed}: the status python3 exits with, as a shell sees it: 0, or
 *                      1 when the main thread raised; {@code SystemExit()} 0, {@code SystemExit(n)} n
 *                      (its low 8 bits), {@code SystemExit("text")} 1, {@code KeyboardInterrupt} 130
 */
public record RunResult(Outcome outcome, String message, String deadlockCycle, boolean mainRaised, int exitStatus) {

    /** A result whose exit status follows from {@code mainRaised} alone: 1 if it raised, else 0. */
    public RunResult(Outcome outcome, String message, String deadlockCycle, boolean mainRaised) {
        this(outcome, message, deadlockCycle, mainRaised, mainRaised ? 1 : 0);
    }
}
