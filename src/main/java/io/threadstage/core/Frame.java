package io.threadstage.core;

import io.threadstage.model.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local scope of the Python function a step runs in: the function's name (for tracebacks)
 * and its bound names ({@code {param}}, {@code {item}}, {@code {error}}). Immutable; one thread.
 */
final class Frame {

    private final String function;
    private final Map<String, Value> names;

    private Frame(String function, Map<String, Value> names) {
        this.function = function;
        this.names = names;
    }

    static Frame module() {
        return new Frame("<module>", Map.of());
    }

    /** A function's frame with its parameters bound to positional then keyword arguments. */
    static Frame call(String function, List<String> params, List<Value> args, Map<String, Value> kwargs) {
        Map<String, Value> bound = new HashMap<>(kwargs);
        for (int i = 0; i < params.size() && i < args.size(); i++) {
            bound.put(params.get(i), args.get(i));
        }
        return new Frame(function, Map.copyOf(bound));
    }

    Frame with(String name, Value value) {
        Map<String, Value> more = new HashMap<>(names);
        more.put(name, value);
        return new Frame(function, Map.copyOf(more));
    }

    String function() {
        return function;
    }

    /** The bound value, or null when the name is not local. */
    Value lookup(String name) {
        return names.get(name);
    }
}
