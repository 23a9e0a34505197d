package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;

/**
 * {@code concurrent.futures.ThreadPoolExecutor(max_workers)} as CPython 3.11 runs it: a submit
 * queues a work item, then {@code _adjust_thread_count} reuses an idle thread (the idle
 * semaphore) or starts a new {@code PREFIX_N} thread while fewer than {@code max_workers} exist.
 * Pool threads take items in order and wait {@code idle} between them; shutdown lets the queue
 * drain, ends them and joins them. Guarded by the world lock.
 */
final class PyExecutor {

    private final RunSession run;
    private final ThreadLauncher launcher;
    private final StepInterpreter interpreter;
    final String name;
    private final int maxWorkers;
    private final String prefix;
    private final ArrayDeque<PyFuture> work = new ArrayDeque<>();
    private final List<PyThread> threads = new ArrayList<>();
    private final Condition changed;
    private int idleSemaphore;
    private boolean shutdown;

    PyExecutor(RunSession run, ThreadLauncher launcher, StepInterpreter interpreter, String name, int maxWorkers,
               String prefix) {
        this.run = run;
        this.launcher = launcher;
        this.interpreter = interpreter;
        this.name = name;
        this.maxWorkers = maxWorkers;
        this.prefix = prefix;
        this.changed = run.world.newCondition();
    }

    PyFuture submit(PyThread me, PyFuture future) {
        if (shutdown) {
            throw PyException.runtimeError("cannot schedule new futures after shutdown");
        }
        work.addLast(future);
        changed.signalAll();
        adjustThreadCount(me);
        return future;
    }

    private void adjustThreadCount(PyThread me) {
        if (idleSemaphore > 0) {
            idleSemaphore--;
            return;
        }
        if (threads.size() < maxWorkers) {
            PyThread thread = run.threads.createPoolThread(prefix + "_" + threads.size());
            threads.add(thread);
            launcher.start(me, thread, interpreter.threadBody(this::workLoop));
        }
    }

    /** The body of a pool thread ({@code concurrent.futures.thread._worker}). */
    private void workLoop(PyThread me) {
        while (true) {
            run.blockUntil(me, changed, () -> !work.isEmpty() || shutdown, -1, Reason.IDLE, name,
                    () -> new WaitInfo.Blocker("work from " + name + " (idle)", null), () -> { });
            PyFuture future = work.pollFirst();
            if (future == null) {
                return;
            }
            runTask(me, future);
            idleSemaphore++;
        }
    }

    private void runTask(PyThread me, PyFuture future) {
        future.running(me);
        try {
            interpreter.execBlock(me, future.task.steps(), future.stepsPath, future.frame);
            future.succeed(interpreter.returnValue(me, future.task, future.frame));
        } catch (PyException error) {
            // the work item catches everything and hands it to the future
            run.sink.exception(me.tid, error.type(), error.str(), true);
            future.fail(error);
        }
    }

    /** {@code shutdown(wait=True)}: no new work; pending items still run; then every pool thread is joined. */
    void shutdown(PyThread me) {
        shutdown = true;
        changed.signalAll();
        for (PyThread thread : List.copyOf(threads)) {
            // CPython's exit hook joins a shut-down pool's threads again; joining an ended thread
            // returns at once, and recording it would only draw an empty arrow at the run's end
            if (!thread.finished) {
                run.join(me, thread, -1);
            }
        }
    }
}
