package io.threadstage.trace;

/**
 * What one lane holds over time: a step function of (how many locks, the lock taken last), kept
 * and answered per pixel column as {@link IntervalColumn} keeps a lane's states (a column of
 * several intervals shows the dominant value, flagged mixed; a lane that seldom changes is
 * leapt over), except that a view always reads the intervals themselves, never a summary:
 * holdings are sparse, and a bucket's dominant value would hide a short hold. Only holdings of
 * at least one lock are reported. Owned by the {@link TraceStore}'s thread.
 */
final class HoldColumn {

    private final IntervalColumn holdings = new IntervalColumn(false);

    int size() {
        return holdings.size();
    }

    /** Starts a new interval at {@code t}, unless the value does not change. */
    void append(long t, int count, int lock) {
        holdings.append(t, count, lock);
    }

    /**
     * Reports the holdings seen through {@code columns} pixel columns spanning {@code [t0, t1)},
     * nothing at or after {@code limit}, merged as the class comment says, leaving out spans
     * holding none.
     */
    void spans(int lane, long t0, long t1, int columns, long limit, TraceStore.HoldSink sink) {
        holdings.spans(lane, t0, t1, columns, limit, (l, x0, x1, count, lock, start, end, mixed) -> {
            if (count > 0) {
                sink.hold(l, x0, x1, lock, count, start, end, mixed);
            }
        });
    }

    long capacityBytes() {
        return holdings.capacityBytes();
    }
}
