package io.threadstage.trace;

/**
 * What one lane holds over time: a step function of (how many locks, the lock taken last), as
 * {@link IntervalColumn} keeps a lane's states, answered per pixel column the same way: a column
 * of several intervals shows the dominant value (the one covering most of its time, summed over
 * up to {@value #EXACT_LIMIT} intervals, else counted at {@value #SAMPLES} evenly spaced
 * instants; ties to the earliest), flagged mixed, and neighbouring columns of one interval, or
 * mixed with one dominant value, merge. Unlike a lane's states, holdings change rarely, so the
 * query leaps over the columns inside one interval with a galloping search on the column
 * mapping instead of visiting each: a lane that holds nothing in view costs a few searches, not
 * one step per column. Only holdings of at least one lock are reported. Owned by the
 * {@link TraceStore}'s thread.
 */
final class HoldColumn {

    /** A column of more intervals than this is judged at {@link #SAMPLES} instants, so its cost is bounded. */
    static final int EXACT_LIMIT = 8;
    static final int SAMPLES = 3;

    private final LongColumn starts = new LongColumn();
    private final ByteColumn counts = new ByteColumn();
    private final IntColumn locks = new IntColumn();

    int size() {
        return starts.size();
    }

    /** Starts a new interval at {@code t}, unless the value does not change. */
    void append(long t, int count, int lock) {
        int n = starts.size();
        if (n > 0 && counts.get(n - 1) == count && locks.get(n - 1) == lock) {
            return;
        }
        starts.add(t);
        counts.add((byte) count);
        locks.add(lock);
    }

    private long end(int index, long limit) {
        return index + 1 < starts.size() ? Math.min(starts.get(index + 1), limit) : limit;
    }

    /** The end of column {@code c}'s time range: at least one nanosecond past its start, as the store maps columns. */
    private static long columnEnd(long t0, long t1, int columns, int c) {
        return Math.max(TraceStore.columnStart(t0, t1, columns, c + 1), TraceStore.columnStart(t0, t1, columns, c) + 1);
    }

