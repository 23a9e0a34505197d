package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One blocking wait of a thread, as the wait-for graph sees it. Immutable; created by the waiting
 * thread and read by the supervisor, both under the world lock.
 *
 * @param reason  the trace reason
 * @param on      what it waits on (resource, thread or future name), may be null
 * @param timed   the wait ends by itself (a timeout or a sleep): never part of a deadlock
 * @param ready   whether the awaited condition already holds (the thread is about to wake)
 * @param blocker what it waits for, in words, and the thread that could end the wait if any
 */
record WaitInfo(Reason reason, String on, boolean timed, BooleanSupplier ready, Supplier<Blocker> blocker) {

    /** What a waiting thread waits for: {@code lock a held by Worker-2}, and that worker. */
    record Blocker(String text, PyThread thread) {
    }

    /** A wait that ends by itself or by another thread's turn: never stuck. */
    static WaitInfo selfEnding(Reason reason) {
        return new WaitInfo(reason, null, true, () -> true, () -> new Blocker(reason.json(), null));
    }
}
