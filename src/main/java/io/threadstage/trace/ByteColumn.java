package io.threadstage.trace;

import java.util.Arrays;

/**
 * A growable column of {@code byte}s kept in fixed-size chunks, so growing never copies more
 * than one chunk and a column of millions of values needs no single huge array. Only the last
 * chunk is grown (by half each time), which bounds the slack of a short column to a third.
 * Owned by one thread (the {@link TraceStore}'s reader); not thread-safe.
 */
final class ByteColumn {

    static final int SHIFT = 13;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private byte[][] chunks = new byte[1][];
    private int size;

    ByteColumn() {
        chunks[0] = new byte[8];
    }

    int size() {
        return size;
    }

    byte get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    void set(int index, byte value) {
        chunks[index >>> SHIFT][index & MASK] = value;
    }

    void add(byte value) {
        int chunk = size >>> SHIFT;
        int offset = size & MASK;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        byte[] target = chunks[chunk];
        if (target == null) {
            target = chunks[chunk] = new byte[8];
        } else if (offset == target.length) {
            target = chunks[chunk] = Arrays.copyOf(target, Math.min(CHUNK, offset + (offset >> 1)));
        }
        target[offset] = value;
        size++;
    }

    long capacityBytes() {
        long bytes = 16L + 8L * chunks.length;
        for (byte[] chunk : chunks) {
            if (chunk != null) {
                bytes += 16L + 1L * chunk.length;
            }
        }
        return bytes;
    }
}
