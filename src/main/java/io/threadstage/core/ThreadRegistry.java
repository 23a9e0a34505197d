package io.threadstage.core;

import io.threadstage.model.Worker;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Python thread object of one run, by tid, by worker reference and in start order (what
 * {@code threading.enumerate()} lists). Thread-safe: threads are created and started by the
 * steps of any thread, and the supervisor reads who is alive.
 */
final class ThreadRegistry {

    private final TraceSink sink;
    private final ThreadNames names = new ThreadNames();
    private final List<PyThread> byTid = new ArrayList<>();
    private final Map<String, PyThread> byRef = new HashMap<>();
    private final List<PyThread> startOrder = new ArrayList<>();

    ThreadRegistry(TraceSink sink) {
        this.sink = sink;
    }

    ThreadNames names() {
        return names;
    }

    synchronized PyThread createMain() {
        return create("MainThread", ThreadStyle.MAIN, false, null, -1);
    }

    synchronized PyThread createWorker(Worker worker, int index) {
        PyThread thread = create(names.nameFor(worker), ThreadStyle.valueOf(worker.style().name()), worker.daemon(), worker, index);
        byRef.put(worker.ref(), thread);
        return thread;
    }

    synchronized PyThread createPoolThread(String name) {
        return create(name, ThreadStyle.POOL, false, null, -1);
    }

    /** Records the thread object's creation: ident and native_id are None until start(). */
    private synchronized PyThread create(String name, ThreadStyle style, boolean daemon, Worker worker, int index) {
        PyThread thread = new PyThread(byTid.size(), name, style, daemon, worker, index);
        byTid.add(thread);
        sink.thread(thread.tid, name, style, daemon, null, null);
        sink.state(thread.tid, ThreadState.CREATED, Reason.NONE, null);
        return thread;
    }

    synchronized PyThread worker(String ref) {
        PyThread thread = byRef.get(ref);
        if (thread == null) {
            throw new PyException("NameError", "name '" + ref + "' is not defined");
        }
        return thread;
    }

    synchronized PyThread main() {
        return byTid.get(0);
    }

    /**
     * Marks the thread started, in start order, unless it was already ({@code RuntimeError}) or
     * {@code most} threads have started; one check and one change, so two threads starting the
     * same thread at once cannot both pass.
     *
     * @return false when it would be one thread too many
     */
    synchronized boolean markStarted(PyThread thread, int most) {
        if (thread.started) {
            throw PyException.runtimeError("threads can only be started once");
        }
        if (startOrder.size() >= most) {
            return false;
        }
        thread.started = true;
        startOrder.add(thread);
        return true;
    }

    synchronized int startedCount() {
        return startOrder.size();
    }

    /** Alive threads in the order they started, MainThread first. */
    synchronized List<PyThread> alive() {
        List<PyThread> alive = new ArrayList<>();
        for (PyThread thread : startOrder) {
            if (thread.alive()) {
                alive.add(thread);
            }
        }
        return alive;
    }

    synchronized List<PyThread> all() {
        return List.copyOf(byTid);
    }
}
