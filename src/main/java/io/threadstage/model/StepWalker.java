package io.threadstage.model;

import java.util.List;

/**
 * The one traversal of a scenario's steps: every step with its {@link StepPath}, in document
 * order (the workers' bodies, then main), each step before the steps of its blocks. Stateless;
 * any thread.
 */
public final class StepWalker {

    /** What to do at each step. */
    @FunctionalInterface
    public interface StepAction {
        void at(StepPath path, Step step);
    }

    private StepWalker() {
    }

    public static void walk(Scenario scenario, StepAction action) {
        for (int i = 0; i < scenario.workers().size(); i++) {
            walk(scenario.workers().get(i).steps(), BodyPath.worker(i), action);
        }
        walk(scenario.main(), BodyPath.main(), action);
    }

    /** The steps of {@code steps}, the list at {@code body}, and every step nested in them. */
    public static void walk(List<Step> steps, BodyPath body, StepAction action) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StepPath path = body.at(i);
            action.at(path, step);
            List<List<Step>> blocks = step.blocks();
            List<String> keys = step.blockKeys();
            for (int b = 0; b < blocks.size(); b++) {
                walk(blocks.get(b), path.block(keys.get(b)), action);
            }
        }
    }
}
