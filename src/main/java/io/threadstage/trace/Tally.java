package io.threadstage.trace;

import java.util.Arrays;

/**
 * Weights summed per (code, on) value, to find the value that holds most of a column or a
 * bucket; ties go to the value met first. Reused: {@link #clear()} keeps the arrays. Owned by
 * the {@link TraceStore}'s thread.
 */
final class Tally {

    private long[] keys = new long[8];
    private long[] weights = new long[8];
    private int distinct;

    /** A (code, on) pair as one number. */
    static long key(int code, int on) {
        return (long) code << 32 | (on & 0xFFFFFFFFL);
    }

    static int code(long key) {
        return (int) (key >> 32);
    }

    static int on(long key) {
        return (int) key;
    }

    void clear() {
        distinct = 0;
    }

    void add(long key, long weight) {
        for (int d = 0; d < distinct; d++) {
            if (keys[d] == key) {
                weights[d] += weight;
                return;
            }
        }
        if (distinct == keys.length) {
            keys = Arrays.copyOf(keys, distinct * 2);
            weights = Arrays.copyOf(weights, distinct * 2);
        }
        keys[distinct] = key;
        weights[distinct] = weight;
        distinct++;
    }

    /** The value with the greatest weight, the first met among equals. */
    long heaviest() {
        int best = 0;
        for (int d = 1; d < distinct; d++) {
            if (weights[d] > weights[best]) {
                best = d;
            }
        }
        return keys[best];
    }

    long capacityBytes() {
        return 48 + 16L * keys.length;
    }
}
