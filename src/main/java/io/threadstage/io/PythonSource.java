package io.threadstage.io;

import io.threadstage.model.StepIndex;
import io.threadstage.model.StepPath;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A scenario as a Python 3 program, with the line each step became.
 *
 * @param text      the program, ending with a newline
 * @param steps     the scenario's steps by id ({@link StepIndex}), as a run of it numbers them
 * @param stepLines 1-based line of each step, keyed by the step's id
 */
public record PythonSource(String text, StepIndex steps, Map<Integer, Integer> stepLines) {

    public PythonSource {
        stepLines = Map.copyOf(stepLines);
    }

    /** A text that stands for no scenario's program (a message instead): no step has a line. */
    public static PythonSource withoutSteps(String text) {
        return new PythonSource(text, StepIndex.NONE, Map.of());
    }

    /** The program whose steps the generator marked by their place. */
    static PythonSource of(String text, StepIndex steps, Map<StepPath, Integer> linesByPath) {
        Map<Integer, Integer> lines = new HashMap<>();
        linesByPath.forEach((path, line) -> steps.idOf(path).ifPresent(id -> lines.put(id, line)));
        return new PythonSource(text, steps, lines);
    }

    public OptionalInt lineOf(int stepId) {
        Integer line = stepLines.get(stepId);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    public OptionalInt lineOf(StepPath path) {
        OptionalInt id = steps.idOf(path);
        return id.isPresent() ? lineOf(id.getAsInt()) : OptionalInt.empty();
    }

    /** The line of the step a trace's {@code step} event names by its JSON path. */
    public OptionalInt lineOf(String stepJsonPath) {
        OptionalInt id = steps.idOf(stepJsonPath);
        return id.isPresent() ? lineOf(id.getAsInt()) : OptionalInt.empty();
    }
}
