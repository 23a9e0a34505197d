package io.threadstage.trace;

/**
 * Every {@code local.value = ...} of a run: when, on which lane, which local and the value's
 * text, in time order. Owned by the {@link TraceStore}'s thread.
 */
final class LocalColumn {

    private final LongColumn times = new LongColumn();
    private final IntColumn lanes = new IntColumn();
    private final IntColumn locals = new IntColumn();
    private final IntColumn texts = new IntColumn();

    void append(long t, int lane, int local, int text) {
        times.add(t);
        lanes.add(lane);
        locals.add(local);
        texts.add(text);
    }

    /**
     * The sets in {@code [t0, t1]} before {@code limit}, at most one per lane every
     * {@code minGapNanos} (the first of each gap kept) and at most {@code most} in all, so the
     * chips drawn follow the pixels, not the sets.
     */
    void query(long t0, long t1, long limit, long minGapNanos, int most, int[] displayOf, TraceStore.LocalSink sink) {
        int from = times.lastBefore(t0, -1) + 1;
        long end = Math.min(t1, limit - 1);
        long[] lastShown = new long[displayOf.length];
        java.util.Arrays.fill(lastShown, Long.MIN_VALUE);
        int shown = 0;
        for (int i = from; i < times.size() && shown < most; i++) {
            long t = times.get(i);
            if (t > end) {
                break;
            }
            int lane = lanes.get(i);
            if (lane < 0 || lane >= displayOf.length) {
                continue;
            }
            if (lastShown[lane] != Long.MIN_VALUE && t - lastShown[lane] < minGapNanos) {
                continue;
            }
            lastShown[lane] = t;
            sink.local(displayOf[lane], t, locals.get(i), texts.get(i));
            shown++;
        }
    }

    long capacityBytes() {
        return 64 + times.capacityBytes() + lanes.capacityBytes() + locals.capacityBytes() + texts.capacityBytes();
    }
}
