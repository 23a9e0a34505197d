package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code threading.Lock()}: not reentrant (a second acquire by the holder waits forever), and any
 * thread may release it. The holder is tracked only to draw it and to name it in a deadlock.
 *
 * <p>Like CPython's lock (a semaphore), it does not hand itself to a waiter: a release wakes the
 * longest waiter, and whoever asks first afterwards gets it. Under the GIL that is nearly always
 * the thread that released it, which goes on running; so a thread keeps a lock it takes and
 * gives back in a loop for its whole GIL turn, as in CPython 3.11. Guarded by its own lock.
 */
final class PyLock implements PyLockLike {

    private final RunSession run;
    private final String name;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition released = guard.newCondition();
    private PyThread holder;

    PyLock(RunSession run, String name) {
        this.run = run;
        this.name = name;
    }

    @Override
    public boolean acquire(PyThread me, long timeoutNanos) {
        guard.lock();
        try {
            if (holder == null) {
                // the common case, taken without building the wait's description
                take(me);
                return true;
            }
            return run.blockUntil(me, guard, released, () -> holder == null, timeoutNanos, Reason.LOCK, name,
                    () -> new WaitInfo.Blocker(holderText(), holder),
                    () -> take(me), Claim.BEFORE_GIL);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void release(PyThread me) {
        guard.lock();
        try {
            if (holder == null) {
                throw PyException.runtimeError("release unlocked lock");
            }
            run.sink.lock(name, TraceSink.NO_THREAD);
            holder = null;
            released.signal();
        } finally {
            guard.unlock();
        }
    }

    private void take(PyThread me) {
        holder = me;
        run.sink.lock(name, me.tid);
    }

    private String holderText() {
        return "lock " + name + (holder == null ? "" : " held by " + holder.name);
    }
}
