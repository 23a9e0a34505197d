package io.threadstage.core;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Scenarios built in code for the core's tests. */
final class Build {

    private Settings settings = Settings.DEFAULT;
    private final List<Resource> resources = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private List<Step> main = List.of();

    static Build scenario() {
        return new Build();
    }

    Build settings(Settings value) {
        settings = value;
        return this;
    }

    Build resource(Resource resource) {
        resources.add(resource);
        return this;
    }

    Build worker(Worker worker) {
        workers.add(worker);
        return this;
    }

    Build main(Step... steps) {
        main = Arrays.asList(steps);
        return this;
    }

    Scenario get() {
        return new Scenario("test", null, settings, resources, workers, main, Map.of());
    }

    static Worker target(String name, String function, Step... steps) {
        return new Worker(name, name == null ? "w" + function : null, WorkerStyle.TARGET, function, null,
                List.of(), List.of(), Map.of(), false, Arrays.asList(steps));
    }

    static Worker unnamed(String id, WorkerStyle style, String function, Step... steps) {
        return new Worker(null, id, style, function, style == WorkerStyle.SUBCLASS || style == WorkerStyle.CALLABLE
                ? "C" + id : null, List.of(), List.of(), Map.of(), false, Arrays.asList(steps));
    }

    static Worker daemon(String name, Step... steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "background", null, List.of(), List.of(), Map.of(), true,
                Arrays.asList(steps));
    }

    static Worker withParams(String name, List<String> params, List<Value> args, Step... steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "work", null, params, args, Map.of(), false,
                Arrays.asList(steps));
    }

    static Task task(String function, List<String> params, List<Value> args, Value returns, Step... steps) {
        return new Task(function, params, args, Arrays.asList(steps), returns);
    }

    static List<Step> steps(Step... steps) {
        return Arrays.asList(steps);
    }
}
