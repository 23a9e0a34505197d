package io.threadstage.core;

import io.threadstage.model.Worker;
import io.threadstage.trace.ThreadStyle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Python {@code threading.Thread} object of one run: its name, flags and lifecycle, and the
 * blocking wait it is in (for the deadlock detector). Its attributes are changed by the thread
 * running the step that changes them (with the GIL, one at a time) and read by others, so they
 * are volatile; {@link #guard} orders the start handshake and the end that joiners wait for.
 */
final class PyThread {

    final int tid;
    final ThreadStyle style;
    /** The scenario worker this thread stands for; null for MainThread and pool threads. */
    final Worker worker;
    final int workerIndex;
    final ReentrantLock guard = new ReentrantLock();
    /** Signalled when the new thread has bootstrapped (CPython's start() waits for it). */
    final Condition booted = guard.newCondition();
    /** Signalled when the thread terminates (joiners wait on it). */
    final Condition ended = guard.newCondition();

    volatile String name;
    volatile boolean daemon;
    volatile boolean started;
    volatile boolean bootstrapped;
    volatile boolean finished;
    /** Thread.run() deletes its target once run: a later run(), or the run of a later start(), raises AttributeError. */
    volatile boolean targetCleared;
    volatile Long ident;
    volatile Long nativeId;
    volatile Thread javaThread;
    /** The blocking wait the thread is in, or null while it runs. */
    volatile WaitInfo waiting;

    volatile boolean killed;

    /**
     * The Python frames on this thread's stack, as CPython counts them against its recursion
     * limit: at the start {@code <module>} for MainThread, {@code _bootstrap} and
     * {@code _bootstrap_inner} for a worker, those plus {@code run}, {@code _worker},
     * {@code _WorkItem.run} and the task's function for a pool thread; then the frames of each
     * {@code t.run()} under way. Only the thread itself touches it.
     */
    int pythonFrames;
    /** Blocks of steps the interpreter is inside on this thread (the Java stack it uses); only the thread itself touches it. */
    int blockDepth;

    PyThread(int tid, String name, ThreadStyle style, boolean daemon, Worker worker, int workerIndex) {
        this.tid = tid;
        this.name = name;
        this.style = style;
        this.daemon = daemon;
        this.worker = worker;
        this.workerIndex = workerIndex;
        this.pythonFrames = style == ThreadStyle.MAIN ? 1 : style == ThreadStyle.POOL ? 6 : 2;
    }

    /** {@code is_alive()}: from start() until the body ends. */
    boolean alive() {
        return started && !finished;
    }

    void checkKilled() {
        if (killed) {
            throw ThreadKilled.INSTANCE;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
