package io.threadstage.pytrace;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to trace: the interpreter to run ({@code python3} on the PATH unless the user names one), the
 * program and its arguments, and where its stdout and stderr go (null: the program writes straight to
 * ours, so a terminal stays a terminal and its output is line-buffered as without ThreadStage).
 */
public record PythonLaunch(String python, Path program, List<String> args, OutputStream out, OutputStream err) {

    public static final String DEFAULT_PYTHON = "python3";

    public PythonLaunch {
        args = List.copyOf(args);
    }

    /** The program's problem as one line ({@code FILE: why}), or null when it can be run. */
    public String problem() {
        if (!program.getFileName().toString().endsWith(".py")) {
            return program + ": not a Python program (threadstage trace runs a .py file)";
        }
        if (!Files.exists(program)) {
            return program + ": no such file";
        }
        if (!Files.isRegularFile(program) || !Files.isReadable(program)) {
            return program + ": cannot read: not a readable file";
        }
        return null;
    }
}
