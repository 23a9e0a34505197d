package io.threadstage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a list of steps lives: {@code main}, a worker's body, or a block of a step inside
 * those. Spelled as the JSON path of the list ({@code $.main}, {@code $.workers[1].steps},
 * {@code $.main[2].do}, {@code $.main[3].task.steps}), so that {@link #at(int)} gives the
 * step paths the generator, the trace and the validator use. Immutable; any thread.
 *
 * @param worker the worker's index, or {@link #MAIN}
 * @param hops   from the root list down: which step, then which of its blocks
 */
public record BodyPath(int worker, List<Hop> hops) {

    public static final int MAIN = -1;

    /** Block keys as the document spells them. */
    public static final String DO = "do";
    public static final String TRY = "try";
    public static final String THEN = "then";
    public static final String TASK = "task.steps";

    /** One step down: the step at {@code step} of the enclosing list, then its block {@code block}. */
    public record Hop(int step, String block) {
    }

    public BodyPath {
        hops = List.copyOf(hops);
    }

    public static BodyPath main() {
        return new BodyPath(MAIN, List.of());
    }

    public static BodyPath worker(int index) {
        return new BodyPath(index, List.of());
    }

    public boolean isMain() {
        return worker == MAIN;
    }

    /** The body of block {@code block} of the step at {@code stepIndex} of this list. */
    public BodyPath into(int stepIndex, String block) {
        List<Hop> deeper = new ArrayList<>(hops);
        deeper.add(new Hop(stepIndex, block));
        return new BodyPath(worker, deeper);
    }

    public StepPath at(int index) {
        return new StepPath(this, index);
    }

    /** The step whose block this is; empty for main and a worker's body. */
    public Optional<StepPath> owner() {
        if (hops.isEmpty()) {
            return Optional.empty();
        }
        Hop last = hops.get(hops.size() - 1);
        return Optional.of(new BodyPath(worker, hops.subList(0, hops.size() - 1)).at(last.step()));
    }

    /** True when {@code step} is the owner of this list or an owner further up. */
    public boolean isInside(StepPath step) {
        Optional<StepPath> up = owner();
        while (up.isPresent()) {
            if (up.get().equals(step)) {
                return true;
            }
            up = up.get().body().owner();
        }
        return false;
    }

    /** The JSON path of the list, as problems name it; the only place that spells one. */
    public String jsonPath() {
        StringBuilder text = new StringBuilder(isMain() ? "$.main" : "$.workers[" + worker + "].steps");
        for (Hop hop : hops) {
            text.append('[').append(hop.step()).append("].").append(hop.block());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return jsonPath();
    }
}
