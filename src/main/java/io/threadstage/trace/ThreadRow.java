package io.threadstage.trace;

import java.util.List;

/**
 * One thread as Python would answer for it at one instant: {@code name}, {@code ident},
 * {@code native_id} (null before {@code start()}), {@code daemon}, {@code is_alive()}, its
 * state and what it waits on ({@code reason}, {@code on}, and {@code waitsFor}: the name of the
 * thread holding the lock it waits for, or null), and the locks it holds, outermost first.
 * Immutable; any thread.
 */
public record ThreadRow(int lane, String name, Long ident, Long nativeId, boolean daemon, boolean alive,
                        ThreadState state, Reason reason, String on, String waitsFor, List<String> holds) {

    public ThreadRow {
        holds = List.copyOf(holds);
    }
}
