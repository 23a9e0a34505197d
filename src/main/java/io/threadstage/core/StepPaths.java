package io.threadstage.core;

import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON path of every step of a scenario, worked out once when a run starts, so the hot loop
 * of a run records a step's path without building a string per step. Keyed by the identity of
 * each list of steps; a list found at two places (an editor may share an unchanged list
 * between copies) is left out, and its paths are built as the run goes. Immutable once built.
 */
final class StepPaths {

    private final Map<List<Step>, String[]> byList = new IdentityHashMap<>();
    private final Map<List<Step>, String> baseOf = new IdentityHashMap<>();

    StepPaths(Scenario scenario) {
        for (int i = 0; i < scenario.workers().size(); i++) {
            walk(scenario.workers().get(i).steps(), workerSteps(i));
        }
        walk(scenario.main(), "$.main");
    }

    static String workerSteps(int workerIndex) {
        return "$.workers[" + workerIndex + "].steps";
    }

    /** The paths of {@code steps}, whose own path is {@code parentPath + suffix}. */
    String[] of(List<Step> steps, String parentPath, String suffix) {
        String[] paths = byList.get(steps);
        if (paths != null) {
            return paths;
        }
        return pathsOf(steps, parentPath + suffix);
    }

    private void walk(List<Step> steps, String base) {
        if (steps.isEmpty()) {
            return;
        }
        String known = baseOf.putIfAbsent(steps, base);
        if (known != null) {
            if (!known.equals(base)) {
                byList.remove(steps);
            }
            return;
        }
        String[] paths = pathsOf(steps, base);
        byList.put(steps, paths);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof Step.Try attempt) {
                walk(attempt.body(), paths[i] + ".try");
                walk(attempt.handler(), paths[i] + ".then");
            } else if (step instanceof Step.Submit || step instanceof Step.MapTasks) {
                walk(step.blocks().get(0), paths[i] + ".task.steps");
            } else {
                for (List<Step> block : step.blocks()) {
                    walk(block, paths[i] + ".do");
                }
            }
        }
    }

    private static String[] pathsOf(List<Step> steps, String base) {
        String[] paths = new String[steps.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = base + "[" + i + "]";
        }
        return paths;
    }
}
