package io.threadstage.io;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A scenario as a Python 3 program, with the line each step became.
 *
 * @param text        the program, ending with a newline
 * @param stepLines   1-based line of each step, keyed by the step's JSON path
 *                    ({@code $.main[2]}, {@code $.workers[0].steps[1].do[0]})
 */
public record PythonSource(String text, Map<String, Integer> stepLines) {

    public PythonSource {
        stepLines = Map.copyOf(stepLines);
    }

    public OptionalInt lineOf(String stepPath) {
        Integer line = stepLines.get(stepPath);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }
}
