package io.threadstage.core;

import io.threadstage.trace.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The wait-for graph of a run at one moment: who waits for what and for whom. A run is stuck
 * when every live thread waits with no timeout for something not yet there: then nothing can
 * ever wake any of them. Built and read by the supervisor under the world lock; not kept.
 */
final class WaitForGraph {

    /** At most this many clauses in a cycle text, so a stuck pool of 2,000 threads stays readable. */
    private static final int MAX_CLAUSES = 12;

    private final List<PyThread> live;

    WaitForGraph(List<PyThread> live) {
        this.live = live;
    }

    /** Whether no live thread can ever make progress. */
    boolean stuck() {
        if (live.isEmpty()) {
            return false;
        }
        for (PyThread thread : live) {
            WaitInfo wait = thread.waiting;
            if (wait == null || wait.timed() || wait.ready().getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** The identity of every current wait: equal snapshots mean nobody moved in between. */
    List<WaitInfo> snapshot() {
        List<WaitInfo> waits = new ArrayList<>();
        for (PyThread thread : live) {
            waits.add(thread.waiting);
        }
        return waits;
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
            WaitInfo.Blocker blocker = thread.waiting.blocker().get();
            text.add(thread.name + " waits for " + blocker.text());
            thread = blocker.thread() != null && live.contains(blocker.thread()) ? blocker.thread() : null;
        }
        Set<PyThread> rest = new HashSet<>(live);
        rest.removeAll(told);
        for (PyThread thread : live) {
            if (told.size() >= MAX_CLAUSES) {
                break;
            }
            if (rest.contains(thread) && thread.waiting.reason() != Reason.IDLE) {
                told.add(thread);
                text.add(thread.name + " waits for " + thread.waiting.blocker().get().text());
            }
        }
        return text.toString();
    }
}
