package io.threadstage.ui.run;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A real Python program the window runs: its file and its text as read when it started, which the
 * code view shows in place of a scenario's generated Python. Immutable; any thread.
 */
public record ProgramText(Path file, String text) {

    public String name() {
        return file.getFileName().toString();
    }

    /**
     * The line a traced thread's {@code step} event names: the tracer reports the lines of the
     * program's own file only, and a program's step id is that line.
     */
    public OptionalInt lineOf(int stepId) {
        return stepId >= 1 ? OptionalInt.of(stepId) : OptionalInt.empty();
    }
}
