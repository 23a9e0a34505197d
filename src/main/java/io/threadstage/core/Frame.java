package io.threadstage.core;

import io.threadstage.model.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local scope of the Python function a step runs in: the function's name (for tracebacks)
 * and its bound names ({@code {param}}, {@code {item}}, {@code {error}}). A name bound later
 * (a loop's item, a handler's error) links to the frame it extends instead of copying it, since
 * a consumer loop binds one per item. Immutable; one thread.
 */
final class Frame {

    private final String function;
    private final Map<String, Value> names;
    private final Frame outer;
    private final String boundName;
    private final Value boundValue;

    private Frame(String function, Map<String, Value> names, Frame outer, String boundName, Value boundValue) {
        this.function = function;
        this.names = names;
        this.outer = outer;
        this.boundName = boundName;
        this.boundValue = boundValue;
    }

    static Frame module() {
        return new Frame("<module>", Map.of(), null, null, null);
    }

    /** A function's frame with its parameters bound to positional then keyword arguments. */
    static Frame call(String function, List<String> params, List<Value> args, Map<String, Value> kwargs) {
        Map<String, Value> bound = new HashMap<>(kwargs);
        for (int i = 0; i < params.size() && i < args.size(); i++) {
            bound.put(params.get(i), args.get(i));
        }
        return new Frame(function, Map.copyOf(bound), null, null, null);
    }

    Frame with(String name, Value value) {
        return new Frame(function, null, this, name, value);
    }

    String function() {
        return function;
    }

    /** The bound value, or null when the name is not local. */
    Value lookup(String name) {
        for (Frame frame = this; frame != null; frame = frame.outer) {
            if (frame.names != null) {
                return frame.names.get(name);
            }
            if (frame.boundName.equals(name)) {
                return frame.boundValue;
            }
        }
        return null;
    }
}
