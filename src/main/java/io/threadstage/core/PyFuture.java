package io.threadstage.core;

import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.trace.Reason;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code concurrent.futures.Future} of one submitted task: pending, running on a pool thread,
 * then finished with a result or an exception that {@code result()} re-raises in the caller.
 * Guarded by its own lock (the future's condition).
 */
final class PyFuture {

    private final RunSession run;
    final String label;
    final Task task;
    /** The task function's frame, arguments bound. */
    final Frame frame;
    /** Id ({@code StepIndex}) of the step that submitted the task: its steps are that step's block. */
    final int stepId;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition done = guard.newCondition();
    private volatile PyThread runner;
    private boolean finished;
    private Value result;
    private PyException error;

    PyFuture(RunSession run, String label, Task task, Frame frame, int stepId) {
        this.run = run;
        this.label = label;
        this.task = task;
        this.frame = frame;
        this.stepId = stepId;
    }

    void running(PyThread poolThread) {
        runner = poolThread;
    }

    void succeed(Value value) {
        guard.lock();
        try {
            result = value;
            finished = true;
            done.signalAll();
        } finally {
            guard.unlock();
        }
    }

    void fail(PyException exception) {
        guard.lock();
        try {
            error = exception;
            finished = true;
            done.signalAll();
        } finally {
            guard.unlock();
        }
    }

    /** {@code future.result(timeout=)}; negative: no timeout. Raises TimeoutError or the task's exception. */
    Value result(PyThread me, long timeoutNanos) {
        guard.lock();
        try {
            boolean got = run.blockUntil(me, guard, done, () -> finished, timeoutNanos, Reason.FUTURE, label,
                    () -> new WaitInfo.Blocker("future " + label + (runner == null ? " (pending)" : " run by " + runner.name),
                            runner),
                    () -> { }, Claim.BEFORE_GIL);
            if (!got) {
                throw new PyException("TimeoutError", "");
            }
            if (error != null) {
                throw error.reraised();
            }
            return result;
        } finally {
            guard.unlock();
        }
    }
}
