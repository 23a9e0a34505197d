package io.threadstage.trace;

/**
 * A fixed block of consecutive events stored as primitive columns (24 bytes an event). In a
 * {@link ThreadBuffer} the slots are written by that buffer's thread and published by its
 * count; in the recorder's merged store they are written and read by the reader alone.
 */
final class EventChunk {

    final long[] t;
    final byte[] kind;
    final byte[] flags;
    final short[] tid;
    final int[] a;
    final int[] b;
    final int[] c;
    /** The chunk after this one in a thread buffer; set by the writer before it publishes past this one. */
    EventChunk next;

    EventChunk(int size) {
        t = new long[size];
        kind = new byte[size];
        flags = new byte[size];
        tid = new short[size];
        a = new int[size];
        b = new int[size];
        c = new int[size];
    }

    void copy(int slot, EventChunk to, int toSlot) {
        to.t[toSlot] = t[slot];
        to.kind[toSlot] = kind[slot];
        to.flags[toSlot] = flags[slot];
        to.tid[toSlot] = tid[slot];
        to.a[toSlot] = a[slot];
        to.b[toSlot] = b[slot];
        to.c[toSlot] = c[slot];
    }
}
