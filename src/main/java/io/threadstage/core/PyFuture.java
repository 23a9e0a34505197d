package io.threadstage.core;

import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.trace.Reason;
import java.util.concurrent.locks.Condition;

/**
 * {@code concurrent.futures.Future} of one submitted task: pending, running on a pool thread,
 * then finished with a result or an exception that {@code result()} re-raises in the caller.
 * Guarded by the world lock.
 */
final class PyFuture {

    private final RunSession run;
    final String label;
    final Task task;
    /** The task function's frame, arguments bound. */
    final Frame frame;
    /** JSON path of the task's steps: {@code $.main[3].task.steps}. */
    final String stepsPath;
    private final Condition done;
    private PyThread runner;
    private boolean finished;
    private Value result;
    private PyException error;

    PyFuture(RunSession run, String label, Task task, Frame frame, String stepsPath) {
        this.run = run;
        this.label = label;
        this.task = task;
        this.frame = frame;
        this.stepsPath = stepsPath;
        this.done = run.world.newCondition();
    }

    void running(PyThread poolThread) {
        runner = poolThread;
    }

    void succeed(Value value) {
        result = value;
        finished = true;
        done.signalAll();
    }

    void fail(PyException exception) {
        error = exception;
        finished = true;
        done.signalAll();
    }

    /** {@code future.result(timeout=)}; negative: no timeout. Raises TimeoutError or the task's exception. */
    Value result(PyThread me, long timeoutNanos) {
        boolean got = run.blockUntil(me, done, () -> finished, timeoutNanos, Reason.FUTURE, label,
                () -> new WaitInfo.Blocker("future " + label + (runner == null ? " (pending)" : " run by " + runner.name),
                        runner),
                () -> { });
        if (!got) {
            throw new PyException("TimeoutError", "");
        }
        if (error != null) {
            throw error.reraised();
        }
        return result;
    }
}
