package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The global interpreter lock, after CPython 3.11's {@code Python/ceval_gil.h}. In a run with
 * the GIL it is what guards the Python objects: a thread runs steps only while it holds it, and
 * keeps it from step to step until it blocks, ends, or is asked to drop it. A thread that wants
 * it waits one switch interval at a time; when an interval passes with no switch, it sets the
 * drop request (the eval breaker), and the holder hands the GIL over at its next check (a step
 * boundary or inside {@code compute}), then, as with {@code FORCE_SWITCHING}, waits until
 * another thread has taken it before queueing again. Free-threaded (disabled), every method
 * returns at once.
 *
 * <p>The GIL's own mutex guards its fields, as {@code gil->mutex} does; it is held only for a
 * few instructions and never while a thread waits on anything else. Lock order: an object's
 * guard may be held while taking this mutex, never the other way round.
 * {@link #dropRequested()} is read without the mutex by step boundaries and compute loops.
 */
final class Gil {

    /** What a {@code time.sleep(0)} system call lasts, about, when nobody waits for the GIL. */
    private static final long SLEEP_ZERO_NANOS = 20_000;

    private final RunSession run;
    private final boolean enabled;
    private final long intervalNanos;
    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled when the GIL is let go: one waiter wakes (CPython's {@code gil->cond}). */
    private final Condition released = mutex.newCondition();
    /** Signalled when a thread took the GIL: a dropper waiting for the switch goes on. */
    private final Condition switched = mutex.newCondition();
    private PyThread owner;
    private long switches;
    private int waiters;
    private volatile boolean dropRequest;

    Gil(RunSession run, boolean enabled, long intervalNanos) {
        this.run = run;
        this.enabled = enabled;
        this.intervalNanos = Math.max(1, intervalNanos);
    }

    boolean enabled() {
        return enabled;
    }

    boolean dropRequested() {
        return dropRequest;
    }

    boolean heldBy(PyThread me) {
        if (!enabled) {
            return true;
        }
        mutex.lock();
        try {
            return owner == me;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Takes the GIL, recording {@code waiting gil} first when another thread holds it (unless
     * the caller already recorded a wait for it). Does not record {@code running}: the caller
     * does, once it goes on.
     */
    void take(PyThread me, boolean alreadyWaiting) {
        if (!enabled) {
            return;
        }
        mutex.lock();
        try {
            if (owner == me) {
                return;
            }
            if (owner != null) {
                if (!alreadyWaiting) {
                    run.state(me, ThreadState.WAITING, Reason.GIL, null);
                }
                WaitInfo before = me.waiting;
                me.waiting = WaitInfo.selfEnding(Reason.GIL);
                waitUntilFree(me);
                me.waiting = before;
            }
            owner = me;
            switches++;
            // as take_gil: a drop request meant for the last holder is answered by this switch
            dropRequest = false;
            run.sink.gil(me.tid);
            switched.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Lets go before a blocking wait or at the end of the thread; one waiter wakes to take it. */
    void release(PyThread me) {
        if (!enabled) {
            return;
        }
        mutex.lock();
        try {
            if (owner != me) {
                return;
            }
            owner = null;
            run.sink.gil(TraceSink.NO_THREAD);
            released.signal();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The holder was asked to drop the GIL (the eval breaker): hand it over, wait until another
     * thread took it (FORCE_SWITCHING), then queue for it again; {@code running} once back.
     */
    void yieldTurn(PyThread me) {
        if (!enabled) {
            return;
        }
        mutex.lock();
        try {
            if (owner != me) {
                return;
            }
            if (waiters == 0) {
                dropRequest = false;
                return;
            }
            run.state(me, ThreadState.WAITING, Reason.GIL, null);
            handOver(me);
        } finally {
            mutex.unlock();
        }
        take(me, true);
        run.running(me);
    }

    /**
     * {@code time.sleep(0)} between a read and a write: the GIL is let go, and a thread waiting
     * for it takes it before this one can (as CPython's waiter wins that race in practice);
     * then this thread queues again. With nobody waiting, the GIL stays free for the system
     * call's time, as in CPython: a thread that wakes meanwhile takes it. Going straight on
     * instead let one thread finish a thousand increments before the others, slowed by a busy
     * machine, even asked for the GIL, and no update was lost.
     * Free-threaded, the thread pauses for about the system call's time.
     */
    void sleepZero(PyThread me) {
        run.state(me, ThreadState.WAITING, Reason.SLEEP, null);
        if (!enabled) {
            // the sleep system call: the other threads, running at once, write meanwhile
            LockSupport.parkNanos(this, SLEEP_ZERO_NANOS);
            me.checkKilled();
            run.running(me);
            return;
        }
        boolean waited;
        mutex.lock();
        try {
            waited = owner == me && waiters > 0;
            if (waited) {
                run.state(me, ThreadState.WAITING, Reason.GIL, null);
                handOver(me);
            }
        } finally {
            mutex.unlock();
        }
        if (waited) {
            take(me, true);
        } else {
            release(me);
            LockSupport.parkNanos(this, SLEEP_ZERO_NANOS);
            me.checkKilled();
            take(me, false);
        }
        run.running(me);
    }

    /** Mutex held, {@code me} the owner and someone waiting: let go and wait for the switch. */
    private void handOver(PyThread me) {
        WaitInfo before = me.waiting;
        me.waiting = WaitInfo.selfEnding(Reason.GIL);
        long mine = switches;
        owner = null;
        dropRequest = false;
        run.sink.gil(TraceSink.NO_THREAD);
        released.signal();
        while (switches == mine && waiters > 0) {
            run.awaitNanos(me, switched, intervalNanos);
        }
        me.waiting = before;
    }

    /** Mutex held: waits one interval at a time until the GIL is free, asking for it when none passes. */
    private void waitUntilFree(PyThread me) {
        waiters++;
        try {
            while (owner != null) {
                long seen = switches;
                long left = run.awaitNanos(me, released, intervalNanos);
                if (left <= 0 && owner != null && switches == seen) {
                    dropRequest = true;
                    // a holder in compute is parked for its time: woken, it hands over at once
                    Thread computing = owner.javaThread;
                    if (computing != null) {
                        LockSupport.unpark(computing);
                    }
                }
            }
        } finally {
            waiters--;
        }
    }
}
