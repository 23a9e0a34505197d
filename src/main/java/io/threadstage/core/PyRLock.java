package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code threading.RLock()}: the owner may acquire again (a count), only the owner may release.
 * A {@code lock} event is recorded only when the owner changes. A release wakes the longest
 * waiter without handing the lock over, as {@link PyLock}. Guarded by its own lock.
 */
final class PyRLock implements PyLockLike {

    private final RunSession run;
    private final String name;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition released = guard.newCondition();
    private PyThread owner;
    private int count;

    PyRLock(RunSession run, String name) {
        this.run = run;
        this.name = name;
    }

    @Override
    public boolean acquire(PyThread me, long timeoutNanos) {
        guard.lock();
        try {
            if (owner == me) {
                count++;
                return true;
            }
            return run.blockUntil(me, guard, released, () -> owner == null, timeoutNanos, Reason.LOCK, name,
                    () -> new WaitInfo.Blocker("lock " + name + (owner == null ? "" : " held by " + owner.name), owner),
                    () -> {
                        owner = me;
                        count = 1;
                        run.sink.lock(name, me.tid);
                    }, Claim.BEFORE_GIL);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void release(PyThread me) {
        guard.lock();
        try {
            if (owner != me) {
                throw PyException.runtimeError("cannot release un-acquired lock");
            }
            if (--count == 0) {
                run.sink.lock(name, TraceSink.NO_THREAD);
                owner = null;
                released.signal();
            }
        } finally {
            guard.unlock();
        }
    }
}