    /**
     * The first column in {@code [from, columns)} whose range ends after {@code t}, or
     * {@code columns}: galloping from {@code from}, as the next change is usually a few columns on.
     */
    private static int firstEndingAfter(long t0, long t1, int columns, int from, long t) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < columns && columnEnd(t0, t1, columns, hi) <= t) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, columns);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columnEnd(t0, t1, columns, mid) > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first column starting at or after {@code t}, or {@code columns}. */
    private static int firstStartingAtOrAfter(long t0, long t1, int columns, long t) {
        int lo = 0;
        int hi = columns;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (TraceStore.columnStart(t0, t1, columns, mid) >= t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Reports the holdings seen through {@code columns} pixel columns spanning {@code [t0, t1)},
     * nothing at or after {@code limit}, merged as the class comment says, leaving out spans
     * holding none.
     */
    void spans(int lane, long t0, long t1, int columns, long limit, TraceStore.HoldSink sink) {
        int n = starts.size();
        if (n == 0 || columns <= 0 || t1 <= t0) {
            return;
        }
        long first = starts.get(0);
        if (limit <= first) {
            return;
        }
        long[] keys = new long[EXACT_LIMIT];
        long[] weights = new long[EXACT_LIMIT];
        int i = -1;
        int pendingX0 = -1;
        int pendingX1 = -1;
        int pendingCount = 0;
        int pendingLock = 0;
        int pendingIndex = -1;
        long pendingStart = 0;
        long pendingEnd = 0;
        boolean pendingMixed = false;
        // the columns before the first interval show nothing, those from the limit on are not shown
        int stop = firstStartingAtOrAfter(t0, t1, columns, limit);
        for (int c = firstEndingAfter(t0, t1, columns, 0, first); c < stop; c++) {
            long a = TraceStore.columnStart(t0, t1, columns, c);
            long hi = Math.min(columnEnd(t0, t1, columns, c), limit);
            if (i < 0) {
                i = starts.lastBefore(a + 1, -1);
            } else {
                while (i + 1 < n && starts.get(i + 1) <= a) {
                    i++;
                }
            }
            int lo = Math.max(i, 0);
            int j = lo + 1 < n && starts.get(lo + 1) < hi ? starts.lastBefore(hi, lo + 1) : lo;
            int count;
            int lock;
            boolean mixed = j > lo;
            int last = c;
            if (!mixed) {
                count = counts.get(lo);
                lock = locks.get(lo);
                // every later column ending by the next start, and starting before the limit, lies in this interval too
                long next = lo + 1 < n ? starts.get(lo + 1) : Long.MAX_VALUE;
                last = Math.max(c, Math.min(firstEndingAfter(t0, t1, columns, c + 1, next), stop) - 1);
            } else {
                long from = Math.max(a, first);
                int distinct = 0;
                if (j - lo + 1 <= EXACT_LIMIT) {
                    for (int k = lo; k <= j; k++) {
                        long s = Math.max(starts.get(k), from);
                        long e = k < j ? starts.get(k + 1) : hi;
                        distinct = vote(keys, weights, distinct, key(counts.get(k), locks.get(k)), e - s);
                    }
                } else {
                    int k = lo;
                    for (int s = 0; s < SAMPLES; s++) {
                        // the instants rise, so each search gallops on from the last answer
                        k = Math.min(j, starts.lastBefore(sampleInstant(from, hi, s) + 1, k));
                        distinct = vote(keys, weights, distinct, key(counts.get(k), locks.get(k)), 1);
                    }
                }
                int best = 0;
                for (int d = 1; d < distinct; d++) {
                    if (weights[d] > weights[best]) {
                        best = d;
                    }
                }
                count = (int) (keys[best] >> 32);
                lock = (int) keys[best];
            }
            boolean extends_ = pendingX1 == c && pendingMixed == mixed
                    && (mixed ? pendingCount == count && pendingLock == lock : pendingIndex == lo);
            if (extends_) {
                pendingX1 = last + 1;
                if (mixed) {
                    pendingEnd = hi;
                }
            } else {
                if (pendingX0 >= 0 && pendingCount > 0) {
                    sink.hold(lane, pendingX0, pendingX1, pendingLock, pendingCount, pendingStart, pendingEnd, pendingMixed);
                }
                pendingX0 = c;
                pendingX1 = last + 1;
                pendingCount = count;
                pendingLock = lock;
                pendingMixed = mixed;
                pendingIndex = mixed ? -1 : lo;
                pendingStart = mixed ? Math.max(a, first) : starts.get(lo);
                pendingEnd = mixed ? hi : end(lo, limit);
            }
            i = j;
            c = last;
        }
        if (pendingX0 >= 0 && pendingCount > 0) {
            sink.hold(lane, pendingX0, pendingX1, pendingLock, pendingCount, pendingStart, pendingEnd, pendingMixed);
        }
    }

    private static long key(int count, int lock) {
        return (long) count << 32 | (lock & 0xFFFFFFFFL);
    }

    /** The s-th of {@link #SAMPLES} evenly spaced instants in {@code [from, to)}: the middles of equal parts. */
    static long sampleInstant(long from, long to, int s) {
        return from + (long) ((to - from) * ((2.0 * s + 1) / (2.0 * SAMPLES)));
    }

    private static int vote(long[] keys, long[] weights, int distinct, long key, long weight) {
        for (int d = 0; d < distinct; d++) {
            if (keys[d] == key) {
                weights[d] += weight;
                return distinct;
            }
        }
        keys[distinct] = key;
        weights[distinct] = weight;
        return distinct + 1;
    }

    long capacityBytes() {
        return starts.capacityBytes() + counts.capacityBytes() + locks.capacityBytes();
    }
}
