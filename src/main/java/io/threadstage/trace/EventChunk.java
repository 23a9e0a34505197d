package io.threadstage.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed block of consecutive events stored as primitive columns (24 bytes an event). Each
 * slot is written once, by the thread that claimed its seq; {@link #kind} is written last with
 * release semantics and is the slot's "published" flag (0: still being written). Afterwards only
 * the recorder's reader touches the slot (it may raise {@link #t}, under the reader lock).
 */
final class EventChunk {

    private static final VarHandle KIND = MethodHandles.arrayElementVarHandle(byte[].class);

    final long[] t;
    final byte[] kind;
    final byte[] flags;
    final short[] tid;
    final int[] a;
    final int[] b;
    final int[] c;

    EventChunk(int size) {
        t = new long[size];
        kind = new byte[size];
        flags = new byte[size];
        tid = new short[size];
        a = new int[size];
        b = new int[size];
        c = new int[size];
    }

    void publish(int slot, byte eventKind) {
        KIND.setRelease(kind, slot, eventKind);
    }

    /** The slot's kind, or 0 while its writer has not published it yet. */
    byte publishedKind(int slot) {
        return (byte) KIND.getAcquire(kind, slot);
    }
}
