package io.threadstage.model;

import java.util.List;

/**
 * A function submitted to an executor.
 *
 * @param function the function's name in the generated code
 * @param params   parameter names (extension {@code params}); empty: {@code item} for
 *                 {@code map}, generated names for {@code submit}
 * @param args     positional arguments of {@code submit}
 * @param steps    the function's body
 * @param returns  the returned value (extension {@code returns}), or null for {@code None};
 *                 a text is an f-string template over the parameters and {@code {thread}}
 */
public record Task(String function, List<String> params, List<Value> args, List<Step> steps, Value returns) {

    public Task {
        params = List.copyOf(params);
        args = List.copyOf(args);
        steps = List.copyOf(steps);
    }

    /** The same task running {@code newSteps}. */
    public Task withSteps(List<Step> newSteps) {
        return new Task(function, params, args, newSteps, returns);
    }
}
