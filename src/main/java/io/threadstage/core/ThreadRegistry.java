package io.threadstage.core;

import io.threadstage.model.Worker;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every Python thread object of one run, by tid, by worker reference and in start order (what
 * {@code threading.enumerate()} lists). Guarded by the world lock.
 */
final class ThreadRegistry {

    private final ReentrantLock world;
    private final TraceSink sink;
    private final ThreadNames names = new ThreadNames();
    private final List<PyThread> byTid = new ArrayList<>();
    private final Map<String, PyThread> byRef = new HashMap<>();
    private final List<PyThread> startOrder = new ArrayList<>();

    ThreadRegistry(ReentrantLock world, TraceSink sink) {
        this.world = world;
        this.sink = sink;
    }

    ThreadNames names() {
        return names;
    }

    PyThread createMain() {
        return create("MainThread", "main", false, null, -1);
    }

    PyThread createWorker(Worker worker, int index) {
        PyThread thread = create(names.nameFor(worker), worker.style().json(), worker.daemon(), worker, index);
        byRef.put(worker.ref(), thread);
        return thread;
    }

    PyThread createPoolThread(String name) {
        return create(name, "pool", false, null, -1);
    }

    /** Records the thread object's creation: ident and native_id are None until start(). */
    private PyThread create(String name, String style, boolean daemon, Worker worker, int index) {
        PyThread thread = new PyThread(byTid.size(), name, style, daemon, worker, index,
                world.newCondition(), world.newCondition(), world.newCondition());
        byTid.add(thread);
        sink.thread(thread.tid, name, style, daemon, null, null);
        sink.state(thread.tid, ThreadState.CREATED, Reason.NONE, null);
        return thread;
    }

    PyThread worker(String ref) {
        PyThread thread = byRef.get(ref);
        if (thread == null) {
            throw new PyException("NameError", "name '" + ref + "' is not defined");
        }
        return thread;
    }

    PyThread main() {
        return byTid.get(0);
    }

    void markStarted(PyThread thread) {
        startOrder.add(thread);
    }

    int startedCount() {
        return startOrder.size();
    }

    /** Alive threads in the order they started, MainThread first. */
    List<PyThread> alive() {
        List<PyThread> alive = new ArrayList<>();
        for (PyThread thread : startOrder) {
            if (thread.alive()) {
                alive.add(thread);
            }
        }
        return alive;
    }

    List<PyThread> all() {
        return List.copyOf(byTid);
    }
}
