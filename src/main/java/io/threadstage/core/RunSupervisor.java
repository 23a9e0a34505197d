package io.threadstage.core;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceCapacityException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The run's own watcher thread: carries out pause, resume and stop for callers that must not
 * block (the UI), and detects deadlocks. Every 100 ms it looks at the wait-for graph; a run whose
 * live threads are all stuck, twice in a row with nobody moving in between, is a deadlock
 * (found within about 200 ms). Owns its Java thread; commands come from any thread.
 */
final class RunSupervisor {

    enum Command { PAUSE, RESUME, STEP, STOP, INTERRUPT }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RunSession run;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private List<WaitInfo> lastStuck;

    RunSupervisor(RunSession run) {
        this.run = run;
        this.thread = new Thread(this::watch, "threadstage supervisor");
        this.thread.setDaemon(true);
        run.registerJavaThread(thread);
    }

    void start() {
        thread.start();
    }

    /** Never blocks: the command runs on the supervisor's thread at once. */
    void post(Command command) {
        commands.add(command);
        LockSupport.unpark(thread);
    }

    private void watch() {
        try {
            watchUntilOver();
        } catch (RuntimeException failed) {
            // a full recorder (or a bug) must still end the run, or nobody could stop it
            run.finish(Outcome.ERROR, failed instanceof TraceCapacityException ? failed.getMessage()
                    : "internal error in the run's supervisor: " + failed, null);
        }
    }

    private void watchUntilOver() {
        long nextCheck = System.nanoTime() + TICK_NANOS;
        while (!run.isOver()) {
            Command command;
            while ((command = commands.poll()) != null) {
                carryOut(command);
            }
            long now = System.nanoTime();
            if (now >= nextCheck) {
                checkDeadlock();
                nextCheck = now + TICK_NANOS;
            }
            LockSupport.parkNanos(this, Math.max(1, nextCheck - System.nanoTime()));
        }
    }

    private void carryOut(Command command) {
        if (run.isOver()) {
            return;
        }
        if (command == Command.STOP) {
            run.finish(Outcome.STOPPED, "stopped", null);
            return;
        }
        if (command == Command.INTERRUPT) {
            run.finish(Outcome.INTERRUPTED, ScenarioRun.INTERRUPTED_MESSAGE, null);
            return;
        }
        run.pauseGuard.lock();
        try {
            if (command == Command.PAUSE && !run.paused) {
                run.sink.marker("paused");
                run.paused = true;
            } else if (command == Command.STEP && run.paused) {
                // one held thread goes on to its next step boundary, where it holds again
                run.sink.marker("step");
                run.stepsAllowed++;
                run.resumed.signalAll();
            } else if (command == Command.RESUME && run.paused) {
                run.sink.marker("resumed");
                run.paused = false;
                run.stepsAllowed = 0;
                run.resumed.signalAll();
            }
        } finally {
            run.pauseGuard.unlock();
        }
    }

    private static boolean sameWaits(List<WaitInfo> now, List<WaitInfo> before) {
        if (before == null || before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i) != before.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void checkDeadlock() {
        if (run.isOver() || run.paused) {
            lastStuck = null;
            return;
        }
        WaitForGraph graph = new WaitForGraph(run.threads.alive());
        if (!graph.stuck()) {
            lastStuck = null;
            return;
        }
        List<WaitInfo> now = graph.snapshot();
        if (sameWaits(now, lastStuck)) {
            String cycle = graph.describe();
            run.finish(Outcome.DEADLOCK, cycle, cycle);
        } else {
            lastStuck = now;
        }
    }
}
