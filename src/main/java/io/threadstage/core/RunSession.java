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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The shared state of one run: the trace sink, the GIL, the threads, pause, and how the run ends.
 *
 * <p>Nothing serialises the whole run. Every Python object guards itself with a lock of its own
 * (its {@code guard}), held only while its state changes and the change is recorded; a blocking
 * wait is a {@link Condition} of that guard. With the GIL on, the {@link Gil} is what keeps
 * threads from running steps at once, as in CPython; free-threaded, threads really run at once.
 * The trace's order comes from the recorder alone (events merged by time): an event that
 * enables another thread is recorded, under the guard, before the change is visible.
 */
final class RunSession {

    /** How long the end of a run waits for its killed threads to be gone before it records the end. */
    private static final long KILL_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(800);

    final Scenario scenario;
    final TraceSink sink;
    final double speed;
    final int maxThreads;
    final Gil gil;
    final ThreadRegistry threads;
    final ExceptHookReporter hook;
    /** Guards pausing; threads held at a step boundary wait on {@link #resumed}. */
    final ReentrantLock pauseGuard = new ReentrantLock();
    final Condition resumed = pauseGuard.newCondition();

    volatile boolean paused;
    /** Held threads that may go on by one step while the run stays paused. Guarded by pauseGuard. */
    int stepsAllowed;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile RunResult result;
    private volatile boolean mainRaised;
    private volatile int exitStatus = ExitStatus.COMPLETED;
    private final CountDownLatch endLatch = new CountDownLatch(1);
    private final List<Thread> javaThreads = Collections.synchronizedList(new ArrayList<>());

    RunSession(Scenario scenario, RunOptions options, TraceSink sink) {
        this.scenario = scenario;
        this.sink = sink;
        this.speed = options.effectiveSpeed(scenario.settings());
        this.maxThreads = options.maxThreads();
        this.threads = new ThreadRegistry(sink);
        this.gil = new Gil(this, options.effectiveGil(scenario.settings()),
                lessonNanos(scenario.settings().switchIntervalMs()));
        this.hook = new ExceptHookReporter(scenario.settings().excepthook(), options.stepLines(), sink);
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
        boolean ended;
        target.guard.lock();
        try {
            ended = blockUntil(me, target.guard, target.ended, () -> target.finished, timeoutNanos, Reason.JOIN,
                    target.name, () -> new WaitInfo.Blocker(target.name + " (join)", target), () -> { },
                    Claim.BEFORE_GIL);
        } finally {
            target.guard.unlock();
        }
        sink.join(me.tid, target.tid, false, !ended);
        return ended;
    }

    /**
     * Waits, {@code guard} held, until {@code ready} holds or the timeout passes, recorded as
     * {@code waiting(reason, on)} when it must really wait. The GIL is let go for the wait and
     * taken back before the thread goes on; {@code claim} says whether {@code onReady} (which
     * takes what it waited for, guard held) runs before or after that. Returns with the guard
     * held and the thread {@code running}.
     *
     * @param timeoutNanos negative: no timeout
     * @return whether {@code ready} held (false: timed out)
     */
    boolean blockUntil(PyThread me, ReentrantLock guard, Condition condition, BooleanSupplier ready,
                       long timeoutNanos, Reason reason, String on,
                       Supplier<WaitInfo.Blocker> blocker, Runnable onReady, Claim claim) {
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
        boolean got;
        while (true) {
            me.waiting = new WaitInfo(reason, on, timed, ready, blocker, guard);
            gil.release(me);
            got = awaitReady(me, condition, ready, timed, deadline);
            me.waiting = null;
            if (claim == Claim.BEFORE_GIL || !gil.enabled()) {
                if (got) {
                    onReady.run();
                }
                takeGilBack(me, guard);
                break;
            }
            takeGilBack(me, guard);
            got = ready.getAsBoolean();
            if (got) {
                onReady.run();
                break;
            }
            if (timed && System.nanoTime() - deadline >= 0) {
                break;
            }
            // what it waited for went to a thread that ran meanwhile: back to the end of the line
            state(me, ThreadState.WAITING, reason, on);
        }
        running(me);
        return got;
    }

    private boolean awaitReady(PyThread me, Condition condition, BooleanSupplier ready, boolean timed, long deadline) {
        while (!ready.getAsBoolean()) {
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitNanos(me, condition, left);
            } else {
                await(me, condition);
            }
        }
        return true;
    }

    /** Takes the GIL with the object's guard let go, so nobody waits on the guard for a whole GIL turn. */
    private void takeGilBack(PyThread me, ReentrantLock guard) {
        if (!gil.enabled()) {
            return;
        }
        guard.unlock();
        try {
            gil.take(me, false);
        } finally {
            guard.lock();
        }
    }

    /** {@code time.sleep} and simulated I/O: a timed wait nobody ends early but stop. */
    void sleep(PyThread me, long nanos, Reason reason, String on) {
        state(me, ThreadState.WAITING, reason, on);
        long deadline = System.nanoTime() + Math.max(1, nanos);
        me.waiting = new WaitInfo(reason, on, true, () -> false, () -> new WaitInfo.Blocker(reason.json(), null), null);
        gil.release(me);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
            me.checkKilled();
        }
        me.waiting = null;
        gil.take(me, false);
        running(me);
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
        pauseGuard.lock();
        try {
            while (paused && stepsAllowed == 0) {
                await(me, resumed);
            }
            if (paused) {
                stepsAllowed--;
            }
        } finally {
            pauseGuard.unlock();
        }
        me.waiting = null;
        gil.take(me, false);
        running(me);
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
        return over.get();
    }

    /** Whether the run's end line is recorded: {@link #isOver()} comes true a moment before it. */
    boolean hasEnded() {
        return endLatch.getCount() == 0;
    }

    RunResult result() {
        return result;
    }

    /** The main steps ended with an uncaught exception; the process will exit with {@code status}. */
    void mainRaised(int status) {
        mainRaised = true;
        exitStatus = status;
    }

    /**
     * Ends the run, from any thread: every thread of it is killed and, once its Java thread is
     * gone (so it can record nothing more), each one still alive is recorded {@code terminated}
     * ({@code stopped}); then the {@code end} line. Nothing of the run records after it. Only
     * the first call counts.
     */
    void finish(Outcome outcome, String message, String cycle) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        List<PyThread> all = threads.all();
        for (PyThread thread : all) {
            thread.killed = true;
        }
        killJavaThreads(javaThreads());
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
        sink.end(outcome, message);
        result = new RunResult(outcome, message, cycle, mainRaised, exitStatus);
        endLatch.countDown();
    }

    /**
     * Interrupts the given Java threads (but the caller's) and waits, up to a grace period, until
     * they are gone: each was marked killed first, so it unwinds at its next check or wake-up.
     */
    void killJavaThreads(List<Thread> victims) {
        Thread self = Thread.currentThread();
        for (Thread thread : victims) {
            if (thread != self) {
                thread.interrupt();
            }
        }
        long deadline = System.nanoTime() + KILL_GRACE_NANOS;
        for (Thread thread : victims) {
            long left = deadline - System.nanoTime();
            if (thread == self || left <= 0) {
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
