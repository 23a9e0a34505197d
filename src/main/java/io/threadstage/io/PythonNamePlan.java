package io.threadstage.io;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepWalker;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every module-level name of a program, decided before any code is written, so that no name
 * written later can take one that a body already reads. The scenario's names come first and
 * keep their spelling when Python and the program leave them free (first come, first kept:
 * resources, functions and classes, futures, exception types); the others move aside with
 * {@code _}. Thread variables, made from the workers' names, come last. Confined to the thread
 * that generates.
 */
final class PythonNamePlan {

    /** Kinds of module-level names; a function and a class may share a scenario name, as variants. */
    private enum Kind { RESOURCE, DEFINITION, FUTURE, EXCEPTION }

    private record Wanted(Kind kind, String name) {
    }

    private final Map<Wanted, String> planned = new LinkedHashMap<>();
    private final Map<String, String> threads = new LinkedHashMap<>();

    private PythonNamePlan() {
    }

    static PythonNamePlan of(Scenario scenario, ProgramNames names) {
        PythonNamePlan plan = new PythonNamePlan();
        List<Wanted> wanted = wanted(scenario);
        for (Wanted name : wanted) {
            if (!plan.planned.containsKey(name) && names.keepGlobal(name.name())) {
                plan.planned.put(name, name.name());
            }
        }
        for (Wanted name : wanted) {
            if (!plan.planned.containsKey(name)) {
                plan.planned.put(name, names.claimGlobal(name.name(), "_"));
            }
        }
        for (Worker worker : scenario.workers()) {
            plan.threads.put(worker.ref(), names.claimGlobal(ProgramNames.snake(worker.ref()), "_thread"));
        }
        return plan;
    }

    private static List<Wanted> wanted(Scenario scenario) {
        List<Wanted> wanted = new ArrayList<>();
        for (Resource resource : scenario.resources()) {
            wanted.add(new Wanted(Kind.RESOURCE, resource.name()));
        }
        for (Worker worker : scenario.workers()) {
            addIfSet(wanted, Kind.DEFINITION, worker.function());
            addIfSet(wanted, Kind.DEFINITION, worker.className());
        }
        // in the order they are written, blocks and tasks included
        List<Step> everyStep = new ArrayList<>();
        StepWalker.walk(scenario, (path, step) -> everyStep.add(step));
        for (Step step : everyStep) {
            if (step instanceof Step.Submit submit) {
                addIfSet(wanted, Kind.DEFINITION, submit.task().function());
            } else if (step instanceof Step.MapTasks map) {
                addIfSet(wanted, Kind.DEFINITION, map.task().function());
            }
        }
        for (Step step : everyStep) {
            if (step instanceof Step.Submit submit) {
                addIfSet(wanted, Kind.FUTURE, submit.future());
            }
        }
        for (Step step : everyStep) {
            if (step instanceof Step.Raise raise) {
                addException(wanted, raise.type());
            } else if (step instanceof Step.Try attempt) {
                addException(wanted, PythonExceptionNames.caught(attempt));
            }
        }
        return wanted;
    }

    private static void addIfSet(List<Wanted> wanted, Kind kind, String name) {
        if (name != null && !wanted.contains(new Wanted(kind, name))) {
            wanted.add(new Wanted(kind, name));
        }
    }

    private static void addException(List<Wanted> wanted, String type) {
        if (PythonExceptionNames.needsClass(type)) {
            addIfSet(wanted, Kind.EXCEPTION, type);
        }
    }

    String resource(String name) {
        return planned.getOrDefault(new Wanted(Kind.RESOURCE, name), name);
    }

    /** The Python name of a function or class the scenario names; numbered variants come later. */
    String definition(String name) {
        return planned.getOrDefault(new Wanted(Kind.DEFINITION, name), name);
    }

    String future(String name) {
        return planned.getOrDefault(new Wanted(Kind.FUTURE, name), name);
    }

    /** The name the program binds to an exception class it defines. */
    String exceptionClass(String type) {
        return planned.getOrDefault(new Wanted(Kind.EXCEPTION, type), type);
    }

    String thread(String ref) {
        return threads.getOrDefault(ref, ProgramNames.snake(ref));
    }
}
