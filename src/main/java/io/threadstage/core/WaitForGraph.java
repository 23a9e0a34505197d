package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The wait-for graph of a run at one moment: who waits for what and for whom. A run is stuck
 * when every live thread waits with no timeout for something not yet there: then nothing can
 * ever wake any of them. Built and read by the supervisor, which reads each wait under the lock
 * of the object waited on; not kept.
 */
final class WaitForGraph {

    /** At most this many clauses in a cycle text, so a stuck pool of 2,000 threads stays readable. */
    private static final int MAX_CLAUSES = 12;

    private final List<PyThread> live;
    /** Each live thread's wait when the graph was built, in the order of {@link #live}. */
    private final Map<PyThread, WaitInfo> waits = new IdentityHashMap<>();

    WaitForGraph(List<PyThread> live) {
        this.live = live;
        for (PyThread thread : live) {
            waits.put(thread, thread.waiting);
        }
    }

    /** Whether no live thread can ever make progress. */
    boolean stuck() {
        if (live.isEmpty()) {
            return false;
        }
        for (PyThread thread : live) {
            WaitInfo wait = waits.get(thread);
            if (wait == null || wait.timed() || readyNow(wait)) {
                return false;
            }
        }
        return true;
    }

    private WaitInfo.Blocker blockerOf(PyThread thread) {
        WaitInfo wait = waits.get(thread);
        if (wait.guard() == null) {
            return wait.blocker().get();
        }
        wait.guard().lock();
        try {
            return wait.blocker().get();
        } finally {
            wait.guard().unlock();
        }
    }

    private static boolean readyNow(WaitInfo wait) {
        if (wait.guard() == null) {
            return wait.ready().getAsBoolean();
        }
        wait.guard().lock();
        try {
            return wait.ready().getAsBoolean();
        } finally {
            wait.guard().unlock();
        }
    }

    /** The identity of every current wait: equal snapshots mean nobody moved in between. */
    List<WaitInfo> snapshot() {
        List<WaitInfo> snapshot = new ArrayList<>();
        for (PyThread thread : live) {
            snapshot.add(waits.get(thread));
        }
        return snapshot;
    }

    /**
     * Who waits for whom, following the chain from MainThread (or the first live thread) through
     * the threads that hold what each waits for, until it closes on itself; then the other
     * stuck threads (idle pool threads left out: they only wait for work).
     */
    String describe() {
        Set<PyThread> told = new LinkedHashSet<>();
        StringJoiner text = new StringJoiner("; ");
        PyThread start = live.get(0);
        for (PyThread thread = start; thread != null && told.add(thread); ) {
            WaitInfo.Blocker blocker = blockerOf(thread);
            text.add(thread.name + " waits for " + blocker.text());
            thread = blocker.thread() != null && live.contains(blocker.thread()) ? blocker.thread() : null;
        }
        Set<PyThread> rest = new HashSet<>(live);
        rest.removeAll(told);
        for (PyThread thread : live) {
            if (told.size() >= MAX_CLAUSES) {
                break;
            }
            if (rest.contains(thread) && waits.get(thread).reason() != Reason.IDLE) {
                told.add(thread);
                text.add(thread.name + " waits for " + blockerOf(thread).text());
            }
        }
        return text.toString();
    }
}
