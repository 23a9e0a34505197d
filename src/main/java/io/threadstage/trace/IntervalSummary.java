package io.threadstage.trace;

import java.util.Arrays;

/**
 * A coarse copy of a lane's state intervals for views where a pixel column holds many
 * intervals: time is cut into buckets of {@code 2^shift} ns (aligned to t = 0), each bucket keeps
 * the (code, on) that holds most of its time and whether more than one interval meets it, and
 * runs of equal buckets are kept once. A frame then reads a few buckets per pixel column instead
 * of every interval under it, so its cost stays with the pixels however dense the trace is.
 *
 * <p>Built on first use and extended as the column grows; only whole intervals are folded in
 * (the newest one is still open), and only whole buckets are kept. Owned by the
 * {@link TraceStore}'s thread.
 */
final class IntervalSummary {

    final int shift;

    private final LongColumn starts = new LongColumn();
    private final ByteColumn codes = new ByteColumn();
    private final IntColumn ons = new IntColumn();
    private final ByteColumn mixed = new ByteColumn();

    /** Intervals of the source folded in so far. */
    private int folded;
    /** The bucket being filled, or {@link Long#MIN_VALUE} when none is open. */
    private long bucket = Long.MIN_VALUE;
    private int pieces;
    private long[] keys = new long[4];
    private long[] weights = new long[4];
    private int distinct;
    /** Everything before this instant is in the finished buckets. */
    private long coveredUntil = Long.MIN_VALUE;

    IntervalSummary(int shift) {
        this.shift = shift;
    }

    /** The shift whose buckets are as wide as a column of {@code nanosPerColumn}, or narrower (down to half). */
    static int shiftFor(long nanosPerColumn) {
        return 63 - Long.numberOfLeadingZeros(Math.max(1, nanosPerColumn));
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

    int code(int index) {
        return codes.get(index);
    }

    int on(int index) {
        return ons.get(index);
    }

    boolean mixed(int index) {
        return mixed.get(index) != 0;
    }

    /** Where entry {@code index} stops: the next entry's start, or the end of the finished buckets. */
    long end(int index) {
        return index + 1 < starts.size() ? starts.get(index + 1) : coveredUntil;
    }

    long coveredUntil() {
        return coveredUntil;
    }

    /** The entry covering {@code t}, searching forward from {@code from} (-1 for the start). */
    int indexAt(long t, int from) {
        return starts.lastBefore(t + 1, from);
    }

    /**
     * Folds in the intervals that have ended since the last call: interval i starts at
     * {@code starts[i]} with value ({@code codes[i]}, {@code ons[i]}); the last one is still open.
     */
    void catchUp(LongColumn starts, ByteColumn codes, IntColumn ons) {
        int closed = starts.size() - 1;
        for (; folded < closed; folded++) {
            fold(starts.get(folded), starts.get(folded + 1), codes.get(folded), ons.get(folded));
        }
    }

    /** A (code, on) pair as one number, for tallies. */
    static long key(int code, int on) {
        return (long) code << 32 | (on & 0xFFFFFFFFL);
    }

    private void fold(long from, long to, int code, int on) {
        long key = key(code, on);
        long s = from;
        while (s < to) {
            long b = s >> shift;
            long bucketStart = b << shift;
            long bucketEnd = (b + 1) << shift;
            if (bucket != b && s == bucketStart && to >= bucketEnd) {
                // whole buckets inside one interval need no tally: they are one run
                long wholeEnd = (to >> shift) << shift;
                keep(bucketStart, key, false, wholeEnd);
                s = wholeEnd;
                continue;
            }
            if (bucket != b) {
                bucket = b;
                pieces = 0;
                distinct = 0;
            }
            long pieceEnd = Math.min(to, bucketEnd);
            tally(key, pieceEnd - s);
            pieces++;
            s = pieceEnd;
            if (pieceEnd == bucketEnd) {
                finishBucket();
            }
        }
    }

    private void tally(long key, long weight) {
        for (int d = 0; d < distinct; d++) {
            if (keys[d] == key) {
                weights[d] += weight;
                return;
            }
        }
        if (distinct == keys.length) {
            keys = Arrays.copyOf(keys, distinct * 2);
            weights = Arrays.copyOf(weights, distinct * 2);
        }
        keys[distinct] = key;
        weights[distinct] = weight;
        distinct++;
    }

    private void finishBucket() {
        int best = 0;
        for (int d = 1; d < distinct; d++) {
            if (weights[d] > weights[best]) {
                best = d;
            }
        }
        long bucketStart = bucket << shift;
        keep(bucketStart, keys[best], pieces > 1, bucketStart + (1L << shift));
        bucket = Long.MIN_VALUE;
    }

    private void keep(long start, long key, boolean isMixed, long until) {
        int n = starts.size();
        boolean same = n > 0 && mixed.get(n - 1) == (isMixed ? 1 : 0) && codes.get(n - 1) == (int) (key >> 32)
                && ons.get(n - 1) == (int) key && coveredUntil == start;
        if (!same) {
            starts.add(start);
            codes.add((byte) (key >> 32));
            ons.add((int) key);
            mixed.add((byte) (isMixed ? 1 : 0));
        }
        coveredUntil = until;
    }

    long capacityBytes() {
        return 64 + starts.capacityBytes() + codes.capacityBytes() + ons.capacityBytes() + mixed.capacityBytes()
                + 16L * keys.length;
    }
}
