package io.threadstage.trace;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The real process behind a {@link LiveRun} of a program (a traced Python program, a recorded
 * Java one), held and ended by signals: pause is {@code SIGSTOP} and resume {@code SIGCONT}; stop
 * is {@code SIGTERM}, then {@code SIGCONT} (a stopped process keeps {@code SIGTERM} pending until it
 * is continued), then {@code SIGKILL} after a grace, with the processes it started. The signals
 * start a {@code kill}, so they are sent from one control thread of the session's and every
 * command returns at once. Unix only, as the sessions that use it.
 */
public final class ProgramProcess {

    private final Process process;
    private final Duration stopGrace;
    private final ExecutorService control;
    private volatile boolean stopRequested;
    /** Asked to hold, from just before {@code SIGSTOP} is sent until it is continued. */
    private volatile boolean held;
    /** Sent {@code SIGSTOP} and not continued since. */
    private volatile boolean paused;
    private volatile Thread shutdownHook;

    /**
     * @param controlThread the name of the thread that sends the signals
     * @param stopGrace     how long a stopped program may take to end on {@code SIGTERM}
     */
    public ProgramProcess(Process process, String controlThread, Duration stopGrace) {
        this.process = process;
        this.stopGrace = stopGrace;
        this.control = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, controlThread);
            thread.setDaemon(true);
            return thread;
        });
    }

    public Process process() {
        return process;
    }

    /**
     * Holds the program where it is, unless it is stopping, gone or held already; {@code whenPaused}
     * runs on the control thread once it is.
     */
    public void pause(Runnable whenPaused) {
        command(() -> {
            if (stopRequested || !process.isAlive() || paused) {
                return;
            }
            held = true;
            paused = signal("STOP");
            if (paused) {
                whenPaused.run();
            } else {
                held = false;
            }
        });
    }

    /** Continues a paused program; {@code whenResumed} runs on the control thread once it is. */
    public void resume(Runnable whenResumed) {
        command(() -> {
            if (paused) {
                signal("CONT");
                paused = false;
                held = false;
                whenResumed.run();
            }
        });
    }

    /** Ends the program and what it started, paused or not; returns at once. */
    public void stop() {
        stopRequested = true;
        command(this::end);
    }

    private void end() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        signal("CONT");
        // still held: a program continued only to end is not resumed, and its last samples mean nothing
        paused = false;
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public boolean isPaused() {
        return paused;
    }

    /** True from just before the program is sent {@code SIGSTOP} until it is continued: what samples it then gives mean nothing. */
    public boolean isHeld() {
        return held;
    }

    /**
     * The program ends with ThreadStage: run in a session of its own (or merely left alone), nothing
     * else would end it once we are gone, so a shutdown hook kills it and what it started.
     */
    public void endWithUs(String hookThread) {
        Thread hook = new Thread(() -> {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }, hookThread);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException exiting) {
            hook.run();
        }
    }

    /** The session is over: no more commands, and no hook for a program that is gone. */
    public void close() {
        control.shutdown();
        Thread hook = shutdownHook;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the hook runs now; the program is gone already
            }
        }
    }

    private void command(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException over) {
            // the session is over: the process is gone
        }
    }

    private boolean signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(1, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException noKill) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
