package io.threadstage.app;

import io.threadstage.io.AtomicFile;
import io.threadstage.io.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one command will write, checked together before it reads or runs anything: each
 * must be writable ({@link AtomicFile#problem}), none may be the command's input (a trace
 * written over the scenario it came from would lose the teacher's work) and no two may be the
 * same file. A problem found after a long run would lose the run, and change its exit code.
 * One command's use; one thread.
 */
final class Outputs {

    private final String input;
    private final String inputRole;
    private final List<String> options = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    /**
     * @param input     the file the command reads (or {@code lesson:ID}, which no output can be)
     * @param inputRole what the input is, for the message: "the scenario being run"
     */
    Outputs(String input, String inputRole) {
        this.input = input;
        this.inputRole = inputRole;
    }

    /** Adds {@code target} as given to {@code option}; a null target (the option not given) is skipped. */
    Outputs add(String option, String target) {
        if (target != null) {
            options.add(option);
            targets.add(target);
        }
        return this;
    }

    /** The first problem as one line for stderr ({@code OUT: cannot write: why}), or null when every target is fine. */
    String problem() {
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            Path path;
            try {
                path = Path.of(target);
            } catch (InvalidPathException notAPath) {
                return target + ": cannot write: not a valid file name";
            }
            String why = AtomicFile.problem(path);
            if (why == null && !input.startsWith(ScenarioLoader.LESSON_PREFIX) && sameFile(input, target)) {
                why = "it is " + inputRole;
            }
            for (int j = 0; why == null && j < i; j++) {
                if (sameFile(targets.get(j), target)) {
                    why = "it is given to both " + options.get(j) + " and " + options.get(i);
                }
            }
            if (why != null) {
                return target + ": cannot write: " + why;
            }
        }
        return null;
    }

    /** Whether two names given on the command line are one file: through links, and even when neither exists yet. */
    private static boolean sameFile(String a, String b) {
        try {
            Path first = Path.of(a);
            Path second = Path.of(b);
            if (Files.exists(first) && Files.exists(second)) {
                return Files.isSameFile(first, second);
            }
            return first.toAbsolutePath().normalize().equals(second.toAbsolutePath().normalize());
        } catch (InvalidPathException | IOException | SecurityException unknown) {
            return false;
        }
    }
}
