package io.threadstage.ui.stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the pulse's cost counters: on a machine other programs keep
 * busy, the wall time of a piece of a frame says more about the machine than about the piece.
 * Falls back to the wall clock where the JVM cannot tell a thread's CPU time. Any thread.
 */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuClock() {
    }

    public static long nanos() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
