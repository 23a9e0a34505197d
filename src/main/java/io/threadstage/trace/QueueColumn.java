package io.threadstage.trace;

/**
 * One queue's size over time, and who put and got each item. Gets pair with puts in FIFO
 * order (the k-th get takes the k-th item put), which is {@code queue.Queue}'s contract, so the
 * pairs need no storage of their own. Owned by the {@link TraceStore}'s thread.
 */
final class QueueColumn {

    /** Columns holding more samples than this are judged from this many evenly spaced instants. */
    static final int EXACT_LIMIT = 4;

    /**
     * A view showing more than this many samples per pixel column reads a {@link DepthSummary}
     * for its columns instead of the samples.
     */
    static final int DENSE = 2;

    static final int OP_PUT = 0;
    static final int OP_GET = 1;
    static final int OP_OTHER = 2;

    final String name;
    private int maxsize;
    private int peak;
    private final LongColumn times = new LongColumn();
    private final IntColumn depths = new IntColumn();
    /*
     * The k-th put and the k-th get, by k: the arrows' search for the next get probes the get
     * times a dozen times an arrow, and skips most pairs on their lanes alone, so each probe and
     * each test is one read, not two far apart in a long run.
     */
    private final LongColumn putTimes = new LongColumn();
    private final IntColumn putLanes = new IntColumn();
    private final LongColumn getTimes = new LongColumn();
    private final IntColumn getLanes = new IntColumn();
    /** Summaries by their shift, made when a view first needs one. */
    private final SummariesByShift<DepthSummary> summaries = new SummariesByShift<>(DepthSummary::new);

    QueueColumn(String name) {
        this.name = name;
    }

    void append(long t, int depth, int maxsize, int lane, int op) {
        this.maxsize = maxsize;
        peak = Math.max(peak, depth);
        times.add(t);
        depths.add(depth);
        if (op == OP_PUT) {
            putTimes.add(t);
            putLanes.add(lane);
        } else if (op == OP_GET) {
            getTimes.add(t);
            getLanes.add(lane);
        }
    }

    int maxsize() {
        return maxsize;
    }

    int peak() {
        return peak;
    }

    int size() {
        return times.size();
    }

    /** The depth at {@code t}: 0 before the first put or get. */
    int depthAt(long t) {
        int index = times.lastAtOrBefore(t);
        return index < 0 ? 0 : depths.get(index);
    }

    /** Reports {@code (x0, x1, min, max)} per run of pixel columns with equal extremes. */
    void depths(long t0, long t1, int columns, long limit, TraceStore.DepthSink sink) {
        int n = times.size();
        if (n == 0 || columns <= 0 || t1 <= t0) {
            return;
        }
        long first = times.get(0);
        if (limit <= first) {
            return;
        }
        DepthSummary summary = denseSummary(t0, t1, columns, limit);
        long summaryUntil = summary == null ? Long.MIN_VALUE : Math.min(limit, summary.coveredUntil());
        int entry = -1;
        int i = -1;
        int pendingX0 = -1;
        int pendingX1 = -1;
        int pendingMin = 0;
        int pendingMax = 0;
        for (int c = 0; c < columns; c++) {
            long a = PixelColumns.columnStart(t0, t1, columns, c);
            long b = PixelColumns.columnEnd(t0, t1, columns, c);
            if (b <= first) {
                continue;
            }
            if (a >= limit) {
                break;
            }
            long hi = Math.min(b, limit);
            int min;
            int max;
            if (summary != null && a >= first && hi == b && summary.bucketEnd(b - 1) <= summaryUntil) {
                // the few buckets under the column, not its many samples
                entry = summary.indexAt(a, entry);
                min = summary.min(entry);
                max = summary.max(entry);
                while (entry + 1 < summary.size() && summary.start(entry + 1) < hi) {
                    entry++;
                    min = Math.min(min, summary.min(entry));
                    max = Math.max(max, summary.max(entry));
                }
            } else {
                i = times.lastBefore(a + 1, i);
                int j = times.lastBefore(hi, Math.max(i, 0));
                if (j - i + 1 <= EXACT_LIMIT) {
                    min = i < 0 ? 0 : depths.get(i);
                    max = min;
                    for (int k = i + 1; k <= j; k++) {
                        min = Math.min(min, depths.get(k));
                        max = Math.max(max, depths.get(k));
                    }
                } else {
                    min = Integer.MAX_VALUE;
                    max = Integer.MIN_VALUE;
                    long from = Math.max(a, first);
                    int k = i;
                    for (int s = 0; s < EXACT_LIMIT; s++) {
                        long instant = PixelColumns.sampleInstant(from, hi, s, EXACT_LIMIT);
                        k = Math.min(j, times.lastBefore(instant + 1, k));
                        int depth = k < 0 ? 0 : depths.get(k);
                        min = Math.min(min, depth);
                        max = Math.max(max, depth);
                    }
                }
                i = j;
            }
            if (pendingX1 == c && pendingMin == min && pendingMax == max) {
                pendingX1 = c + 1;
            } else {
                if (pendingX0 >= 0) {
                    sink.depth(pendingX0, pendingX1, pendingMin, pendingMax);
                }
                pendingX0 = c;
                pendingX1 = c + 1;
                pendingMin = min;
                pendingMax = max;
            }
        }
        if (pendingX0 >= 0) {
            sink.depth(pendingX0, pendingX1, pendingMin, pendingMax);
        }
    }

