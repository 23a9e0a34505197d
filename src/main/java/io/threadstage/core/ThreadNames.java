package io.threadstage.core;

import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;

/**
 * CPython 3.11's name counters: {@code Thread-N} counts every thread created without a name, in
 * creation order ({@code threading._newname}); executors count from 0 for their
 * {@code ThreadPoolExecutor-K} prefix. Used while a run is set up, before any of its threads starts.
 */
final class ThreadNames {

    private int unnamedThreads;
    private int executors;

    /** {@code Thread(name=...)} as CPython names it: the given name, else {@code Thread-N (target)}. */
    String nameFor(Worker worker) {
        if (worker.name() != null) {
            return worker.name();
        }
        String name = "Thread-" + (++unnamedThreads);
        if (worker.style() == WorkerStyle.TARGET && worker.function() != null) {
            return name + " (" + worker.function() + ")";
        }
        if (worker.style() == WorkerStyle.LAMBDA) {
            return name + " (<lambda>)";
        }
        // a subclass passes no target; a callable object has no __name__
        return name;
    }

    /** {@code ThreadPoolExecutor-K}, K counting executors from 0 in creation order. */
    String nextExecutorPrefix() {
        return "ThreadPoolExecutor-" + (executors++);
    }
}
