package io.threadstage.trace;

/**
 * What a run wrote, in its order: each print and each error report with its time, so the
 * console of any instant is a prefix. Owned by the {@link TraceStore}'s thread.
 */
final class ConsoleColumn {

    private final LongColumn times = new LongColumn();
    private final IntColumn texts = new IntColumn();
    private final ByteColumn errors = new ByteColumn();

    void add(long t, int text, boolean error) {
        // a report may be stamped a hair before the print read before it; the prefix must stay a prefix
        long last = times.size() == 0 ? Long.MIN_VALUE : times.get(times.size() - 1);
        times.add(Math.max(t, last));
        texts.add(text);
        errors.add((byte) (error ? 1 : 0));
    }

    int size() {
        return times.size();
    }

    /** How many entries were written at or before {@code t}. */
    int countAt(long t) {
        return times.lastAtOrBefore(t) + 1;
    }

    long capacityBytes() {
        return times.capacityBytes() + texts.capacityBytes() + errors.capacityBytes();
    }

    int text(int index) {
        return texts.get(index);
    }

    boolean error(int index) {
        return errors.get(index) != 0;
    }
}
