package io.threadstage.trace;

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
final class IntervalSummary extends BucketSummary {

    private final ByteColumn codes = new ByteColumn();
    private final IntColumn ons = new IntColumn();
    private final ByteColumn mixed = new ByteColumn();

    /** Intervals of the source folded in so far. */
    private int folded;
    /** The value of the interval being folded. */
    private long current;
    /** Intervals met by the open bucket. */
    private int pieces;
    private final Tally tally = new Tally();

    IntervalSummary(int shift) {
        super(shift);
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

    /**
     * Folds in the intervals that have ended since the last call: interval i starts at
     * {@code starts[i]} with value ({@code codes[i]}, {@code ons[i]}); the last one is still open.
     */
    void catchUp(LongColumn starts, ByteColumn codes, IntColumn ons) {
        int closed = starts.size() - 1;
        for (; folded < closed; folded++) {
            current = Tally.key(codes.get(folded), ons.get(folded));
            foldSpan(starts.get(folded), starts.get(folded + 1));
        }
    }

    @Override
    void startTally() {
        pieces = 0;
        tally.clear();
    }

    @Override
    void tallyPiece(long nanos) {
        pieces++;
        tally.add(current, nanos);
    }

    @Override
    void keepWholeBuckets(long start) {
        keep(start, current, false);
    }

    @Override
    void keepBucket(long start) {
        keep(start, tally.heaviest(), pieces > 1);
    }

    private void keep(long start, long key, boolean isMixed) {
        int n = starts.size();
        boolean same = continuesLast(start) && mixed.get(n - 1) == (isMixed ? 1 : 0)
                && codes.get(n - 1) == Tally.code(key) && ons.get(n - 1) == Tally.on(key);
        if (!same) {
            starts.add(start);
            codes.add((byte) Tally.code(key));
            ons.add(Tally.on(key));
            mixed.add((byte) (isMixed ? 1 : 0));
        }
    }

    @Override
    long capacityBytes() {
        return super.capacityBytes() + codes.capacityBytes() + ons.capacityBytes() + mixed.capacityBytes()
                + tally.capacityBytes();
    }
}
