package io.threadstage.trace;

/**
 * A coarse copy of a queue's depth for views where a pixel column holds many samples: time is
 * cut into buckets of {@code 2^shift} ns (aligned to t = 0) and each keeps the least and greatest
 * depth the queue had in it (the depth carried in at its start, and every sample inside, even
 * one undone at the same instant); runs of equal buckets are kept once. Unlike sampling, a
 * bucket never misses the moment a queue was full.
 *
 * <p>Built on first use and extended as the queue's samples grow; the newest sample's span is
 * still open, so the bucket holding it is not kept yet. Owned by the {@link TraceStore}'s thread.
 */
final class DepthSummary extends BucketSummary {

    private final IntColumn mins = new IntColumn();
    private final IntColumn maxes = new IntColumn();

    /** Samples folded in so far. */
    private int folded;
    /** The depth of the sample being folded. */
    private int current;
    private int min;
    private int max;

    DepthSummary(int shift) {
        super(shift);
    }

    int min(int index) {
        return mins.get(index);
    }

    int max(int index) {
        return maxes.get(index);
    }

    /** Folds in the samples whose span has ended since the last call. */
    void catchUp(LongColumn times, IntColumn depths) {
        int closed = times.size() - 1;
        for (; folded < closed; folded++) {
            long from = times.get(folded);
            long to = times.get(folded + 1);
            current = depths.get(folded);
            if (from == to) {
                // a sample undone at the same instant still counts in its bucket
                enter(from >> shift);
                tallyPiece(0);
            } else {
                foldSpan(from, to);
            }
        }
    }

    @Override
    void startTally() {
        min = Integer.MAX_VALUE;
        max = Integer.MIN_VALUE;
    }

    @Override
    void tallyPiece(long nanos) {
        min = Math.min(min, current);
        max = Math.max(max, current);
    }

    @Override
    void keepWholeBuckets(long start) {
        keep(start, current, current);
    }

    @Override
    void keepBucket(long start) {
        keep(start, min, max);
    }

    private void keep(long start, int least, int greatest) {
        int n = starts.size();
        if (!continuesLast(start) || mins.get(n - 1) != least || maxes.get(n - 1) != greatest) {
            starts.add(start);
            mins.add(least);
            maxes.add(greatest);
        }
    }

    @Override
    long capacityBytes() {
        return super.capacityBytes() + mins.capacityBytes() + maxes.capacityBytes();
    }
}
