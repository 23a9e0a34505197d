package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;

/**
 * {@code threading.RLock()}: the owner may acquire again (a count), only the owner may release.
 * A {@code lock} event is recorded only when the owner changes. Guarded by the world lock.
 */
final class PyRLock implements PyLockLike {

    private final RunSession run;
    private final String name;
    private final Condition released;
    private PyThread owner;
    private int count;

    PyRLock(RunSession run, String name) {
        this.run = run;
        this.name = name;
        this.released = run.world.newCondition();
    }

    @Override
    public boolean acquire(PyThread me, long timeoutNanos) {
        if (owner == me) {
            count++;
            return true;
        }
        return run.blockUntil(me, released, () -> owner == null, timeoutNanos, Reason.LOCK, name,
                () -> new WaitInfo.Blocker("lock " + name + (owner == null ? "" : " held by " + owner.name), owner),
                () -> {
                    owner = me;
                    count = 1;
                    run.sink.lock(name, me.tid);
                });
    }

    @Override
    public void release(PyThread me) {
        if (owner != me) {
            throw PyException.runtimeError("cannot release un-acquired lock");
        }
        if (--count == 0) {
            run.sink.lock(name, TraceSink.NO_THREAD);
            owner = null;
            released.signalAll();
        }
    }
}
