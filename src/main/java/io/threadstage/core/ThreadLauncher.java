package io.threadstage.core;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceCapacityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts Python threads on their own Java platform threads and runs their life: the bootstrap
 * that sets {@code ident}/{@code native_id}, the body, the uncaught exception report, and the
 * termination that wakes joiners. Stateless beyond its run; used by the thread that calls
 * {@code start()} and by each new thread.
 */
final class ThreadLauncher {

    /**
     * Room for CPython's recursion limit: a worker that runs itself nests the interpreter up
     * to 1,000 Python frames deep, each with the blocks around its run step (a thread's stack
     * is reserved, not committed: unused room costs no memory).
     */
    private static final long STACK_BYTES = 8L * 1024 * 1024;

    private final RunSession run;

    ThreadLauncher(RunSession run) {
        this.run = run;
    }

    /** {@code thread.start()} by {@code caller} (null: the run itself starts MainThread). */
    void start(PyThread caller, PyThread thread, Body body) {
        if (!run.threads.markStarted(thread, run.maxThreads)) {
            run.finish(Outcome.ERROR, "too many threads: a run may start at most " + run.maxThreads
                    + " threads (" + thread.name + " would be one more)", null);
            throw ThreadKilled.INSTANCE;
        }
        Thread javaThread = new Thread(null, () -> live(thread, body), "threadstage " + thread.name, STACK_BYTES);
        javaThread.setDaemon(true);
        thread.javaThread = javaThread;
        run.registerJavaThread(javaThread);
        if (caller == null) {
            javaThread.start();
            return;
        }
        // CPython's start() waits on self._started, an Event: the caller lets go of the GIL, and
        // the new thread, which needs it to bootstrap, usually runs first
        boolean gil = run.gil.enabled();
        if (gil) {
            run.state(caller, ThreadState.WAITING, Reason.GIL, null);
            caller.waiting = WaitInfo.selfEnding(Reason.GIL);
            run.gil.release(caller);
        }
        javaThread.start();
        thread.guard.lock();
        try {
            while (!thread.bootstrapped) {
                run.await(caller, thread.booted);
            }
        } finally {
            thread.guard.unlock();
        }
        if (gil) {
            run.gil.take(caller, true);
            caller.waiting = null;
            run.running(caller);
        }
    }

    /** The whole life of one Python thread, on its own Java thread. */
    private void live(PyThread me, Body body) {
        try {
            me.checkKilled();
            run.gil.take(me, false);
            me.ident = Thread.currentThread().getId();
            me.nativeId = nativeId();
            run.threadInfo(me);
            me.guard.lock();
            try {
                me.bootstrapped = true;
                me.booted.signalAll();
            } finally {
                me.guard.unlock();
            }
            run.running(me);
            Reason how = Reason.RETURNED;
            try {
                body.run(me);
            } catch (PyException error) {
                how = Reason.EXCEPTION;
                body.uncaught(me, error);
            }
            body.beforeTermination(me, how);
            terminate(me, how);
            body.afterTermination(me);
        } catch (ThreadKilled killed) {
            // the run ended or killed this thread at exit: it records nothing more
        } catch (TraceCapacityException full) {
            run.finish(Outcome.ERROR, full.getMessage(), null);
        } catch (RuntimeException | Error bug) {
            run.finish(Outcome.ERROR, "internal error in " + me.name + ": " + bug, null);
        }
    }

    void terminate(PyThread me, Reason how) {
        run.state(me, ThreadState.TERMINATED, how, null);
        me.guard.lock();
        try {
            me.finished = true;
            me.ended.signalAll();
        } finally {
            me.guard.unlock();
        }
        run.gil.release(me);
    }

    /** The kernel's id of the calling thread, as Python's native_id shows it; the JVM's id elsewhere. */
    private static long nativeId() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(self.getFileName().toString());
        } catch (IOException | RuntimeException notLinux) {
            return Thread.currentThread().getId();
        }
    }

    /** What a thread runs and how its end is handled; MainThread adds the interpreter's exit. */
    interface Body {

        void run(PyThread me);

        /** Reports an exception that ended the body (after its exception event). */
        void uncaught(PyThread me, PyException error);

        default void beforeTermination(PyThread me, Reason how) {
        }

        default void afterTermination(PyThread me) {
        }
    }
}
