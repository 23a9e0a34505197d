package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and rewrites step lists anywhere in a scenario by {@link BodyPath}, through the blocks
 * each step declares ({@link Step#blocks()}, {@link Step#blockKeys()}, {@link Step#withBlocks}).
 * Every edit of the editor is a read here, a list operation, and a write back. Stateless; any
 * thread.
 */
public final class StepTree {

    private StepTree() {
    }

    /** The block keys of a step, in document order; empty for a simple step. */
    public static List<String> blockKeys(Step step) {
        return step.blockKeys();
    }

    public static List<Step> block(Step step, String key) {
        return step.blocks().get(blockNumber(step, key));
    }

    public static Step withBlock(Step step, String key, List<Step> steps) {
        List<List<Step>> blocks = new ArrayList<>(step.blocks());
        blocks.set(blockNumber(step, key), steps);
        return step.withBlocks(blocks);
    }

    private static int blockNumber(Step step, String key) {
        int number = step.blockKeys().indexOf(key);
        if (number < 0) {
            throw new IllegalArgumentException(step.verb() + " has no block " + key);
        }
        return number;
    }

    public static List<Step> body(Scenario scenario, BodyPath path) {
        List<Step> list = root(scenario, path.worker());
        for (BodyPath.Hop hop : path.hops()) {
            list = block(stepAt(list, hop.step()), hop.block());
        }
        return list;
    }

    public static Scenario withBody(Scenario scenario, BodyPath path, List<Step> steps) {
        if (path.hops().isEmpty()) {
            if (path.isMain()) {
                return scenario.withMain(steps);
            }
            List<Worker> workers = new ArrayList<>(scenario.workers());
            workers.set(path.worker(), workers.get(path.worker()).withSteps(steps));
            return scenario.withWorkers(workers);
        }
        StepPath owner = path.owner().orElseThrow();
        BodyPath.Hop last = path.hops().get(path.hops().size() - 1);
        return withStep(scenario, owner, withBlock(step(scenario, owner), last.block(), steps));
    }

    public static Step step(Scenario scenario, StepPath path) {
        return stepAt(body(scenario, path.body()), path.index());
    }

    public static Scenario withStep(Scenario scenario, StepPath path, Step step) {
        List<Step> list = new ArrayList<>(body(scenario, path.body()));
        list.set(path.index(), step);
        return withBody(scenario, path.body(), list);
    }

    /** True when the path names an existing step of the scenario. */
    public static boolean exists(Scenario scenario, StepPath path) {
        try {
            step(scenario, path);
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    public static boolean exists(Scenario scenario, BodyPath path) {
        try {
            body(scenario, path);
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private static List<Step> root(Scenario scenario, int worker) {
        return worker == BodyPath.MAIN ? scenario.main() : scenario.workers().get(worker).steps();
    }

    private static Step stepAt(List<Step> list, int index) {
        if (index < 0 || index >= list.size()) {
            throw new IndexOutOfBoundsException("no step " + index);
        }
        return list.get(index);
    }
}
