package io.threadstage.trace;

/** Instant markers (prints, exceptions, captions) of one lane, in time order. Owned by the {@link TraceStore}'s thread. */
final class MarkerColumn {

    /** {@code values()} copies its array at each call, and a frame asks once per marker. */
    private static final TraceStore.MarkerKind[] KINDS = TraceStore.MarkerKind.values();

    private final LongColumn times = new LongColumn();
    private final ByteColumn kinds = new ByteColumn();
    private final IntColumn texts = new IntColumn();

    void add(long t, TraceStore.MarkerKind kind, int text) {
        times.add(t);
        kinds.add((byte) kind.ordinal());
        texts.add(text);
    }

    int size() {
        return times.size();
    }

    long time(int index) {
        return times.get(index);
    }

    TraceStore.MarkerKind kind(int index) {
        return KINDS[kinds.get(index)];
    }

    int text(int index) {
        return texts.get(index);
    }

    /**
     * Reports markers in {@code [t0, t1]} at or before {@code limit}; after each, skips markers
     * closer than {@code minGapNanos}, but never an exception for a print.
     */
    void query(int lane, long t0, long t1, long limit, long minGapNanos, TraceStore.MarkerSink sink) {
        int n = times.size();
        long stop = Math.min(t1, limit);
        int index = times.lastBefore(t0, -1) + 1;
        while (index < n) {
            long t = times.get(index);
            if (t > stop) {
                return;
            }
            int worst = index;
            int next = minGapNanos > 0 ? times.lastBefore(t + minGapNanos, index) + 1 : index + 1;
            if (next - index <= 32) {
                for (int k = index + 1; k < next; k++) {
                    if (kinds.get(k) > kinds.get(worst)) {
                        worst = k;
                    }
                }
            }
            sink.marker(lane, times.get(worst), kind(worst), texts.get(worst), next - index);
            index = next;
        }
    }

    /** The marker nearest {@code t} within {@code tolerance}, or -1. */
    int nearest(long t, long tolerance) {
        int before = times.lastAtOrBefore(t);
        int best = -1;
        long bestDistance = tolerance + 1;
        for (int k = Math.max(0, before); k <= Math.min(times.size() - 1, before + 1); k++) {
            long distance = Math.abs(times.get(k) - t);
            if (distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best;
    }

    long capacityBytes() {
        return times.capacityBytes() + kinds.capacityBytes() + texts.capacityBytes();
    }
}
