package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Task;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and rewrites step lists anywhere in a scenario by {@link BodyPath}: the one place that
 * knows which verbs hold blocks and under which key. Every edit of the editor is a read here,
 * a list operation, and a write back. Stateless; any thread.
 */
public final class StepTree {

    private StepTree() {
    }

    /** The block keys of a step, in document order; empty for a simple step. */
    public static List<String> blockKeys(Step step) {
        if (step instanceof Step.Try) {
            return List.of(BodyPath.TRY, BodyPath.THEN);
        }
        if (step instanceof Step.Submit || step instanceof Step.MapTasks) {
            return List.of(BodyPath.TASK);
        }
        if (step instanceof Step.With || step instanceof Step.Repeat || step instanceof Step.Until
                || step instanceof Step.GetUntil) {
            return List.of(BodyPath.DO);
        }
        return List.of();
    }

    public static List<Step> block(Step step, String key) {
        if (step instanceof Step.Try t) {
            return BodyPath.TRY.equals(key) ? t.body() : checked(key, BodyPath.THEN, t.handler());
        }
        if (step instanceof Step.Submit s) {
            return checked(key, BodyPath.TASK, s.task().steps());
        }
        if (step instanceof Step.MapTasks m) {
            return checked(key, BodyPath.TASK, m.task().steps());
        }
        if (step instanceof Step.With w) {
            return checked(key, BodyPath.DO, w.body());
        }
        if (step instanceof Step.Repeat r) {
            return checked(key, BodyPath.DO, r.body());
        }
        if (step instanceof Step.Until u) {
            return checked(key, BodyPath.DO, u.body());
        }
        if (step instanceof Step.GetUntil g) {
            return checked(key, BodyPath.DO, g.body());
        }
        throw new IllegalArgumentException(step.verb() + " has no block " + key);
    }

    public static Step withBlock(Step step, String key, List<Step> steps) {
        block(step, key);
        if (step instanceof Step.Try t) {
            return BodyPath.TRY.equals(key)
                    ? new Step.Try(steps, t.except(), t.handler())
                    : new Step.Try(t.body(), t.except(), steps);
        }
        if (step instanceof Step.Submit s) {
            return new Step.Submit(s.executor(), withSteps(s.task(), steps), s.future());
        }
        if (step instanceof Step.MapTasks m) {
            return new Step.MapTasks(m.executor(), withSteps(m.task(), steps), m.items(), m.print());
        }
        if (step instanceof Step.With w) {
            return new Step.With(w.lock(), steps);
        }
        if (step instanceof Step.Repeat r) {
            return new Step.Repeat(r.times(), steps);
        }
        if (step instanceof Step.Until u) {
            return new Step.Until(u.event(), steps, u.pauseMs(), u.bySleep());
        }
        Step.GetUntil g = (Step.GetUntil) step;
        return new Step.GetUntil(g.queue(), g.sentinel(), steps);
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

    private static List<Step> checked(String key, String expected, List<Step> block) {
        if (!expected.equals(key)) {
            throw new IllegalArgumentException("no block " + key);
        }
        return block;
    }

    private static Task withSteps(Task task, List<Step> steps) {
        return new Task(task.function(), task.params(), task.args(), steps, task.returns());
    }
}
