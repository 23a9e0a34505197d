package io.threadstage.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorder's merged events in seq order, as primitive columns in chunks outside the Java
 * heap (24 bytes an event). Off-heap because a trace is kept whole: on the heap every young
 * collection would copy the freshly merged events again, and a fast run merges millions a second.
 * Chunks double from {@value #FIRST_BITS}-bit to {@value #LAST_BITS}-bit sizes, so a short run
 * (and a test) holds little. Owned by the recorder's reader (guarded by its read lock).
 */
final class MergedStore {

    static final int FIRST_BITS = 10;
    static final int LAST_BITS = 16;
    /** Events in the growing chunks before the first full-size one. */
    private static final long GROWING = (1L << (LAST_BITS + 1)) - (1L << FIRST_BITS) - (1L << LAST_BITS);
    static final int LARGEST_CHUNK = 1 << LAST_BITS;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    /** Typed views of the last chunk's columns, for bulk copies into it. */
    private LongBuffer tColumn;
    private IntBuffer aColumn;
    private IntBuffer bColumn;
    private IntBuffer cColumn;
    private ShortBuffer tidColumn;
    private ByteBuffer kindColumn;
    private ByteBuffer flagsColumn;

    /** How many events fit from {@code seq} (the next one) to the end of its chunk. */
    int roomAt(long seq) {
        int index = chunkIndex(seq);
        return chunkSize(index) - slotIn(seq, index);
    }

    /**
     * Appends {@code length} events from {@code from}'s slots starting at {@code slot} as seqs
     * {@code seq...}: column by column, in bulk. {@code seq} must be the next seq and the run
     * must fit in its chunk ({@link #roomAt}).
     */
    void putRun(long seq, EventChunk from, int slot, int length) {
        int index = chunkIndex(seq);
        if (index == chunks.size()) {
            addChunk(chunkSize(index));
        }
        int i = slotIn(seq, index);
        tColumn.put(i, from.t, slot, length);
        aColumn.put(i, from.a, slot, length);
        bColumn.put(i, from.b, slot, length);
        cColumn.put(i, from.c, slot, length);
        tidColumn.put(i, from.tid, slot, length);
        kindColumn.put(i, from.kind, slot, length);
        flagsColumn.put(i, from.flags, slot, length);
    }

    private void addChunk(int events) {
        ByteBuffer chunk = allocate(events);
        chunks.add(chunk);
        tColumn = column(chunk, 0, 8 * events).asLongBuffer();
        aColumn = column(chunk, 8 * events, 4 * events).asIntBuffer();
        bColumn = column(chunk, 12 * events, 4 * events).asIntBuffer();
        cColumn = column(chunk, 16 * events, 4 * events).asIntBuffer();
        tidColumn = column(chunk, 20 * events, 2 * events).asShortBuffer();
        kindColumn = column(chunk, 22 * events, events);
        flagsColumn = column(chunk, 23 * events, events);
    }

    private static ByteBuffer column(ByteBuffer chunk, int offset, int bytes) {
        return chunk.slice(offset, bytes).order(ByteOrder.nativeOrder());
    }

    /** Reads the event at {@code seq} into slot 0 of {@code into}. */
    void get(long seq, EventChunk into) {
        int index = chunkIndex(seq);
        ByteBuffer chunk = chunks.get(index);
        int n = chunkSize(index);
        int i = slotIn(seq, index);
        into.t[0] = chunk.getLong(8 * i);
        into.a[0] = chunk.getInt(8 * n + 4 * i);
        into.b[0] = chunk.getInt(12 * n + 4 * i);
        into.c[0] = chunk.getInt(16 * n + 4 * i);
        into.tid[0] = chunk.getShort(20 * n + 2 * i);
        into.kind[0] = chunk.get(22 * n + i);
        into.flags[0] = chunk.get(23 * n + i);
    }

    /** Bytes held outside the heap. */
    long offHeapBytes() {
        long bytes = 0;
        for (ByteBuffer chunk : chunks) {
            bytes += chunk.capacity();
        }
        return bytes;
    }

    static int chunkSize(int index) {
        return 1 << Math.min(FIRST_BITS + index, LAST_BITS);
    }

    static int chunkIndex(long seq) {
        long shifted = seq + (1L << FIRST_BITS);
        if (seq < GROWING) {
            return 63 - Long.numberOfLeadingZeros(shifted) - FIRST_BITS;
        }
        return LAST_BITS - FIRST_BITS + (int) ((seq - GROWING) >>> LAST_BITS);
    }

    private static int slotIn(long seq, int index) {
        if (seq < GROWING) {
            return (int) (seq + (1L << FIRST_BITS) - (1L << (FIRST_BITS + index)));
        }
        return (int) ((seq - GROWING) & (LARGEST_CHUNK - 1));
    }

    private static ByteBuffer allocate(int events) {
        try {
            return ByteBuffer.allocateDirect(24 * events).order(ByteOrder.nativeOrder());
        } catch (OutOfMemoryError full) {
            throw new TraceCapacityException("no memory left for the trace (" + full.getMessage()
                    + "); give the JVM more (-XX:MaxDirectMemorySize) or lower the recorder's cap", 0);
        }
    }
}
