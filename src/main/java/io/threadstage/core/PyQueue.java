package io.threadstage.core;

import io.threadstage.model.Value;
import io.threadstage.trace.Reason;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;

/**
 * {@code queue.Queue(maxsize)}: FIFO, puts block while full, gets while empty, and
 * {@code unfinished_tasks} counts puts not yet matched by {@code task_done()} for {@code join()}.
 * Each put and get records the depth after it. Guarded by the world lock.
 */
final class PyQueue {

    private final RunSession run;
    private final String name;
    private final int maxsize;
    private final ArrayDeque<Value> items = new ArrayDeque<>();
    private final Condition notEmpty;
    private final Condition notFull;
    private final Condition allTasksDone;
    private int unfinishedTasks;

    PyQueue(RunSession run, String name, int maxsize) {
        this.run = run;
        this.name = name;
        this.maxsize = maxsize;
        this.notEmpty = run.world.newCondition();
        this.notFull = run.world.newCondition();
        this.allTasksDone = run.world.newCondition();
    }

    void put(PyThread me, Value item, long timeoutNanos) {
        boolean done = run.blockUntil(me, notFull, () -> maxsize <= 0 || items.size() < maxsize, timeoutNanos,
                Reason.QUEUE_PUT, name, () -> new WaitInfo.Blocker("queue " + name + " (full)", null),
                () -> {
                    run.sink.queue(name, items.size() + 1, maxsize, me.tid, "put");
                    items.addLast(item);
                    unfinishedTasks++;
                    notEmpty.signalAll();
                });
        if (!done) {
            throw new PyException("Full", "");
        }
    }

    Value get(PyThread me, long timeoutNanos) {
        Value[] got = new Value[1];
        boolean done = run.blockUntil(me, notEmpty, () -> !items.isEmpty(), timeoutNanos,
                Reason.QUEUE_GET, name, () -> new WaitInfo.Blocker("queue " + name + " (empty)", null),
                () -> {
                    got[0] = items.pollFirst();
                    run.sink.queue(name, items.size(), maxsize, me.tid, "get");
                    notFull.signalAll();
                });
        if (!done) {
            throw new PyException("Empty", "");
        }
        return got[0];
    }

    void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new PyException("ValueError", "task_done() called too many times");
        }
        if (--unfinishedTasks == 0) {
            allTasksDone.signalAll();
        }
    }

    void join(PyThread me) {
        run.blockUntil(me, allTasksDone, () -> unfinishedTasks == 0, -1, Reason.QUEUE_JOIN, name,
                () -> new WaitInfo.Blocker("queue " + name + " (" + unfinishedTasks + " unfinished tasks)", null),
                () -> { });
    }
}
