package io.threadstage.picture;

import io.threadstage.trace.TraceStore;

/**
 * One of the two runs a comparison stacks: what to call it ("GIL", "free-threaded", "4 workers")
 * and its finished trace. Immutable; the store is read on the thread that owns it.
 */
public record ComparedRun(String label, TraceStore store) {

    /** From the run's first event to its last: what the comparison sets side by side. */
    public long durationNanos() {
        return Math.max(0, store.endNanos() - store.startNanos());
    }
}
