package io.threadstage.trace;

import java.util.Arrays;

/** A growable column of {@code int}s ({@link ChunkedColumn}). Owned by the {@link TraceStore}'s reader. */
final class IntColumn extends ChunkedColumn {

    private int[][] chunks = {new int[FIRST_LENGTH]};

    int get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    void set(int index, int value) {
        chunks[index >>> SHIFT][index & MASK] = value;
    }

    void add(int value) {
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
        chunks[chunk] = chunks[chunk] == null ? new int[length] : Arrays.copyOf(chunks[chunk], length);
    }

    @Override
    int valueBytes() {
        return 4;
    }
}
