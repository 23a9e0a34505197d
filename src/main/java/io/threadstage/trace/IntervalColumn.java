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
    static final int EXACT_LIMIT = 8;

    /** How many instants judge a column of more than {@link #EXACT_LIMIT} intervals. */
    static final int SAMPLES = 3;

    /**
     * A view showing more than this many intervals per pixel column reads an
     * {@link IntervalSummary} for its columns instead of the intervals themselves.
     */
    static final int DENSE = 2;

    private final LongColumn starts = new LongColumn();
    private final ByteColumn codes = new ByteColumn();
    private final IntColumn ons = new IntColumn();
    /** Summaries by their shift, made when a view first needs one. */
    private final SummariesByShift<IntervalSummary> summaries = new SummariesByShift<>(IntervalSummary::new);
    /** False for a column whose every view reads the intervals (a lane's lock holdings). */
    private final boolean summarised;

    IntervalColumn() {
        this(true);
    }

    IntervalColumn(boolean summarised) {
        this.summarised = summarised;
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
     * holding several reports the dominant (code, on) flagged mixed: the one with most time,
     * summed exactly over up to {@link #EXACT_LIMIT} intervals, else counted at {@link #SAMPLES}
     * instants (ties go to the earliest). When the view holds more than {@link #DENSE} intervals a
     * column, whole columns are judged from an {@link IntervalSummary} instead: the same vote over
     * its buckets, mixed when it meets more than one entry or a mixed one. Neighbouring columns
     * of the same interval, or mixed with the same dominant value, merge.
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
        IntervalSummary summary = summarised ? denseSummary(t0, t1, columns, limit) : null;
        long summaryUntil = summary == null ? Long.MIN_VALUE : Math.min(limit, summary.coveredUntil());
        Verdict verdict = new Verdict();
        int pendingX0 = -1;
        int pendingX1 = -1;
        int pendingCode = 0;
        int pendingOn = 0;
        int pendingIndex = -1;
        long pendingStart = 0;
        long pendingEnd = 0;
        boolean pendingMixed = false;
        // columns from the first one starting at the limit on are not shown
        int stop = PixelColumns.firstStartingAtOrAfter(t0, t1, columns, limit);
        for (int c = PixelColumns.firstEndingAfter(t0, t1, columns, 0, first); c < stop; c++) {
            long a = PixelColumns.columnStart(t0, t1, columns, c);
            long b = PixelColumns.columnEnd(t0, t1, columns, c);
            long hi = Math.min(b, limit);
            if (summary != null && a >= first && hi == b && summary.bucketEnd(b - 1) <= summaryUntil) {
                judgeFromSummary(summary, a, hi, verdict);
            } else {
                judge(a, hi, first, verdict);
            }
            boolean mixed = verdict.mixed;
            int code = verdict.code;
            int on = verdict.on;
            int lo = verdict.interval;
            int last = c;
            if (!mixed && summary == null) {
                // every later column ending by the next start lies in this interval too: leap over
                // them, so a lane that seldom changes costs a few searches, not a step per column
                long next = lo + 1 < n ? starts.get(lo + 1) : Long.MAX_VALUE;
                last = Math.max(c, Math.min(PixelColumns.firstEndingAfter(t0, t1, columns, c + 1, next), stop) - 1);
            }
            boolean extends_ = pendingX1 == c && pendingMixed == mixed
                    && (mixed ? pendingCode == code && pendingOn == on : pendingIndex == lo);
            if (extends_) {
                pendingX1 = last + 1;
                if (mixed) {
                    pendingEnd = hi;
                }
            } else {
                if (pendingX0 >= 0) {
                    sink.span(lane, pendingX0, pendingX1, pendingCode, pendingOn, pendingStart, pendingEnd, pendingMixed);
                }
                pendingX0 = c;
                pendingX1 = last + 1;
                pendingCode = code;
                pendingOn = on;
                pendingMixed = mixed;
                pendingIndex = mixed ? -1 : lo;
                pendingStart = mixed ? Math.max(a, first) : starts.get(lo);
                pendingEnd = mixed ? hi : end(lo, limit);
            }
            c = last;
        }
        if (pendingX0 >= 0) {
            sink.span(lane, pendingX0, pendingX1, pendingCode, pendingOn, pendingStart, pendingEnd, pendingMixed);
        }
    }

    /**
     * What one column shows, and where the searches stand; reused from column to column, since
     * each column's searches start where the last one's ended.
     */
    private static final class Verdict {
        final Tally tally = new Tally();
        /** The interval covering the last column's start (-1 before the first, or none yet). */
        int cursor = -1;
        /** The summary entry covering the last summary column's start. */
        int entry = -1;
        int code;
        int on;
        boolean mixed;
        /** When not mixed: the one interval the column lies in. */
        int interval;

        void decide() {
            long best = tally.heaviest();
            code = Tally.code(best);
            on = Tally.on(best);
        }
    }

    /**
     * The last interval starting at or before {@code t}, searching on from {@code cursor}; the
     * answer is most often the cursor itself or the next one, so those are looked at first.
     */
    private int advance(int cursor, long t) {
        int n = starts.size();
        if (cursor >= 0) {
            if (cursor + 1 >= n || starts.get(cursor + 1) > t) {
                return cursor;
            }
            if (cursor + 2 >= n || starts.get(cursor + 2) > t) {
                return cursor + 1;
            }
        }
        return starts.lastBefore(t + 1, cursor);
    }

    /** Judges column {@code [a, hi)} from the intervals themselves. */
    private void judge(long a, long hi, long first, Verdict verdict) {
        int n = starts.size();
        // the last column ended inside interval cursor: this one starts there, or a little later
        int lo = Math.max(0, verdict.cursor = advance(verdict.cursor, a));
        verdict.interval = lo;
        verdict.mixed = lo + 1 < n && starts.get(lo + 1) < hi;
        if (!verdict.mixed) {
            // most columns lie inside one interval: one look at the next start settles it
            verdict.code = codes.get(lo);
            verdict.on = ons.get(lo);
            return;
        }
        Tally tally = verdict.tally;
        tally.clear();
        long from = Math.max(a, first);
        // a short walk beats a search over the few intervals of a busy column
        int j = lo;
        long s = from;
        while (j - lo + 1 < EXACT_LIMIT && j + 1 < n && starts.get(j + 1) < hi) {
            long e = starts.get(j + 1);
            tally.add(Tally.key(codes.get(j), ons.get(j)), e - s);
            s = e;
            j++;
        }
        if (j + 1 >= n || starts.get(j + 1) >= hi) {
            tally.add(Tally.key(codes.get(j), ons.get(j)), hi - s);
        } else {
            j = starts.lastBefore(hi, j + 1);
            tally.clear();
            int k = lo;
            for (int sample = 0; sample < SAMPLES; sample++) {
                // the instants rise, so each search gallops on from the last answer
                k = Math.min(j, starts.lastBefore(PixelColumns.sampleInstant(from, hi, sample, SAMPLES) + 1, k));
                tally.add(Tally.key(codes.get(k), ons.get(k)), 1);
            }
        }
        verdict.cursor = j;
        verdict.decide();
    }

    /**
     * Judges column {@code [a, hi)} from the summary's few entries under it, touching the
     * intervals only when the column turns out to lie in one of them.
     */
    private void judgeFromSummary(IntervalSummary summary, long a, long hi, Verdict verdict) {
        int entry = summary.indexAt(a, verdict.entry);
        verdict.tally.clear();
        boolean anyMixed = false;
        int f = entry;
        for (; f < summary.size() && summary.start(f) < hi; f++) {
            long weight = Math.min(summary.end(f), hi) - Math.max(summary.start(f), a);
            verdict.tally.add(Tally.key(summary.code(f), summary.on(f)), weight);
            anyMixed |= summary.mixed(f);
        }
        verdict.entry = f - 1;
        verdict.mixed = anyMixed || f - entry > 1;
        if (verdict.mixed) {
            verdict.decide();
            return;
        }
        verdict.interval = Math.max(0, verdict.cursor = advance(verdict.cursor, a));
        verdict.code = codes.get(verdict.interval);
        verdict.on = ons.get(verdict.interval);
    }

    /**
     * The summary to read for a view of {@code columns} columns over {@code [t0, t1)} when it
     * shows more than {@link #DENSE} intervals a column, else null (the intervals are read).
     */
    private IntervalSummary denseSummary(long t0, long t1, int columns, long limit) {
        int shift = BucketSummary.denseShift(starts, t0, t1, columns, limit, DENSE);
        if (shift < 0) {
            return null;
        }
        IntervalSummary summary = summaries.at(shift);
        summary.catchUp(starts, codes, ons);
        return summary;
    }

    long capacityBytes() {
        return starts.capacityBytes() + codes.capacityBytes() + ons.capacityBytes() + summaries.capacityBytes();
    }
}
