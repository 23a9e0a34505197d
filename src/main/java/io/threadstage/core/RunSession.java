package io.threadstage.core;

import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceCapacityException;
import io.threadstage.trace.TraceSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The shared state of one run: the world lock that guards every Python object of the run, the
 * trace sink, the emulated GIL, the threads, and how the run ends.
 *
 * <p>A run thread holds the world lock while it executes a step, and lets go of it only while it
 * waits (every wait is a {@link Condition} of the world lock), burns CPU in {@code compute}, or
 * sits in the window of an unprotected increment. So every state change and its trace event
 * happen in one critical section, in the order the trace shows, and the supervisor sees a
 * consistent wait-for graph. Every field is guarded by the world lock unless volatile.
 */
final class RunSession {

    final Scenario scenario;
    final TraceSink sink;
    final Console console;
    final ReentrantLock world = new ReentrantLock();
    final double speed;
    final int maxThreads;
    final Gil gil;
    final ThreadRegistry threads;
    final ExceptHookReporter hook;
    /** Signalled on resume: threads held at a step boundary wait on it. */
    final Condition resumed = world.newCondition();

    volatile boolean paused;
    private volatile boolean over;
    private volatile RunResult result;
    private boolean mainRaised;
    private final CountDownLatch endLatch = new CountDownLatch(1);
    private final List<Thread> javaThreads = Collections.synchronizedList(new ArrayList<>());

    RunSession(Scenario scenario, RunOptions options, TraceSink sink) {
        this.scenario = scenario;
        this.sink = sink;
        this.console = options.console();
        this.speed = options.effectiveSpeed(scenario.settings());
        this.maxThreads = options.maxThreads();
        this.threads = new ThreadRegistry(world, sink);
        this.gil = new Gil(this, options.effectiveGil(scenario.settings()),
                lessonNanos(scenario.settings().switchIntervalMs()));
        this.hook = new ExceptHookReporter(scenario.settings().excepthook(), options.stepLines(), console);
    }

    /** Real nanoseconds a step of {@code ms} lesson milliseconds lasts at this run's speed. */
    long lessonNanos(long ms) {
        return Math.max(0L, Math.round(ms * 1_000_000.0 / speed));
    }

    void state(PyThread thread, ThreadState state, Reason reason, String on) {
        sink.state(thread.tid, state, reason, on);
    }

    void running(PyThread thread) {
        sink.state(thread.tid, ThreadState.RUNNING, Reason.NONE, null);
    }

    /** Records the thread's flags: a rename, a daemon change, or the ids at start. */
    void threadInfo(PyThread thread) {
        sink.thread(thread.tid, thread.name, thread.style, thread.daemon, thread.ident, thread.nativeId);
    }

    // ---- waiting -------------------------------------------------------------------------

    /**
     * {@code me} joins {@code target}, recorded as a join (begin, the wait, end) whoever asks:
     * {@code Thread.join}, an executor's {@code shutdown(wait=True)} (which calls it for each of
     * its threads) and the interpreter's exit (which "mimics Thread.join()", as CPython's
     * {@code threading._shutdown} says), so the stage draws the same arrows for all three.
     *
     * @param timeoutNanos negative: no timeout
     * @return whether the target ended (false: timed out)
     */
    boolean join(PyThread me, PyThread target, long timeoutNanos) {
        sink.join(me.tid, target.tid, true, false);
        boolean ended = blockUntil(me, target.ended, () -> target.finished, timeoutNanos, Reason.JOIN, target.name,
                () -> new WaitInfo.Blocker(target.name + " (join)", target), () -> { });
        sink.join(me.tid, target.tid, false, !ended);
        return ended;
    }

