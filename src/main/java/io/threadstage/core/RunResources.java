package io.threadstage.core;

import io.threadstage.model.Resource;
import io.threadstage.trace.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's live objects behind the scenario's resource names, and the futures that
 * {@code submit ... as} names bind as the run goes. Executors are created in document order, so
 * they take their {@code ThreadPoolExecutor-K} numbers as the generated program's would.
 * The names are fixed when the run starts; futures are bound by any thread as it runs.
 */
final class RunResources {

    private final Map<String, Object> byName = new HashMap<>();
    private final Map<String, PyFuture> futures = new ConcurrentHashMap<>();
    private final List<PyExecutor> executors = new ArrayList<>();
    private final List<PyCounter> counters = new ArrayList<>();

    RunResources(RunSession run, ThreadLauncher launcher, StepInterpreter interpreter) {
        for (Resource resource : run.scenario.resources()) {
            Object object = create(run, launcher, interpreter, resource);
            byName.put(resource.name(), object);
            if (object instanceof PyExecutor executor) {
                executors.add(executor);
            } else if (object instanceof PyCounter counter) {
                counters.add(counter);
            }
        }
    }

    private static Object create(RunSession run, ThreadLauncher launcher, StepInterpreter interpreter,
                                 Resource resource) {
        if (resource instanceof Resource.Lock) {
            return new PyLock(run, resource.name());
        }
        if (resource instanceof Resource.RLock) {
            return new PyRLock(run, resource.name());
        }
        if (resource instanceof Resource.Event) {
            return new PyEvent(run, resource.name());
        }
        if (resource instanceof Resource.Queue queue) {
            return new PyQueue(run, queue.name(), queue.maxsize());
        }
        if (resource instanceof Resource.Executor executor) {
            return new PyExecutor(run, launcher, interpreter, executor.name(), executor.maxWorkers(),
                    run.threads.names().nextExecutorPrefix());
        }
        if (resource instanceof Resource.Local) {
            return new PyLocal(run, resource.name());
        }
        Resource.Counter counter = (Resource.Counter) resource;
        return new PyCounter(counter.name(), counter.value());
    }

    /** Records each counter's starting value, set by {@code tid}, in document order. */
    void recordInitialValues(TraceSink sink, int tid) {
        for (PyCounter counter : counters) {
            counter.recordInitial(sink, tid);
        }
    }

    PyLockLike lock(String name) {
        return get(name, PyLockLike.class);
    }

    PyEvent event(String name) {
        return get(name, PyEvent.class);
    }

    PyQueue queue(String name) {
        return get(name, PyQueue.class);
    }

    PyExecutor executor(String name) {
        return get(name, PyExecutor.class);
    }

    /** Executors in document order, for the interpreter's exit (CPython's atexit hook). */
    List<PyExecutor> executors() {
        return List.copyOf(executors);
    }

    /** A counter or a local for {@code {NAME}} in a print, or null. */
    Object placeholder(String name) {
        Object object = byName.get(name);
        return object instanceof PyCounter || object instanceof PyLocal ? object : null;
    }

    PyLocal local(String name) {
        return get(name, PyLocal.class);
    }

    PyCounter counter(String name) {
        return get(name, PyCounter.class);
    }

    void bindFuture(String name, PyFuture future) {
        futures.put(name, future);
    }

    PyFuture future(String name) {
        PyFuture future = futures.get(name);
        if (future == null) {
            throw new PyException("NameError", "name '" + name + "' is not defined");
        }
        return future;
    }

    private <T> T get(String name, Class<T> kind) {
        Object object = byName.get(name);
        if (!kind.isInstance(object)) {
            // the loader refuses such documents; a hand-built scenario gets Python's error
            throw new PyException("NameError", "name '" + name + "' is not defined");
        }
        return kind.cast(object);
    }
}
