package io.threadstage.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every step of one scenario under a small id, given once when the scenario is loaded for a run
 * or for the generator: ids count 0, 1, 2 ... in document order ({@link StepWalker}), so the
 * same scenario always gives the same ids, and the runtime, the trace and the generated
 * program's line marks agree on them. An id stands for a place, never for a step's value: the
 * same {@code compute 200} in two workers has two ids. Each id knows its step, its
 * {@link StepPath} and the ids of its blocks' steps; its JSON path text is spelled from the typed
 * path only when asked (a trace file, a message), never on a run's hot path. Immutable once
 * built (the text lookup is made on first use); any thread.
 */
public final class StepIndex {

    /** The ids of one list of steps, in the list's order. Immutable. */
    public static final class Ids {

        private static final Ids NONE = new Ids(new int[0]);

        private final int[] ids;

        private Ids(int[] ids) {
            this.ids = ids;
        }

        public int size() {
            return ids.length;
        }

        /** The id of the step at {@code position} of the list. */
        public int get(int position) {
            return ids[position];
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<StepPath> paths = new ArrayList<>();
    private final List<List<Ids>> blocks = new ArrayList<>();
    private final List<Ids> workers = new ArrayList<>();
    private final Ids main;
    private final Map<StepPath, Integer> idOfPath = new HashMap<>();
    /** The ids by their JSON path text, spelled on the first lookup of a text from outside. */
    private volatile Map<String, Integer> idOfJsonPath;

    /** The index of no scenario: no steps, no workers. */
    public static final StepIndex NONE = new StepIndex(List.of(), List.of());

    private StepIndex(List<Worker> workerList, List<Step> mainSteps) {
        for (int i = 0; i < workerList.size(); i++) {
            workers.add(add(workerList.get(i).steps(), BodyPath.worker(i)));
        }
        main = add(mainSteps, BodyPath.main());
    }

    public static StepIndex of(Scenario scenario) {
        return new StepIndex(scenario.workers(), scenario.main());
    }

    private Ids add(List<Step> list, BodyPath body) {
        if (list.isEmpty()) {
            return Ids.NONE;
        }
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            Step step = list.get(i);
            StepPath path = body.at(i);
            int id = steps.size();
            ids[i] = id;
            steps.add(step);
            paths.add(path);
            idOfPath.put(path, id);
            blocks.add(List.of());
            List<List<Step>> nested = step.blocks();
            List<Ids> nestedIds = new ArrayList<>(nested.size());
            for (int b = 0; b < nested.size(); b++) {
                nestedIds.add(add(nested.get(b), path.block(step.blockKeys().get(b))));
            }
            blocks.set(id, List.copyOf(nestedIds));
        }
        return new Ids(ids);
    }

    /** How many steps the scenario has, blocks included: ids are 0 to size() - 1. */
    public int size() {
        return steps.size();
    }

    public Ids main() {
        return main;
    }

    public Ids worker(int workerIndex) {
        return workers.get(workerIndex);
    }

    /** The steps of block {@code block} (in {@link Step#blocks()}'s order) of the step {@code id}. */
    public Ids block(int id, int block) {
        return blocks.get(id).get(block);
    }

    public Step step(int id) {
        return steps.get(id);
    }

    public StepPath path(int id) {
        return paths.get(id);
    }

    /** The step's JSON path ({@code $.workers[0].steps[1].do[0]}), as a trace's {@code step} event names it. */
    public String jsonPath(int id) {
        return paths.get(id).jsonPath();
    }

    public OptionalInt idOf(StepPath path) {
        Integer id = idOfPath.get(path);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The step a JSON path names, for a text that comes from outside the model (a trace's step
     * event, a problem's place, a dragged row): looked up among the paths this index spelled,
     * so only an exact one is found, and nothing is parsed.
     */
    public OptionalInt idOf(String jsonPath) {
        Integer id = textLookup().get(jsonPath);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    private Map<String, Integer> textLookup() {
        Map<String, Integer> lookup = idOfJsonPath;
        if (lookup == null) {
            // two threads may both spell it; either's immutable map is the same
            Map<String, Integer> spelled = new HashMap<>();
            for (int id = 0; id < paths.size(); id++) {
                spelled.put(paths.get(id).jsonPath(), id);
            }
            lookup = Map.copyOf(spelled);
            idOfJsonPath = lookup;
        }
        return lookup;
    }

    /** The place a JSON path names, when it names one of this scenario's steps. */
    public Optional<StepPath> find(String jsonPath) {
        OptionalInt id = idOf(jsonPath);
        return id.isPresent() ? Optional.of(path(id.getAsInt())) : Optional.empty();
    }
}
