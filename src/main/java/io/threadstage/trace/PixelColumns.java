package io.threadstage.trace;

/**
 * How a time range maps onto pixel columns: the one mapping every per-column query and every
 * view uses, so a view and the store agree to the nanosecond. Stateless; any thread.
 */
public final class PixelColumns {

    private PixelColumns() {
    }

    /** The start of pixel column {@code c} of {@code columns} spanning {@code [t0, t1)}. */
    public static long columnStart(long t0, long t1, int columns, int c) {
        return t0 + (long) Math.floor((double) (t1 - t0) * c / columns);
    }

    /** The s-th of {@code of} evenly spaced instants in {@code [from, to)}: the middles of equal parts. */
    static long sampleInstant(long from, long to, int s, int of) {
        return from + (long) ((to - from) * ((2.0 * s + 1) / (2.0 * of)));
    }

    /** The end of column {@code c}'s time range: at least a nanosecond past its start, as the store maps columns. */
    static long columnEnd(long t0, long t1, int columns, int c) {
        return Math.max(columnStart(t0, t1, columns, c + 1), columnStart(t0, t1, columns, c) + 1);
    }

    /**
     * The first column in {@code [from, columns)} whose range ends after {@code t}, or
     * {@code columns}: galloping from {@code from}, as the next change is usually a few columns on.
     */
    static int firstEndingAfter(long t0, long t1, int columns, int from, long t) {
        int lo = from;
        int bound = from;
        int step = 1;
        while (bound < columns && columnEnd(t0, t1, columns, bound) <= t) {
            lo = bound + 1;
            bound = from + step;
            step <<= 1;
        }
        int hi = Math.min(bound, columns);
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
    static int firstStartingAtOrAfter(long t0, long t1, int columns, long t) {
        int lo = 0;
        int hi = columns;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columnStart(t0, t1, columns, mid) >= t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
