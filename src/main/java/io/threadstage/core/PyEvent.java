package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.concurrent.locks.Condition;

/** {@code threading.Event()}: a flag that waiters block on until it is set. Guarded by the world lock. */
final class PyEvent {

    private final RunSession run;
    private final String name;
    private final Condition changed;
    private boolean flag;
    /** Counts set() calls: a waiter notified by a set returns even if a clear came first, as in CPython. */
    private long sets;

    PyEvent(RunSession run, String name) {
        this.run = run;
        this.name = name;
        this.changed = run.world.newCondition();
    }

    boolean isSet() {
        return flag;
    }

    void set(PyThread me) {
        run.sink.signal(me.tid, name, true);
        flag = true;
        sets++;
        changed.signalAll();
    }

    void clear(PyThread me) {
        run.sink.signal(me.tid, name, false);
        flag = false;
    }

    /** {@code event.wait(timeout=)}; negative: no timeout. Returns the flag. */
    boolean await(PyThread me, long timeoutNanos) {
        long seen = sets;
        return run.blockUntil(me, changed, () -> flag || sets != seen, timeoutNanos, Reason.EVENT, name,
                () -> new WaitInfo.Blocker("event " + name, null), () -> { });
    }
}
