package io.threadstage.core;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * MainThread's life: the main steps, then what CPython's {@code threading._shutdown} does when
 * they end (with or without an exception): the executors' atexit hook makes every pool refuse new
 * work and joins its threads, every non-daemon thread is waited for ({@code waiting join}), and the
 * daemon threads still alive are ended where they stand ({@code killed_at_exit}). Runs on the
 * MainThread's Java thread.
 */
final class InterpreterExit implements ThreadLauncher.Body {

    private final RunSession run;
    private final StepInterpreter interpreter;
    private String raised;

    InterpreterExit(RunSession run, StepInterpreter interpreter) {
        this.run = run;
        this.interpreter = interpreter;
    }

    @Override
    public void run(PyThread me) {
        interpreter.execBlock(me, interpreter.steps().main(), Frame.module());
    }

    @Override
    public void uncaught(PyThread me, PyException error) {
        run.sink.exception(me.tid, error.type(), error.str(), false);
        run.hook.reportMain(error);
        run.mainRaised(ExitStatus.ofUncaught(error));
        raised = "MainThread raised " + error.lastLine();
    }

    @Override
    public void beforeTermination(PyThread me, Reason how) {
        // concurrent.futures' _python_exit: every pool refuses new work first, then the threads are joined
        List<PyExecutor> executors = interpreter.resources().executors();
        executors.forEach(PyExecutor::refuseWorkAtExit);
        for (PyExecutor executor : executors) {
            executor.joinThreads(me);
        }
        PyThread next;
        while ((next = nextNonDaemon(me)) != null) {
            run.join(me, next, -1);
        }
        List<PyThread> daemons = new ArrayList<>(run.threads.alive());
        daemons.remove(me);
        if (daemons.isEmpty()) {
            return;
        }
        // frozen first, recorded after: a daemon gone for good can record nothing after its end
        List<Thread> javaThreads = new ArrayList<>();
        for (PyThread daemon : daemons) {
            daemon.killed = true;
            javaThreads.add(daemon.javaThread);
        }
        run.killJavaThreads(javaThreads);
        for (PyThread daemon : daemons) {
            run.state(daemon, ThreadState.TERMINATED, Reason.KILLED_AT_EXIT, null);
            daemon.guard.lock();
            try {
                daemon.finished = true;
                daemon.ended.signalAll();
            } finally {
                daemon.guard.unlock();
            }
        }
    }

    @Override
    public void afterTermination(PyThread me) {
        run.finish(Outcome.COMPLETED, raised, null);
    }

    private PyThread nextNonDaemon(PyThread me) {
        for (PyThread thread : run.threads.alive()) {
            if (thread != me && !thread.daemon) {
                return thread;
            }
        }
        return null;
    }
}
