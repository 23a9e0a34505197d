package io.threadstage.core;

import io.threadstage.model.PythonRepr;
import io.threadstage.model.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code threading.local()} with one attribute, {@code value}, per thread. Thread-safe. */
final class PyLocal {

    private final RunSession run;
    private final String name;

    private final Map<Integer, Value> values = new ConcurrentHashMap<>();

    PyLocal(RunSession run, String name) {
        this.run = run;
        this.name = name;
    }

    /** Sets this thread's value and records it ({@code value} event), so a lane can show what its thread sees. */
    void set(PyThread me, Value value) {
        values.put(me.tid, value);
        run.sink.local(me.tid, name, PythonRepr.str(value));
    }

    Value get(PyThread me) {
        Value value = values.get(me.tid);
        if (value == null) {
            throw new PyException("AttributeError", "'_thread._local' object has no attribute 'value'");
        }
        return value;
    }
}
