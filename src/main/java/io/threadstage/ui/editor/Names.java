package io.threadstage.ui.editor;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepWalker;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Names in a scenario: fresh unique ones for new workers, resources and futures, the names
 * that exist for a reference field, and CPython's default thread names. Stateless.
 */
public final class Names {

    private Names() {
    }

    /** {@code base}, else {@code base2}, {@code base3}... whichever is not taken. */
    public static String fresh(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Every name a step could confuse: resources, worker references and ids, futures. */
    public static Set<String> taken(Scenario scenario) {
        Set<String> names = new LinkedHashSet<>();
        scenario.resources().forEach(r -> names.add(r.name()));
        for (Worker worker : scenario.workers()) {
            if (worker.name() != null) {
                names.add(worker.name());
            }
            if (worker.id() != null) {
                names.add(worker.id());
            }
            if (worker.function() != null) {
                names.add(worker.function());
            }
            if (worker.className() != null) {
                names.add(worker.className());
            }
        }
        names.addAll(futures(scenario));
        return names;
    }

    /** Names of resources of these kinds, in document order. */
    public static List<String> resources(Scenario scenario, List<String> kinds) {
        return scenario.resources().stream().filter(r -> kinds.contains(r.kind())).map(Resource::name).toList();
    }

    public static List<String> workers(Scenario scenario) {
        return scenario.workers().stream().map(Worker::ref).filter(ref -> ref != null).toList();
    }

    /** Futures named by {@code submit ... as}, in document order. */
    public static List<String> futures(Scenario scenario) {
        List<String> found = new ArrayList<>();
        forEachStep(scenario, step -> {
            if (step instanceof Step.Submit submit && submit.future() != null && !found.contains(submit.future())) {
                found.add(submit.future());
            }
        });
        return found;
    }

    /** Visits every step of the scenario, blocks included, in document order. */
    public static void forEachStep(Scenario scenario, Consumer<Step> visitor) {
        StepWalker.walk(scenario, (path, step) -> visitor.accept(step));
    }

    /**
     * The name the thread of worker {@code index} has when the program starts: its own name, or
     * CPython 3.11's default, {@code Thread-N (function)}, N counting nameless workers in order.
     */
    public static String threadName(Scenario scenario, int index) {
        Worker worker = scenario.workers().get(index);
        if (worker.name() != null) {
            return worker.name();
        }
        int n = 0;
        for (int i = 0; i <= index; i++) {
            if (scenario.workers().get(i).name() == null) {
                n++;
            }
        }
        if (worker.style() == WorkerStyle.TARGET) {
            return "Thread-" + n + " (" + worker.function() + ")";
        }
        if (worker.style() == WorkerStyle.LAMBDA) {
            return "Thread-" + n + " (<lambda>)";
        }
        return "Thread-" + n;
    }

    /** True for a Python identifier made of ASCII letters, digits and underscores. */
    public static boolean isIdentifier(String text) {
        return text != null && text.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
