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
     * The line a traced thread's {@code step} event names: the tracer writes {@code FILE:LINE} with the
     * program's file name; another file's line (a module the program imported) is not this text's.
     */
    public OptionalInt lineOf(String step) {
        String prefix = name() + ":";
        if (step == null || !step.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(step.substring(prefix.length())));
        } catch (NumberFormatException notALine) {
            return OptionalInt.empty();
        }
    }
}
