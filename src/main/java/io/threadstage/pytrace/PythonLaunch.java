package io.threadstage.pytrace;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to trace: the interpreter to run ({@code python3} on the PATH unless the user names one), the
 * program and its arguments, and where its stdout and stderr go (null: the program writes straight to
 * ours, so a terminal stays a terminal and its output is line-buffered as without ThreadStage).
 *
 * @param recordOutput the program's {@code sys.stdout} and {@code sys.stderr} lines become the trace's
 *                     {@code print} and error-report events, written by the thread that wrote them, and
 *                     go nowhere else (a window's console shows them from the trace); {@code out} and
 *                     {@code err} are then null
 */
public record PythonLaunch(String python, Path program, List<String> args, OutputStream out, OutputStream err,
                           boolean recordOutput) {

    public static final String DEFAULT_PYTHON = "python3";

    public PythonLaunch {
        args = List.copyOf(args);
        if (recordOutput && (out != null || err != null)) {
            throw new IllegalArgumentException("recorded output goes into the trace, not to streams");
        }
    }

    /** The program's output passes through: to {@code out} and {@code err}, or to ours where null. */
    public PythonLaunch(String python, Path program, List<String> args, OutputStream out, OutputStream err) {
        this(python, program, args, out, err, false);
    }

    /** A program for the window: its output lines are recorded in the trace, nothing is passed through. */
    public static PythonLaunch recorded(String python, Path program, List<String> args) {
        return new PythonLaunch(python, program, args, null, null, true);
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
