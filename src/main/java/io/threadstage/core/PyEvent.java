package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.concurrent.locks.Condition;

/** {@code threading.Event()}: a flag that waiters block on until it is set. Guarded by the world lock. */
final class PyEvent {

    private final RunSession run;
    private final String name;
    private final Condition changed;
    private boolean flag;

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
        changed.signalAll();
    }

    void clear(PyThread me) {
        run.sink.signal(me.tid, name, false);
        flag = false;
    }

    /** {@code event.wait(timeout=)}; negative: no timeout. Returns the flag. */
    boolean await(PyThread me, long timeoutNanos) {
        return run.blockUntil(me, changed, () -> flag, timeoutNanos, Reason.EVENT, name,
                () -> new WaitInfo.Blocker("event " + name, null), () -> { });
    }
}
