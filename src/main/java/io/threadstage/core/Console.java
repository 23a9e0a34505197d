package io.threadstage.core;

/**
 * Where a run's program output goes: what the Python program prints ({@link #out}) and what its
 * excepthook and uncaught-exception reports write ({@link #err}). Called from the run's worker
 * threads, one call at a time per run (calls never overlap within a run), so an implementation
 * must be cheap and must not wait for another thread (the UI must not be called synchronously).
 */
public interface Console {

    /** One line the program printed, without its newline. */
    void out(String line);

    /** A report for standard error; may hold several lines separated by {@code \n}, no trailing newline. */
    void err(String text);

    /** A console that drops everything (benchmarks, tests that only read the trace). */
    static Console discard() {
        return new Console() {
            @Override
            public void out(String line) {
            }

            @Override
            public void err(String text) {
            }
        };
    }
}
