package io.threadstage.trace;

/**
 * Arrows between lanes (joins, lock handoffs, wake-ups), kept in the order they were recorded,
 * lanes by internal index (mapped to display indices when reported).
 * A link is recorded at its {@code key} time (the join's begin, the set, the acquire) and may
 * stay open until its end is known. Owned by the {@link TraceStore}'s thread.
 */
final class LinkColumn {

    /** {@code values()} copies its array at each call, and a frame asks once per link. */
    private static final TraceStore.LinkKind[] KINDS = TraceStore.LinkKind.values();

    /** At most this many links recorded at one instant are reported before skipping ahead. */
    static final int SAME_INSTANT_LIMIT = 64;

    private final ByteColumn kinds = new ByteColumn();
    private final IntColumn fromLanes = new IntColumn();
    private final IntColumn toLanes = new IntColumn();
    private final LongColumn keys = new LongColumn();
    private final LongColumn fromTimes = new LongColumn();
    private final LongColumn toTimes = new LongColumn();
    private final ByteColumn timedOut = new ByteColumn();
    private final IntColumn ons = new IntColumn();
    /** How far before its key a link may start, and how far after it may end. */
    private long maxBefore;
    private long maxAfter;
    /** Indices of links whose end is unknown; few at a time (one per blocked thread at most). */
    private final java.util.TreeSet<Integer> open = new java.util.TreeSet<>();

    int size() {
        return keys.size();
    }

    int add(TraceStore.LinkKind kind, long key, int fromLane, long fromT, int toLane, long toT, int on) {
        int index = keys.size();
        kinds.add((byte) kind.ordinal());
        fromLanes.add(fromLane);
        toLanes.add(toLane);
        keys.add(key);
        fromTimes.add(fromT);
        toTimes.add(toT);
        timedOut.add((byte) 0);
        ons.add(on);
        if (toT < 0) {
            open.add(index);
        } else {
            widen(key, fromT, toT);
        }
        maxBefore = Math.max(maxBefore, key - fromT);
        return index;
    }

    void close(int index, long toT, boolean timedOutFlag) {
        toTimes.set(index, toT);
        timedOut.set(index, (byte) (timedOutFlag ? 1 : 0));
        open.remove(index);
        widen(keys.get(index), fromTimes.get(index), toT);
    }

    int toLane(int index) {
        return toLanes.get(index);
    }

    boolean isOpen(int index) {
        return toTimes.get(index) < 0;
    }

    private void widen(long key, long fromT, long toT) {
        maxBefore = Math.max(maxBefore, key - Math.min(fromT, toT));
        maxAfter = Math.max(maxAfter, Math.max(fromT, toT) - key);
    }

    /**
     * Reports links meeting {@code [t0, t1]} that started at or before {@code limit}; a link
     * ending after {@code limit} is reported open. After reporting a link, skips links recorded
     * less than {@code minGapNanos} later (but not those of the same instant). Links with no end
     * on a display lane in {@code [fromLane, toLane)} count as reported but reach no sink.
     */
    void query(long t0, long t1, long limit, long minGapNanos, int fromLane, int toLane, int[] displayOf,
               TraceStore.LinkSink sink) {
        for (int index : open) {
            report(index, t0, t1, limit, fromLane, toLane, displayOf, sink);
        }
        int n = keys.size();
        int index = keys.lastBefore(t0 - maxAfter, -1) + 1;
        long stop = Math.min(t1, limit) + maxBefore;
        while (index < n) {
            long key = keys.get(index);
            if (key > stop) {
                return;
            }
            int sameInstant = 0;
            while (index < n && keys.get(index) == key && sameInstant < SAME_INSTANT_LIMIT) {
                if (!isOpen(index) && report(index, t0, t1, limit, fromLane, toLane, displayOf, sink)) {
                    sameInstant++;
                }
                index++;
            }
            if (sameInstant > 0 && minGapNanos > 0) {
                index = Math.max(index, keys.lastBefore(key + minGapNanos, index - 1) + 1);
            } else if (sameInstant >= SAME_INSTANT_LIMIT) {
                index = keys.lastBefore(key + 1, index - 1) + 1;
            }
        }
    }

    private boolean report(int index, long t0, long t1, long limit, int fromLane, int toLane, int[] displayOf,
                           TraceStore.LinkSink sink) {
        long fromT = fromTimes.get(index);
        long toT = toTimes.get(index);
        if (keys.get(index) > limit || fromT > limit || Math.min(fromT, toT < 0 ? fromT : toT) > t1) {
            return false;
        }
        boolean openAtLimit = toT < 0 || toT > limit;
        long end = openAtLimit ? limit : toT;
        if (Math.max(fromT, end) < t0) {
            return false;
        }
        int from = displayOf[fromLanes.get(index)];
        int to = displayOf[toLanes.get(index)];
        if (TraceStore.touches(from, to, fromLane, toLane)) {
            sink.link(KINDS[kinds.get(index)], from, fromT, to, end, openAtLimit,
                    !openAtLimit && timedOut.get(index) != 0, ons.get(index));
        }
        return true;
    }

    long capacityBytes() {
        return kinds.capacityBytes() + fromLanes.capacityBytes() + toLanes.capacityBytes() + keys.capacityBytes()
                + fromTimes.capacityBytes() + toTimes.capacityBytes() + timedOut.capacityBytes()
                + ons.capacityBytes() + 40L * open.size();
    }
}
