package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code concurrent.futures.ThreadPoolExecutor(max_workers)} as CPython 3.11 runs it: a submit
 * queues a work item, then {@code _adjust_thread_count} reuses an idle thread (the idle
 * semaphore) or starts a new {@code PREFIX_N} thread while fewer than {@code max_workers} exist.
 * Pool threads take items in order and wait {@code idle} between them, the longest idle first;
 * shutdown lets the queue drain, ends them and joins them. At the interpreter's exit,
 * {@code concurrent.futures}' own atexit hook refuses new work to every pool and lets the threads
 * drain and end, as {@link #refuseWorkAtExit} says. Guarded by its own lock.
 */
final class PyExecutor {

    private final RunSession run;
    private final ThreadLauncher launcher;
    private final StepInterpreter interpreter;
    final String name;
    private final int maxWorkers;
    private final String prefix;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition changed = guard.newCondition();
    private final ArrayDeque<PyFuture> work = new ArrayDeque<>();
    private final List<PyThread> threads = new ArrayList<>();
    private int idleSemaphore;
    private boolean shutdown;
    /** {@code concurrent.futures.thread._shutdown}: the interpreter began to exit (one flag per pool, all set at once). */
    private boolean interpreterExiting;

    PyExecutor(RunSession run, ThreadLauncher launcher, StepInterpreter interpreter, String name, int maxWorkers,
               String prefix) {
        this.run = run;
        this.launcher = launcher;
        this.interpreter = interpreter;
        this.name = name;
        this.maxWorkers = maxWorkers;
        this.prefix = prefix;
    }

    PyFuture submit(PyThread me, PyFuture future) {
        PyThread newThread;
        guard.lock();
        try {
            if (shutdown) {
                throw PyException.runtimeError("cannot schedule new futures after shutdown");
            }
            if (interpreterExiting) {
                throw PyException.runtimeError("cannot schedule new futures after interpreter shutdown");
            }
            work.addLast(future);
            changed.signal();
            newThread = adjustThreadCount();
        } finally {
            guard.unlock();
        }
        if (newThread != null) {
            // start() waits for the new thread's bootstrap: never with the guard held
            launcher.start(me, newThread, interpreter.threadBody(this::workLoop));
        }
        return future;
    }

    /** Guard held: takes an idle thread, or creates the thread to start, or null. */
    private PyThread adjustThreadCount() {
        if (idleSemaphore > 0) {
            idleSemaphore--;
            return null;
        }
        if (threads.size() >= maxWorkers) {
            return null;
        }
        PyThread thread = run.threads.createPoolThread(prefix + "_" + threads.size());
        threads.add(thread);
        return thread;
    }

    /** The body of a pool thread ({@code concurrent.futures.thread._worker}). */
    private void workLoop(PyThread me) {
        while (true) {
            PyFuture future;
            guard.lock();
            try {
                run.blockUntil(me, guard, changed, () -> !work.isEmpty() || shutdown || interpreterExiting, -1,
                        Reason.IDLE, name,
                        () -> new WaitInfo.Blocker("work from " + name + " (idle)", null), () -> { },
                        Claim.AFTER_GIL);
                future = work.pollFirst();
                if (future == null) {
                    // _worker, on the None its exit hook queued: it flags its executor as shut down
                    shutdown = true;
                }
            } finally {
                guard.unlock();
            }
            if (future == null) {
                return;
            }
            runTask(me, future);
            guard.lock();
            try {
                idleSemaphore++;
            } finally {
                guard.unlock();
            }
        }
    }

    private void runTask(PyThread me, PyFuture future) {
        future.running(me);
        try {
            interpreter.execTask(me, future);
            future.succeed(interpreter.returnValue(me, future.task, future.frame));
        } catch (PyException error) {
            // the work item catches everything and hands it to the future
            run.sink.exception(me.tid, error.type(), error.str(), true);
            future.fail(error);
        }
    }

    /** {@code shutdown(wait=True)}: no new work; pending items still run; then every pool thread is joined. */
    void shutdown(PyThread me) {
        guard.lock();
        try {
            shutdown = true;
            changed.signalAll();
        } finally {
            guard.unlock();
        }
        joinThreads(me);
    }

    /**
     * The first half of {@code _python_exit}, done for every pool before any thread is joined:
     * from now on a submit raises {@code cannot schedule new futures after interpreter shutdown},
     * and the pool's threads run what is queued, then end. A pool thread that takes the end
     * flags its executor as shut down, so a later submit to a pool that had threads gives
     * {@code ... after shutdown} instead; a pool that never had one keeps the interpreter's words.
     */
    void refuseWorkAtExit() {
        guard.lock();
        try {
            interpreterExiting = true;
            changed.signalAll();
        } finally {
            guard.unlock();
        }
    }

    /** Joins every pool thread still alive, as {@code shutdown(wait=True)} and the exit hook do. */
    void joinThreads(PyThread me) {
        List<PyThread> toJoin;
        guard.lock();
        try {
            toJoin = List.copyOf(threads);
        } finally {
            guard.unlock();
        }
        for (PyThread thread : toJoin) {
            // CPython's exit hook joins a shut-down pool's threads again; joining an ended thread
            // returns at once, and recording it would only draw an empty arrow at the run's end
            if (!thread.finished) {
                run.join(me, thread, -1);
            }
        }
    }
}
