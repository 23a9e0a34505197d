package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One blocking wait of a thread, as the wait-for graph sees it. Immutable; created by the waiting
 * thread and read by the supervisor, which evaluates {@code ready} and {@code blocker} holding
 * {@code guard}, the lock of the object waited on (null for waits that end by themselves).
 *
 * @param reason  the trace reason
 * @param on      what it waits on (resource, thread or future name), may be null
 * @param timed   the wait ends by itself (a timeout or a sleep): never part of a deadlock
 * @param ready   whether the awaited condition already holds (the thread is about to wake)
 * @param blocker what it waits for, in words, and the thread that could end the wait if any
 */
record WaitInfo(Reason reason, String on, boolean timed, BooleanSupplier ready, Supplier<Blocker> blocker,
                ReentrantLock guard) {

    /** What a waiting thread waits for: {@code lock a held by Worker-2}, and that worker. */
    record Blocker(String text, PyThread thread) {
    }

    /** A wait that ends by itself or by another thread's turn: never stuck. */
    static WaitInfo selfEnding(Reason reason) {
        return new WaitInfo(reason, null, true, () -> true, () -> new Blocker(reason.json(), null), null);
    }
}
