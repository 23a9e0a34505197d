package io.threadstage.ui.editor;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step's name fields refer to, and renaming a resource, worker or future everywhere it
 * is referred to, so a rename in the property sheet never leaves a step dangling. Stateless.
 */
public final class References {

    /** Step components that hold references, by the name of the component. */
    public static final List<String> CATEGORIES =
            List.of("lock", "queue", "event", "executor", "local", "counter", "worker", "future");

    private References() {
    }

    /** The reference category of a resource kind: an {@code rlock} fits where a lock does. */
    public static String category(Resource resource) {
        return "rlock".equals(resource.kind()) ? "lock" : resource.kind();
    }

    /** The resource kinds that fit a reference component. */
    public static List<String> kinds(String category) {
        return "lock".equals(category) ? List.of("lock", "rlock") : List.of(category);
    }

    /** The names a reference component may take in this scenario. */
    public static List<String> choices(Scenario scenario, String category) {
        if ("worker".equals(category)) {
            return Names.workers(scenario);
        }
        if ("future".equals(category)) {
            return Names.futures(scenario);
        }
        return Names.resources(scenario, kinds(category));
    }

    public static Scenario rename(Scenario scenario, String category, String from, String to) {
        if (from == null || from.equals(to)) {
            return scenario;
        }
        List<Worker> workers = new ArrayList<>();
        for (Worker worker : scenario.workers()) {
            workers.add(worker.withSteps(rename(worker.steps(), category, from, to)));
        }
        return scenario.withWorkers(workers).withMain(rename(scenario.main(), category, from, to));
    }

    private static List<Step> rename(List<Step> steps, String category, String from, String to) {
        List<Step> renamed = new ArrayList<>(steps.size());
        for (Step step : steps) {
            Step copy = step;
            for (String key : StepTree.blockKeys(step)) {
                copy = StepTree.withBlock(copy, key, rename(StepTree.block(copy, key), category, from, to));
            }
            if (RecordFields.names((Record) copy).contains(category)
                    && from.equals(RecordFields.get((Record) copy, category))) {
                copy = (Step) RecordFields.with((Record) copy, category, to);
            }
            renamed.add(copy);
        }
        return renamed;
    }
}
