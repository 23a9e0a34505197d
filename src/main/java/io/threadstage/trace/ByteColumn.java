package io.threadstage.trace;

import java.util.Arrays;

/** A growable column of {@code byte}s ({@link ChunkedColumn}). Owned by the {@link TraceStore}'s reader. */
final class ByteColumn extends ChunkedColumn {

    private byte[][] chunks = {new byte[FIRST_LENGTH]};

    byte get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    void set(int index, byte value) {
        chunks[index >>> SHIFT][index & MASK] = value;
    }

    void add(byte value) {
        int index = reserve();
        chunks[index >>> SHIFT][index & MASK] = value;
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
        chunks[chunk] = chunks[chunk] == null ? new byte[length] : Arrays.copyOf(chunks[chunk], length);
    }

    @Override
    int valueBytes() {
        return 1;
    }
}
