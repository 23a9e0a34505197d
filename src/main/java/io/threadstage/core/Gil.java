package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;

/**
 * The emulated global interpreter lock, after CPython 3.11's {@code ceval_gil.h}: a thread runs
 * Python code only while it holds the GIL and lets go of it around every blocking wait. A
 * thread that wants it waits one switch interval; if the holder has not let go by then, it sets
 * the drop request (the eval breaker), and the holder hands over at its next check (a step
 * boundary or inside {@code compute}) and, as with {@code FORCE_SWITCHING}, waits until another
 * thread has taken it before asking for it again. Disabled, every method only records
 * {@code running} where the GIL would have been taken.
 *
 * <p>Guarded by the world lock; {@link #dropRequested()} is read without it by compute loops.
 */
final class Gil {

    private final RunSession run;
    private final boolean enabled;
    private final long intervalNanos;
    private final Condition changed;
    private PyThread owner;
    private long switches;
    private int waiters;
    private volatile boolean dropRequest;

    Gil(RunSession run, boolean enabled, long intervalNanos) {
        this.run = run;
        this.enabled = enabled;
        this.intervalNanos = Math.max(1, intervalNanos);
        this.changed = run.world.newCondition();
    }

    boolean enabled() {
        return enabled;
    }

    boolean dropRequested() {
        return dropRequest;
    }

    /** Takes the GIL, waiting ({@code waiting gil}) while another thread holds it; then {@code running}. */
    void acquire(PyThread me) {
        if (!enabled) {
            run.running(me);
            return;
        }
        if (owner != null && owner != me) {
            run.state(me, ThreadState.WAITING, Reason.GIL, null);
            me.waiting = WaitInfo.selfEnding(Reason.GIL);
            waitUntilFree(me);
            me.waiting = null;
        }
        take(me);
        run.running(me);
    }

    /** Lets go before a blocking wait or at the end of the thread; recorded after the thread's own state. */
    void release(PyThread me) {
        if (!enabled || owner != me) {
            return;
        }
        owner = null;
        run.sink.gil(TraceSink.NO_THREAD);
        changed.signalAll();
    }

    /** The holder was asked to drop the GIL: hand it over, wait for another thread to take it, then queue again. */
    void yieldTurn(PyThread me) {
        if (!enabled || owner != me) {
            return;
        }
        if (waiters == 0) {
            dropRequest = false;
            return;
        }
        run.state(me, ThreadState.WAITING, Reason.GIL, null);
        me.waiting = WaitInfo.selfEnding(Reason.GIL);
        long mine = switches;
        release(me);
        while (switches == mine && waiters > 0) {
            run.awaitNanos(me, changed, intervalNanos);
        }
        waitUntilFree(me);
        me.waiting = null;
        take(me);
        run.running(me);
    }

    private void waitUntilFree(PyThread me) {
        waiters++;
        try {
            long seen = switches;
            long left = intervalNanos;
            while (owner != null) {
                left = run.awaitNanos(me, changed, left);
                if (owner == null) {
                    break;
                }
                if (left <= 0) {
                    if (switches == seen) {
                        dropRequest = true;
                    }
                    seen = switches;
                    left = intervalNanos;
                }
            }
        } finally {
            waiters--;
        }
    }

    private void take(PyThread me) {
        owner = me;
        switches++;
        dropRequest = false;
        run.sink.gil(me.tid);
        // as take_gil signals switch_cond: the thread that dropped it stops waiting for the switch
        // now, not an interval later (which held every turn for two intervals instead of one)
        changed.signalAll();
    }
}
