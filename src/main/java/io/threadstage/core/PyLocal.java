package io.threadstage.core;

import io.threadstage.model.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code threading.local()} with one attribute, {@code value}, per thread. Thread-safe. */
final class PyLocal {

    private final Map<Integer, Value> values = new ConcurrentHashMap<>();

    void set(PyThread me, Value value) {
        values.put(me.tid, value);
    }

    Value get(PyThread me) {
        Value value = values.get(me.tid);
        if (value == null) {
            throw new PyException("AttributeError", "'_thread._local' object has no attribute 'value'");
        }
        return value;
    }
}
