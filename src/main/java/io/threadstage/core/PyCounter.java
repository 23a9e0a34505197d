package io.threadstage.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared integer whose {@code +=} is a real read, then a window in which other threads run,
 * then a write, so unprotected increments lose updates as in Python (and protected ones never
 * do, since the Python lock keeps the others out of the window). The value itself is an
 * AtomicLong only for visibility: reads and writes are separate on purpose.
 */
final class PyCounter {

    /** Long enough that two threads on two cores overlap often; far below any lesson duration. */
    static final long WINDOW_NANOS = 20_000;

    private final AtomicLong value;

    PyCounter(long initial) {
        this.value = new AtomicLong(initial);
    }

    long value() {
        return value.get();
    }

    /**
     * {@code counter += by}, called with the world lock held; lets go of it for the window so the
     * other threads can run their own read-modify-write in between.
     */
    void increment(RunSession run, PyThread me, long by) {
        long read = value.get();
        run.world.unlock();
        long until = System.nanoTime() + WINDOW_NANOS;
        Thread.yield();
        while (System.nanoTime() < until) {
            if (me.killed) {
                throw ThreadKilled.INSTANCE;
            }
            Thread.onSpinWait();
        }
        run.relock(me);
        value.set(read + by);
    }
}
