package io.threadstage.trace;

/**
 * A step function over time: interval i starts at {@code starts[i]} with a (code, on) value and
 * lasts until interval i + 1 starts (the last one until the caller's limit). Used for a
 * thread's states and for the GIL's owner. Answers per-pixel-column queries with binary
 * searches, so their cost follows the columns, not the intervals. Owned by the
 * {@link TraceStore}'s thread.
 */
final class IntervalColumn {

    /**
     * A column holding more intervals than this is judged by sampling it at this many evenly
     * spaced instants instead of summing every interval: the bound that keeps a frame's cost
     * independent of the trace's length.
     */
    static final int EXACT_LIMIT = 3;

    private final LongColumn starts = new LongColumn();
    private final ByteColumn codes = new ByteColumn();
    private final IntColumn ons = new IntColumn();

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

    /** Starts a new interval at {@code t}, unless the value does not change. */
    void append(long t, int code, int on) {
        int n = starts.size();
        if (n > 0 && codes.get(n - 1) == code && ons.get(n - 1) == on) {
            return;
        }
        starts.add(t);
        codes.add((byte) code);
        ons.add(on);
    }

    /** The interval covering {@code t}, or -1 before the first one. */
    int indexAt(long t) {
        return starts.lastAtOrBefore(t);
    }

    long end(int index, long limit) {
        return index + 1 < starts.size() ? Math.min(starts.get(index + 1), limit) : limit;
    }

    /**
     * Reports the intervals seen through {@code columns} pixel columns spanning {@code [t0, t1)},
     * nothing at or after {@code limit}. A column covered by one interval reports it; a column
     * holding several reports the dominant (code, on) (most time, exact up to
     * {@link #EXACT_LIMIT} intervals, else most samples; ties go to the earliest) flagged mixed.
     * Neighbouring columns of the same interval, or mixed with the same dominant value, merge.
     */
    void spans(int lane, long t0, long t1, int columns, long limit, TraceStore.SpanSink sink) {
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
        int pendingCode = 0;
        int pendingOn = 0;
        int pendingIndex = -1;
        long pendingStart = 0;
        long pendingEnd = 0;
        boolean pendingMixed = false;
        for (int c = 0; c < columns; c++) {
            long a = TraceStore.columnStart(t0, t1, columns, c);
            long b = Math.max(TraceStore.columnStart(t0, t1, columns, c + 1), a + 1);
            if (b <= first) {
                continue;
            }
            if (a >= limit) {
                break;
            }
            long hi = Math.min(b, limit);
            // the previous column ended inside interval i: this one starts there, or a step later
            if (i < 0) {
                i = starts.lastBefore(a + 1, -1);
            } else {
                while (i + 1 < n && starts.get(i + 1) <= a) {
                    i++;
                }
            }
            int lo = Math.max(i, 0);
            // most columns lie inside one interval: one look at the next start settles it
            int j = lo + 1 < n && starts.get(lo + 1) < hi ? starts.lastBefore(hi, lo + 1) : lo;
            int code;
            int on;
            boolean mixed = j > lo;
            if (!mixed) {
                code = codes.get(lo);
                on = ons.get(lo);
            } else {
                long from = Math.max(a, first);
                int distinct = 0;
                if (j - lo + 1 <= EXACT_LIMIT) {
                    for (int k = lo; k <= j; k++) {
                        long s = Math.max(starts.get(k), from);
                        long e = k < j ? starts.get(k + 1) : hi;
                        distinct = vote(keys, weights, distinct, key(codes.get(k), ons.get(k)), e - s);
                    }
                } else {
                    int k = lo;
                    for (int s = 0; s < EXACT_LIMIT; s++) {
                        // the instants rise, so each search gallops on from the last answer
                        k = Math.min(j, starts.lastBefore(sampleInstant(from, hi, s) + 1, k));
                        distinct = vote(keys, weights, distinct, key(codes.get(k), ons.get(k)), 1);
                    }
                }
                int best = 0;
                for (int d = 1; d < distinct; d++) {
                    if (weights[d] > weights[best]) {
                        best = d;
                    }
                }
                code = (int) (keys[best] >> 32);
                on = (int) keys[best];
            }
            boolean extends_ = pendingX1 == c && pendingMixed == mixed
                    && (mixed ? pendingCode == code && pendingOn == on : pendingIndex == lo);
            if (extends_) {
                pendingX1 = c + 1;
                if (mixed) {
                    pendingEnd = hi;
                }
            } else {
                if (pendingX0 >= 0) {
                    sink.span(lane, pendingX0, pendingX1, pendingCode, pendingOn, pendingStart, pendingEnd, pendingMixed);
                }
                pendingX0 = c;
                pendingX1 = c + 1;
                pendingCode = code;
                pendingOn = on;
                pendingMixed = mixed;
                pendingIndex = mixed ? -1 : lo;
                pendingStart = mixed ? Math.max(a, first) : starts.get(lo);
                pendingEnd = mixed ? hi : end(lo, limit);
            }
            i = j;
        }
        if (pendingX0 >= 0) {
            sink.span(lane, pendingX0, pendingX1, pendingCode, pendingOn, pendingStart, pendingEnd, pendingMixed);
        }
    }

    static long key(int code, int on) {
        return (long) code << 32 | (on & 0xFFFFFFFFL);
    }

    /** The s-th of {@link #EXACT_LIMIT} evenly spaced instants in {@code [from, to)}: the middles of equal parts. */
    static long sampleInstant(long from, long to, int s) {
        return from + (long) ((to - from) * ((2.0 * s + 1) / (2.0 * EXACT_LIMIT)));
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
        return starts.capacityBytes() + codes.capacityBytes() + ons.capacityBytes();
    }
}
