package io.threadstage.io;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.List;
import java.util.Map;

/** Small scenarios built in code, for generator tests that must not depend on the loader. */
final class Scenarios {

    private Scenarios() {
    }

    /** With the GIL, spelled out: the expected programs must not follow a change of the default. */
    static final Settings WITH_GIL = new Settings(true, 5, 1.0, Settings.Excepthook.DEFAULT);

    static Scenario scenario(List<Resource> resources, List<Worker> workers, List<Step> main) {
        return new Scenario("Test", null, WITH_GIL, resources, workers, main, Map.of());
    }

    static Scenario mainOnly(Step... main) {
        return scenario(List.of(), List.of(), List.of(main));
    }

    static Worker target(String name, String function, List<String> params, List<Value> args, Step... steps) {
        return new Worker(name, null, WorkerStyle.TARGET, function, null, params, args, Map.of(), false, List.of(steps));
    }

    static Worker worker(String name, WorkerStyle style, String function, String className, Step... steps) {
        return new Worker(name, null, style, function, className, List.of(), List.of(), Map.of(), false, List.of(steps));
    }

    static Task task(String function, List<String> params, List<Value> args, Value returns, Step... steps) {
        return new Task(function, params, args, List.of(steps), returns);
    }

    static Value text(String value) {
        return Value.of(value);
    }

    static Value number(long value) {
        return Value.of(value);
    }
}
