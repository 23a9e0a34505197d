package io.threadstage.core;

import io.threadstage.model.Worker;
import java.util.concurrent.locks.Condition;

/**
 * A Python {@code threading.Thread} object of one run: its name, flags and lifecycle, and the
 * blocking wait it is in (for the deadlock detector). Guarded by the run's world lock, except
 * {@link #killed}, which compute loops poll without it.
 */
final class PyThread {

    final int tid;
    final String style;
    /** The scenario worker this thread stands for; null for MainThread and pool threads. */
    final Worker worker;
    final int workerIndex;
    /** Signalled when the new thread has bootstrapped (CPython's start() waits for it). */
    final Condition booted;
    /** Signalled when the thread terminates (joiners wait on it). */
    final Condition ended;
    /** Sleeps and GIL-less timed waits park here: nobody signals it, only stop interrupts. */
    final Condition timer;

    String name;
    boolean daemon;
    boolean started;
    boolean bootstrapped;
    boolean finished;
    /** Thread.run() deletes its target once run: a later run(), or the run of a later start(), raises AttributeError. */
    boolean targetCleared;
    Long ident;
    Long nativeId;
    Thread javaThread;
    /** The blocking wait the thread is in, or null while it runs. */
    WaitInfo waiting;

    volatile boolean killed;

    PyThread(int tid, String name, String style, boolean daemon, Worker worker, int workerIndex,
             Condition booted, Condition ended, Condition timer) {
        this.tid = tid;
        this.name = name;
        this.style = style;
        this.daemon = daemon;
        this.worker = worker;
        this.workerIndex = workerIndex;
        this.booted = booted;
        this.ended = ended;
        this.timer = timer;
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
