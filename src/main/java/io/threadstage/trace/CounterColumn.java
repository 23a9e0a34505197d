package io.threadstage.trace;

/**
 * One counter's value over time: every value written to it, in the order written. Owned by the
 * {@link TraceStore}'s thread.
 */
final class CounterColumn {

    final String name;
    private final LongColumn times = new LongColumn();
    private final LongColumn values = new LongColumn();
    private long least = Long.MAX_VALUE;
    private long greatest = Long.MIN_VALUE;

    CounterColumn(String name) {
        this.name = name;
    }

    void append(long t, long value) {
        times.add(t);
        values.add(value);
        least = Math.min(least, value);
        greatest = Math.max(greatest, value);
    }

    TraceStore.CounterInfo info(int index) {
        int n = times.size();
        // the first value is the one the counter starts with; each later one is a write
        return new TraceStore.CounterInfo(index, name, values.get(0), values.get(n - 1), least, greatest, n - 1);
    }

    /** The value at {@code t}, or {@link Long#MIN_VALUE} before the first. */
    long valueAt(long t) {
        int index = times.lastAtOrBefore(t);
        return index < 0 ? Long.MIN_VALUE : values.get(index);
    }

    /**
     * Reports the value each pixel column ends with, columns of equal value merged: one search
     * a column, so the cost follows the pixels, however many writes a column holds. Columns
     * before the first value or from {@code limit} on are left out.
     */
    void steps(long t0, long t1, int columns, long limit, TraceStore.ValueSink sink) {
        int n = times.size();
        if (n == 0 || columns <= 0 || t1 <= t0) {
            return;
        }
        long first = times.get(0);
        int index = -1;
        int pendingX0 = -1;
        int pendingX1 = -1;
        long pending = 0;
        for (int c = 0; c < columns; c++) {
            long a = PixelColumns.columnStart(t0, t1, columns, c);
            long b = PixelColumns.columnEnd(t0, t1, columns, c);
            if (b <= first) {
                continue;
            }
            if (a >= limit) {
                break;
            }
            index = times.lastBefore(Math.min(b, limit), index);
            long value = values.get(Math.max(index, 0));
            if (pendingX1 == c && pending == value) {
                pendingX1 = c + 1;
            } else {
                if (pendingX0 >= 0) {
                    sink.value(pendingX0, pendingX1, pending);
                }
                pendingX0 = c;
                pendingX1 = c + 1;
                pending = value;
            }
        }
        if (pendingX0 >= 0) {
            sink.value(pendingX0, pendingX1, pending);
        }
    }

    long capacityBytes() {
        return 64 + times.capacityBytes() + values.capacityBytes();
    }
}
