package io.threadstage.core;

import io.threadstage.model.Value;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code queue.Queue(maxsize)}: FIFO, puts block while full, gets while empty, and
 * {@code unfinished_tasks} counts puts not yet matched by {@code task_done()} for {@code join()}.
 * Each put and get records the depth after it.
 *
 * <p>As CPython's, built on conditions: a put wakes the oldest blocked getter and a get the
 * oldest blocked putter ({@code notify()}); a woken caller looks again only once it holds the
 * GIL, and if a running thread took the item (or the room) first, it waits again at the back of
 * the line. Guarded by its own lock (the queue's {@code mutex}).
 */
final class PyQueue {

    private final RunSession run;
    private final String name;
    private final int maxsize;
    private final ArrayDeque<Value> items = new ArrayDeque<>();
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition notEmpty = guard.newCondition();
    private final Condition notFull = guard.newCondition();
    private final Condition allTasksDone = guard.newCondition();
    private int unfinishedTasks;

    PyQueue(RunSession run, String name, int maxsize) {
        this.run = run;
        this.name = name;
        this.maxsize = maxsize;
    }

    void put(PyThread me, Value item, long timeoutNanos) {
        boolean done;
        guard.lock();
        try {
            if (maxsize <= 0 || items.size() < maxsize) {
                // the common case, taken without building the wait's description
                append(me, item);
                return;
            }
            done = run.blockUntil(me, guard, notFull, () -> maxsize <= 0 || items.size() < maxsize, timeoutNanos,
                    Reason.QUEUE_PUT, name, () -> new WaitInfo.Blocker("queue " + name + " (full)", null),
                    () -> append(me, item), Claim.AFTER_GIL);
        } finally {
            guard.unlock();
        }
        if (!done) {
            throw new PyException("Full", "");
        }
    }

    Value get(PyThread me, long timeoutNanos) {
        Value[] got = new Value[1];
        boolean done;
        guard.lock();
        try {
            if (!items.isEmpty()) {
                return takeFirst(me);
            }
            done = run.blockUntil(me, guard, notEmpty, () -> !items.isEmpty(), timeoutNanos,
                    Reason.QUEUE_GET, name, () -> new WaitInfo.Blocker("queue " + name + " (empty)", null),
                    () -> got[0] = takeFirst(me), Claim.AFTER_GIL);
        } finally {
            guard.unlock();
        }
        if (!done) {
            throw new PyException("Empty", "");
        }
        return got[0];
    }

    /** Guard held, room checked. */
    private void append(PyThread me, Value item) {
        run.sink.queue(name, items.size() + 1, maxsize, me.tid, QueueOp.PUT);
        items.addLast(item);
        unfinishedTasks++;
        notEmpty.signal();
    }

    /** Guard held, an item there. */
    private Value takeFirst(PyThread me) {
        Value item = items.pollFirst();
        run.sink.queue(name, items.size(), maxsize, me.tid, QueueOp.GET);
        notFull.signal();
        return item;
    }

    void taskDone() {
        guard.lock();
        try {
            if (unfinishedTasks <= 0) {
                throw new PyException("ValueError", "task_done() called too many times");
            }
            if (--unfinishedTasks == 0) {
                allTasksDone.signalAll();
            }
        } finally {
            guard.unlock();
        }
    }

    void join(PyThread me) {
        guard.lock();
        try {
            run.blockUntil(me, guard, allTasksDone, () -> unfinishedTasks == 0, -1, Reason.QUEUE_JOIN, name,
                    () -> new WaitInfo.Blocker("queue " + name + " (" + unfinishedTasks + " unfinished tasks)", null),
                    () -> { }, Claim.BEFORE_GIL);
        } finally {
            guard.unlock();
        }
    }
}
