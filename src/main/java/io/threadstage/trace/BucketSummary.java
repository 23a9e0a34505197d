package io.threadstage.trace;

/**
 * What the coarse copies of a step function share: time cut into buckets of {@code 2^shift} ns
 * (aligned to t = 0), entries that start on bucket boundaries (runs of equal buckets kept once),
 * and the walk that folds a span of one value into them: whole buckets inside the span become
 * one run with no tally, the rest is tallied piece by piece into the bucket it falls in, and a
 * bucket is kept once a piece reaches its end. Subclasses say what a tally is and what an entry
 * keeps. Owned by the {@link TraceStore}'s thread.
 */
abstract class BucketSummary {

    final int shift;

    final LongColumn starts = new LongColumn();

    /** The bucket being filled, or {@link Long#MIN_VALUE} when none is open. */
    private long bucket = Long.MIN_VALUE;
    /** Everything before this instant is in the finished buckets. */
    private long coveredUntil = Long.MIN_VALUE;

    BucketSummary(int shift) {
        this.shift = shift;
    }

    /** The shift whose buckets are as wide as a column of {@code nanosPerColumn}, or narrower (down to half). */
    static int shiftFor(long nanosPerColumn) {
        return 63 - Long.numberOfLeadingZeros(Math.max(1, nanosPerColumn));
    }

    /**
     * The shift of the summary a view of {@code columns} columns over {@code [t0, t1)} should read
     * when it shows more than {@code dense} of the changes at {@code times} per column, or -1 when
     * the changes themselves are few enough to read.
     */
    static int denseShift(LongColumn times, long t0, long t1, int columns, long limit, int dense) {
        long nanosPerColumn = (t1 - t0) / columns;
        long shown = Math.min(t1, limit) - 1;
        if (nanosPerColumn < 2 || shown < t0) {
            return -1;
        }
        if (times.lastAtOrBefore(shown) - times.lastAtOrBefore(t0) <= (long) dense * columns) {
            return -1;
        }
        return shiftFor(nanosPerColumn);
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

    /** Folds {@code [from, to)} of the value the subclass holds as current. */
    final void foldSpan(long from, long to) {
        long s = from;
        while (s < to) {
            long b = s >> shift;
            long bucketStart = b << shift;
            long bucketEnd = (b + 1) << shift;
            if (bucket != b && s == bucketStart && to >= bucketEnd) {
                long wholeEnd = (to >> shift) << shift;
                keepWholeBuckets(bucketStart);
                coveredUntil = wholeEnd;
                s = wholeEnd;
                continue;
            }
            enter(b);
            long pieceEnd = Math.min(to, bucketEnd);
            tallyPiece(pieceEnd - s);
            s = pieceEnd;
            if (pieceEnd == bucketEnd) {
                keepBucket(bucketStart);
                coveredUntil = bucketEnd;
                bucket = Long.MIN_VALUE;
            }
        }
    }

    /** Makes bucket {@code b} the open one, starting its tally afresh when it was not. */
    final void enter(long b) {
        if (bucket != b) {
            bucket = b;
            startTally();
        }
    }

    /**
     * Whether an entry for a bucket starting at {@code start} would only continue the last one:
     * the subclass has compared the values, this checks the buckets touch.
     */
    final boolean continuesLast(long start) {
        return starts.size() > 0 && coveredUntil == start;
    }

    abstract void startTally();

    /** Adds {@code nanos} of the current value to the open bucket's tally. */
    abstract void tallyPiece(long nanos);

    /** Keeps the whole buckets from {@code start} on, which hold the current value alone. */
    abstract void keepWholeBuckets(long start);

    /** Keeps the open bucket, which starts at {@code start}, from its tally. */
    abstract void keepBucket(long start);

    long capacityBytes() {
        return 64 + starts.capacityBytes();
    }
}
