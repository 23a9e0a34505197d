package io.threadstage.core;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceSink;
import java.util.concurrent.locks.Condition;

/**
 * {@code threading.Lock()}: not reentrant (a second acquire by the holder waits forever), and any
 * thread may release it. The holder is tracked only to draw it and to name it in a deadlock.
 * Guarded by the world lock.
 */
final class PyLock implements PyLockLike {

    private final RunSession run;
    private final String name;
    private final Condition released;
    private PyThread holder;

    PyLock(RunSession run, String name) {
        this.run = run;
        this.name = name;
        this.released = run.world.newCondition();
    }

    @Override
    public boolean acquire(PyThread me, long timeoutNanos) {
        return run.blockUntil(me, released, () -> holder == null, timeoutNanos, Reason.LOCK, name,
                () -> new WaitInfo.Blocker(holderText(), holder),
                () -> {
                    holder = me;
                    run.sink.lock(name, me.tid);
                });
    }

    @Override
    public void release(PyThread me) {
        if (holder == null) {
            throw PyException.runtimeError("release unlocked lock");
        }
        run.sink.lock(name, TraceSink.NO_THREAD);
        holder = null;
        released.signalAll();
    }

    private String holderText() {
        return "lock " + name + (holder == null ? "" : " held by " + holder.name);
    }
}
