package io.threadstage.core;

import io.threadstage.trace.Outcome;

/**
 * How a run ended. Immutable; any thread.
 *
 * @param outcome       completed, stopped, deadlock or error (as the trace's {@code end} line)
 * @param message       the {@code end} line's message: null for a clean completion
 * @param deadlockCycle with {@code deadlock}: who waits for whom, e.g. {@code MainThread waits for
 *                      Worker-1 (join); Worker-1 waits for lock a held by Worker-2; ...}; else null
 * @param mainRaised    the main thread ended with an uncaught exception (exit code 1 on the command line)
 */
public record RunResult(Outcome outcome, String message, String deadlockCycle, boolean mainRaised) {
}
