package io.threadstage.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The events one thread recorded into one recorder and the reader has not merged yet: a chain of
 * small {@link EventChunk}s. Written by its thread only, read by the recorder's reader only.
 *
 * <p>Three fields are shared: {@code count} (events published; a release store after the slot
 * is written), {@code pending} (while an event is being recorded, a lower bound of its time,
 * else {@link #IDLE}) and {@code spare} (a merged chunk the reader hands back for reuse). The writer's fields, the reader's fields and neighbouring buffers sit on
 * separate cache lines (padding in the class hierarchy keeps declaration order), so threads
 * recording at once never write to a common line.
 */
final class ThreadBuffer extends ThreadBufferPadMid {

    /**
     * Chunk sizes grow from small (every thread of a run holds one, most record little) to a
     * size where a busy thread allocates rarely.
     */
    static final int FIRST_CHUNK = 64;
    static final int LARGEST_CHUNK = 4096;

    final int index;

    // reader-owned
    EventChunk readChunk;
    int readSlot;
    long merged;
    long available;

    @SuppressWarnings("unused")
    private long r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14, r15, r16;

    ThreadBuffer(int index) {
        this.index = index;
        EventChunk first = new EventChunk(FIRST_CHUNK);
        this.writeChunk = first;
        this.readChunk = first;
    }

    /**
     * Writer: links the next chunk, before the count is published, so the reader finds it there.
     * Reuses the chunk the reader handed back if it is big enough: with a reader draining every
     * frame, a busy thread cycles through two chunks and allocates nothing.
     */
    void growChunk() {
        EventChunk full = writeChunk;
        int wanted = Math.min(full.t.length * 2, LARGEST_CHUNK);
        EventChunk next = (EventChunk) SPARE.getAndSet(this, null);
        if (next == null || next.t.length < wanted) {
            next = new EventChunk(wanted);
        } else {
            next.next = null;
        }
        full.next = next;
        writeChunk = next;
        writeSlot = 0;
    }

    /** Writer: announces an event about to be stamped no earlier than {@code lowerBoundT}. Full fence. */
    void beginEvent(long lowerBoundT) {
        PENDING.setVolatile(this, lowerBoundT);
    }

    /** Writer: publishes the event just written and clears the announcement. */
    void endEvent() {
        COUNT.setRelease(this, ++written);
        PENDING.setRelease(this, IDLE);
    }

    /** Reader. */
    long pendingLowerBound() {
        return (long) PENDING.getVolatile(this);
    }

    /** Reader. */
    long publishedCount() {
        return (long) COUNT.getAcquire(this);
    }

    /** Reader: t of the next event to merge (call only while {@code merged < available}). */
    long nextT() {
        if (readSlot == readChunk.t.length) {
            EventChunk merged = readChunk;
            readChunk = merged.next;
            readSlot = 0;
            // The writer left it when it linked the next one; it may write it again.
            SPARE.setRelease(this, merged);
        }
        return readChunk.t[readSlot];
    }
}

abstract class ThreadBufferPadMid extends ThreadBufferWriterSide {
    @SuppressWarnings("unused")
    private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
}

abstract class ThreadBufferWriterSide extends ThreadBufferPadTop {

    static final long IDLE = Long.MAX_VALUE;
    static final VarHandle PENDING;
    static final VarHandle COUNT;
    static final VarHandle SPARE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PENDING = lookup.findVarHandle(ThreadBufferWriterSide.class, "pending", long.class);
            COUNT = lookup.findVarHandle(ThreadBufferWriterSide.class, "count", long.class);
            SPARE = lookup.findVarHandle(ThreadBufferWriterSide.class, "spare", EventChunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private volatile long pending = IDLE;
    @SuppressWarnings("unused")
    private volatile long count;
    /** A merged chunk the reader hands back for reuse, or null. */
    @SuppressWarnings("unused")
    private volatile EventChunk spare;

    // writer-owned
    EventChunk writeChunk;
    int writeSlot;
    long written;
    long lastT;
    long reservedLeft;
    /**
     * The last string this thread interned and its id: a thread tends to name the same lock,
     * queue or step again, and comparing references is cheaper than the shared table's lookup.
     */
    Object lastInterned;
    int lastInternedId = InternTable.NONE;
}

abstract class ThreadBufferPadTop {
    @SuppressWarnings("unused")
    private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}