    /**
     * The summary to read for a view of {@code columns} columns over {@code [t0, t1)} when it
     * shows more than {@link #DENSE} samples a column, else null (the samples are read).
     */
    private DepthSummary denseSummary(long t0, long t1, int columns, long limit) {
        int shift = BucketSummary.denseShift(times, t0, t1, columns, limit, DENSE);
        if (shift < 0) {
            return null;
        }
        DepthSummary summary = summaries.at(shift);
        summary.catchUp(times, depths);
        return summary;
    }

    /**
     * Reports put-to-get pairs whose span meets {@code [t0, t1]}, gets at or before
     * {@code limit}, that touch a display lane in {@code [fromLane, toLane)}; after each pair met,
     * reported or not, skips gets closer than {@code minGapNanos}, so the lanes shown do not
     * change which pairs stand for a crowd.
     */
    void feeds(int queue, long t0, long t1, long limit, long minGapNanos, int fromLane, int toLane, int[] displayOf,
               TraceStore.LinkSink sink) {
        int pairs = Math.min(putTimes.size(), getTimes.size());
        int m = firstGetAtOrAfter(t0, 0, pairs, 0);
        int lastJump = 1;
        while (m < pairs) {
            long getT = getTimes.get(m);
            // puts come in order, and no later than their gets: only a get after the view can
            // belong to a pair that starts after it
            if (getT > limit || getT > t1 && putTimes.get(m) > t1) {
                return;
            }
            int putter = putLanes.get(m);
            int getter = getLanes.get(m);
            if (putter >= 0 && getter >= 0) {
                int from = displayOf[putter];
                int to = displayOf[getter];
                if (TraceStore.touches(from, to, fromLane, toLane)) {
                    sink.link(TraceStore.LinkKind.FEED, from, putTimes.get(m), to, getT, false, false, queue);
                }
            }
            if (minGapNanos <= 0) {
                m++;
                continue;
            }
            // a queue's traffic changes slowly: the next arrow is most likely as many pairs on
            // as the last one was, so the search starts there
            int next = firstGetAtOrAfter(getT + minGapNanos, m + 1, pairs, m + lastJump);
            lastJump = next - m;
            m = next;
        }
    }

    /**
     * The first pair from {@code from} whose get is at or after {@code t}, or {@code pairs}: a
     * galloping search outward from the {@code guess}, so a good guess costs a few reads next
     * to each other and a bad one no more than twice a binary search.
     */
    private int firstGetAtOrAfter(long t, int from, int pairs, int guess) {
        int lo = from;
        int hi = pairs;
        int probe = Math.max(from, Math.min(guess, pairs - 1));
        if (probe < lo || probe >= hi) {
            return lo;
        }
        if (getTimes.get(probe) < t) {
            // the answer lies after the guess
            lo = probe + 1;
            for (int step = 1; lo < hi; step <<= 1) {
                int bound = probe + step;
                if (bound >= hi || getTimes.get(bound) >= t) {
                    hi = Math.min(bound, hi);
                    break;
                }
                lo = bound + 1;
            }
        } else {
            // the answer is the guess or before it
            hi = probe;
            for (int step = 1; lo < hi; step <<= 1) {
                int bound = probe - step;
                if (bound < lo || getTimes.get(bound) < t) {
                    lo = Math.max(bound + 1, lo);
                    break;
                }
                hi = bound;
            }
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (getTimes.get(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long capacityBytes() {
        return 64 + times.capacityBytes() + depths.capacityBytes() + putTimes.capacityBytes()
                + putLanes.capacityBytes() + getTimes.capacityBytes() + getLanes.capacityBytes()
                + summaries.capacityBytes();
    }
}
