package io.threadstage.model;

import java.util.List;
import java.util.Map;

/**
 * A thread a scenario creates.
 *
 * @param name       {@code Thread(name=...)}, or null for CPython's default name
 * @param id         the reference name when {@code name} is null
 * @param style      how the Python source creates it
 * @param function   the target function's name ({@code target} style), else null
 * @param className  the class's name ({@code subclass}, {@code callable}), else null
 * @param params     parameter names of the function (extension {@code params}); empty: the
 *                   generator names them; print templates may use {@code {param}}
 * @param args       positional arguments, shown in the generated code
 * @param kwargs     keyword arguments, in document order
 * @param daemon     {@code daemon=} given to the constructor
 * @param steps      the body of the function, {@code run()} or {@code __call__}
 */
public record Worker(String name, String id, WorkerStyle style, String function, String className,
                     List<String> params, List<Value> args, Map<String, Value> kwargs, boolean daemon, List<Step> steps) {

    public Worker {
        params = List.copyOf(params);
        args = List.copyOf(args);
        kwargs = Ordered.copyOf(kwargs);
        steps = List.copyOf(steps);
    }

    /** The name steps use to refer to this worker: its {@code name}, else its {@code id}. */
    public String ref() {
        return name != null ? name : id;
    }

    public Worker withSteps(List<Step> newSteps) {
        return new Worker(name, id, style, function, className, params, args, kwargs, daemon, newSteps);
    }

    public Worker withName(String newName) {
        return new Worker(newName, id, style, function, className, params, args, kwargs, daemon, steps);
    }
}