    /**
     * Waits, world lock held, until {@code ready} holds or the timeout passes, recorded as
     * {@code waiting(reason, on)} when it must really wait. {@code onReady} runs (still in the
     * critical section, before the thread is running again) to take what it waited for.
     *
     * @param timeoutNanos negative: no timeout
     * @return whether {@code ready} held (false: timed out)
     */
    boolean blockUntil(PyThread me, Condition condition, BooleanSupplier ready,
                       long timeoutNanos, Reason reason, String on,
                       Supplier<WaitInfo.Blocker> blocker, Runnable onReady) {
        if (ready.getAsBoolean()) {
            onReady.run();
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        boolean timed = timeoutNanos > 0;
        state(me, ThreadState.WAITING, reason, on);
        // timed from the recorded start, so the trace never shows a wait shorter than asked
        long deadline = System.nanoTime() + timeoutNanos;
        me.waiting = new WaitInfo(reason, on, timed, ready, blocker);
        gil.release(me);
        boolean got = true;
        while (!ready.getAsBoolean()) {
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    got = false;
                    break;
                }
                awaitNanos(me, condition, left);
            } else {
                await(me, condition);
            }
        }
        if (got) {
            onReady.run();
        }
        me.waiting = null;
        gil.acquire(me);
        return got;
    }

    /** {@code time.sleep} and simulated I/O: a timed wait nobody ends early but stop. */
    void sleep(PyThread me, long nanos, Reason reason, String on) {
        blockUntil(me, me.timer, () -> false, Math.max(1, nanos), reason, on,
                () -> new WaitInfo.Blocker(reason.json(), null), () -> { });
    }

    void await(PyThread me, Condition condition) {
        try {
            condition.await();
        } catch (InterruptedException interrupted) {
            throw ThreadKilled.INSTANCE;
        }
        me.checkKilled();
    }

    long awaitNanos(PyThread me, Condition condition, long nanos) {
        long left;
        try {
            left = condition.awaitNanos(nanos);
        } catch (InterruptedException interrupted) {
            throw ThreadKilled.INSTANCE;
        }
        me.checkKilled();
        return left;
    }

    /** Takes the world lock back after compute or an increment window. */
    void relock(PyThread me) {
        world.lock();
        me.checkKilled();
    }

    /**
     * A step boundary: a stopped or killed thread unwinds, a paused run holds here, and a GIL
     * holder asked to drop it hands it over (the eval breaker of CPython).
     */
    void checkpoint(PyThread me) {
        me.checkKilled();
        if (paused) {
            holdWhilePaused(me);
        }
        if (gil.dropRequested()) {
            gil.yieldTurn(me);
        }
    }

    private void holdWhilePaused(PyThread me) {
        state(me, ThreadState.WAITING, Reason.PAUSED, null);
        me.waiting = WaitInfo.selfEnding(Reason.PAUSED);
        gil.release(me);
        while (paused) {
            await(me, resumed);
        }
        me.waiting = null;
        gil.acquire(me);
    }

    // ---- ending ------------------------------------------------------------------------------

    void registerJavaThread(Thread thread) {
        javaThreads.add(thread);
    }

    List<Thread> javaThreads() {
        synchronized (javaThreads) {
            return List.copyOf(javaThreads);
        }
    }

    boolean isOver() {
        return over;
    }

    RunResult result() {
        return result;
    }

    void mainRaised() {
        mainRaised = true;
    }

    /**
     * Ends the run, world lock held: every thread still alive is recorded {@code terminated}
     * ({@code stopped}) and killed, then the {@code end} line. Nothing of the run records after it.
     */
    void finish(Outcome outcome, String message, String cycle) {
        if (over) {
            return;
        }
        boolean recording = true;
        for (PyThread thread : threads.alive()) {
            if (recording) {
                try {
                    state(thread, ThreadState.TERMINATED, Reason.STOPPED, null);
                } catch (TraceCapacityException full) {
                    // the recorder still takes the end line: the run must end even when it is full
                    recording = false;
                }
            }
            thread.finished = true;
        }
        for (PyThread thread : threads.all()) {
            thread.killed = true;
        }
        over = true;
        sink.end(outcome, message);
        result = new RunResult(outcome, message, cycle, mainRaised);
        Thread self = Thread.currentThread();
        for (Thread thread : javaThreads()) {
            if (thread != self) {
                thread.interrupt();
            }
        }
        endLatch.countDown();
    }

    /** Waits for the end line and for every Java thread of the run to be gone. */
    boolean awaitEnd(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        if (!endLatch.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread thread : javaThreads()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !thread.isAlive();
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
