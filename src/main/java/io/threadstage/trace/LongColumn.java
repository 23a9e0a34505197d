package io.threadstage.trace;

import java.util.Arrays;

/** A growable column of {@code long}s ({@link ChunkedColumn}). Owned by the {@link TraceStore}'s reader. */
final class LongColumn extends ChunkedColumn {

    private long[][] chunks = {new long[FIRST_LENGTH]};

    long get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    void set(int index, long value) {
        chunks[index >>> SHIFT][index & MASK] = value;
    }

    void add(long value) {
        int index = reserve();
        chunks[index >>> SHIFT][index & MASK] = value;
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

    @Override
    int chunkSlots() {
        return chunks.length;
    }

    @Override
    void growDirectory(int slots) {
        chunks = Arrays.copyOf(chunks, slots);
    }

    @Override
    int chunkLength(int chunk) {
        return chunks[chunk] == null ? -1 : chunks[chunk].length;
    }

    @Override
    void resizeChunk(int chunk, int length) {
        chunks[chunk] = chunks[chunk] == null ? new long[length] : Arrays.copyOf(chunks[chunk], length);
    }

    @Override
    int valueBytes() {
        return 8;
    }
}
