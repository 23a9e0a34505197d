package io.threadstage.trace;

import java.util.Arrays;

/**
 * A growable column of {@code int}s kept in fixed-size chunks, so growing never copies more
 * than one chunk and a column of millions of values needs no single huge array. Only the last
 * chunk is grown (by half each time), which bounds the slack of a short column to a third.
 * Owned by one thread (the {@link TraceStore}'s reader); not thread-safe.
 */
final class IntColumn {

    static final int SHIFT = 13;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[1][];
    private int size;

    IntColumn() {
        chunks[0] = new int[8];
    }

    int size() {
        return size;
    }

    int get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    void set(int index, int value) {
        chunks[index >>> SHIFT][index & MASK] = value;
    }

    void add(int value) {
        int chunk = size >>> SHIFT;
        int offset = size & MASK;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        int[] target = chunks[chunk];
        if (target == null) {
            target = chunks[chunk] = new int[8];
        } else if (offset == target.length) {
            target = chunks[chunk] = Arrays.copyOf(target, Math.min(CHUNK, offset + (offset >> 1)));
        }
        target[offset] = value;
        size++;
    }

    int last() {
        return get(size - 1);
    }

    /** The last index whose value is {@code <= key} (values must not decrease), or -1. */
    int lastAtOrBefore(long key) {
        return lastAtOrBefore(key, 0, size - 1);
    }

    /** As {@link #lastAtOrBefore(long)}, searching only {@code [lo, hi]}; returns lo - 1 when none. */
    int lastAtOrBefore(long key, int lo, int hi) {
        int from = lo;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid) <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Math.max(hi, from - 1);
    }

    /** The last index whose value is {@code < key}, searching forward from {@code from} by galloping. */
    int lastBefore(long key, int from) {
        if (from < 0) {
            from = 0;
            if (size == 0 || get(0) >= key) {
                return -1;
            }
        }
        int step = 1;
        int lo = from;
        int hi = from + step;
        while (hi < size && get(hi) < key) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        hi = Math.min(hi, size - 1);
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (get(mid) < key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    long capacityBytes() {
        long bytes = 16L + 8L * chunks.length;
        for (int[] chunk : chunks) {
            if (chunk != null) {
                bytes += 16L + 4L * chunk.length;
            }
        }
        return bytes;
    }
}
