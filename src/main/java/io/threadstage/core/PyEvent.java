package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** {@code threading.Event()}: a flag that waiters block on until it is set. Guarded by its own lock. */
final class PyEvent {

    private final RunSession run;
    private final String name;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition changed = guard.newCondition();
    private volatile boolean flag;
    /** Counts set() calls: a waiter notified by a set returns even if a clear came first, as in CPython. */
    private long sets;

    PyEvent(RunSession run, String name) {
        this.run = run;
        this.name = name;
    }

    boolean isSet() {
        return flag;
    }

    void set(PyThread me) {
        guard.lock();
        try {
            run.sink.signal(me.tid, name, true);
            flag = true;
            sets++;
            changed.signalAll();
        } finally {
            guard.unlock();
        }
    }

    void clear(PyThread me) {
        guard.lock();
        try {
            run.sink.signal(me.tid, name, false);
            flag = false;
        } finally {
            guard.unlock();
        }
    }

    /** {@code event.wait(timeout=)}; negative: no timeout. Returns the flag. */
    boolean await(PyThread me, long timeoutNanos) {
        guard.lock();
        try {
            long seen = sets;
            return run.blockUntil(me, guard, changed, () -> flag || sets != seen, timeoutNanos, Reason.EVENT, name,
                    () -> new WaitInfo.Blocker("event " + name, null), () -> { }, Claim.BEFORE_GIL);
        } finally {
            guard.unlock();
        }
    }
}
