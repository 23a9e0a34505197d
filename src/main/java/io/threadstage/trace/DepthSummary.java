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
final class DepthSummary {

    final int shift;

    private final LongColumn starts = new LongColumn();
    private final IntColumn mins = new IntColumn();
    private final IntColumn maxes = new IntColumn();

    /** Samples folded in so far. */
    private int folded;
    /** The bucket being filled, or {@link Long#MIN_VALUE} when none is open. */
    private long bucket = Long.MIN_VALUE;
    private int min;
    private int max;
    private long coveredUntil = Long.MIN_VALUE;

    DepthSummary(int shift) {
        this.shift = shift;
    }

    long bucketEnd(long t) {
        return ((t >> shift) + 1) << shift;
    }

    int size() {
        return starts.size();
    }

    long start(int index) {
        return starts.get(index);
    }

    int min(int index) {
        return mins.get(index);
    }

    int max(int index) {
        return maxes.get(index);
    }

    long coveredUntil() {
        return coveredUntil;
    }

    /** The entry covering {@code t}, searching forward from {@code from} (-1 for the start). */
    int indexAt(long t, int from) {
        return starts.lastBefore(t + 1, from);
    }

    /** Folds in the samples whose span has ended since the last call. */
    void catchUp(LongColumn times, IntColumn depths) {
        int closed = times.size() - 1;
        for (; folded < closed; folded++) {
            fold(times.get(folded), times.get(folded + 1), depths.get(folded));
        }
    }

    private void fold(long from, long to, int depth) {
        if (from == to) {
            // a sample undone at the same instant still counts in its bucket
            open(from >> shift);
            include(depth);
            return;
        }
        long s = from;
        while (s < to) {
            long b = s >> shift;
            long bucketStart = b << shift;
            long bucketEnd = (b + 1) << shift;
            if (bucket != b && s == bucketStart && to >= bucketEnd) {
                long wholeEnd = (to >> shift) << shift;
                keep(bucketStart, depth, depth, wholeEnd);
                s = wholeEnd;
                continue;
            }
            open(b);
            include(depth);
            long pieceEnd = Math.min(to, bucketEnd);
            s = pieceEnd;
            if (pieceEnd == bucketEnd) {
                keep(bucketStart, min, max, bucketEnd);
                bucket = Long.MIN_VALUE;
            }
        }
    }

    private void open(long b) {
        if (bucket != b) {
            bucket = b;
            min = Integer.MAX_VALUE;
            max = Integer.MIN_VALUE;
        }
    }

    private void include(int depth) {
        min = Math.min(min, depth);
        max = Math.max(max, depth);
    }

    private void keep(long start, int least, int greatest, long until) {
        int n = starts.size();
        if (n == 0 || coveredUntil != start || mins.get(n - 1) != least || maxes.get(n - 1) != greatest) {
            starts.add(start);
            mins.add(least);
            maxes.add(greatest);
        }
        coveredUntil = until;
    }

    long capacityBytes() {
        return 64 + starts.capacityBytes() + mins.capacityBytes() + maxes.capacityBytes();
    }
}
