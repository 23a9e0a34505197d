package io.threadstage.trace;

/**
 * What the primitive columns share: values kept in fixed-size chunks, so growing never copies
 * more than one chunk and a column of millions of values needs no single huge array. Only the
 * last chunk is grown (by half each time), which bounds the slack of a short column to a third.
 * A subclass keeps its own typed chunks, so reading a value is one array access with no cast;
 * this class decides where the next value goes and when a chunk grows.
 * Owned by one thread (the {@link TraceStore}'s reader); not thread-safe.
 */
abstract class ChunkedColumn {

    static final int SHIFT = 13;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    /** A chunk's length when it is made: most columns of a short run hold a few values. */
    static final int FIRST_LENGTH = 8;

    int size;

    final int size() {
        return size;
    }

    /**
     * Makes room for one more value and returns its index: the value goes in chunk
     * {@code index >>> SHIFT} at {@code index & MASK}, which exists and is long enough.
     */
    final int reserve() {
        int chunk = size >>> SHIFT;
        int offset = size & MASK;
        if (chunk == chunkSlots()) {
            growDirectory(chunkSlots() * 2);
        }
        int length = chunkLength(chunk);
        if (length < 0) {
            resizeChunk(chunk, FIRST_LENGTH);
        } else if (offset == length) {
            resizeChunk(chunk, Math.min(CHUNK, offset + (offset >> 1)));
        }
        return size++;
    }

    /** Heap bytes held: the directory, and each chunk's header and values. */
    final long capacityBytes() {
        long bytes = 16L + 8L * chunkSlots();
        for (int chunk = 0; chunk < chunkSlots(); chunk++) {
            int length = chunkLength(chunk);
            if (length >= 0) {
                bytes += 16L + (long) valueBytes() * length;
            }
        }
        return bytes;
    }

    /** How many chunks the directory has room for. */
    abstract int chunkSlots();

    abstract void growDirectory(int slots);

    /** The length of chunk {@code chunk}, -1 when it is not made yet. */
    abstract int chunkLength(int chunk);

    /** Makes chunk {@code chunk} {@code length} long, keeping its values. */
    abstract void resizeChunk(int chunk, int length);

    abstract int valueBytes();
}
