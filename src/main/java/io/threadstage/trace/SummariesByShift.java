package io.threadstage.trace;

import java.util.function.IntFunction;

/**
 * A column's summaries, one per bucket width, each made the first time a view needs that width.
 * Owned by the {@link TraceStore}'s thread.
 */
final class SummariesByShift<S extends BucketSummary> {

    private final IntFunction<S> make;
    /** By shift; null until a view first needs a summary. */
    private BucketSummary[] byShift;

    SummariesByShift(IntFunction<S> make) {
        this.make = make;
    }

    /** The summary with buckets of {@code 2^shift} ns, made if there is none yet. */
    @SuppressWarnings("unchecked")
    S at(int shift) {
        if (byShift == null) {
            byShift = new BucketSummary[64];
        }
        if (byShift[shift] == null) {
            byShift[shift] = make.apply(shift);
        }
        return (S) byShift[shift];
    }

    long capacityBytes() {
        if (byShift == null) {
            return 0;
        }
        long bytes = 16 + 8L * byShift.length;
        for (BucketSummary summary : byShift) {
            bytes += summary == null ? 0 : summary.capacityBytes();
        }
        return bytes;
    }
}
