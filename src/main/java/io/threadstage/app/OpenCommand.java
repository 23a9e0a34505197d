package io.threadstage.app;

import io.threadstage.io.TraceFileException;
import io.threadstage.jfr.JavaRecording;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code threadstage open FILE [--all-threads]}: opens the window on a Java program's recording
 * ({@code .jfr}) as lanes, or on a scenario or trace as {@code threadstage FILE} does. A
 * recording is read first, so a bad one is refused here with our message and exit 2, not in a
 * dialog. The window hides the JVM's own threads; {@code --all-threads} shows them, as the
 * window's Trace > Show the JVM's Own Threads does.
 */
final class OpenCommand implements Subcommand {

    private static final String USAGE = "usage: threadstage open FILE [--all-threads]";

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        boolean allThreads = args.contains("--all-threads");
        List<String> files = args.stream().filter(arg -> !arg.equals("--all-threads")).toList();
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            err.println(files.isEmpty() ? "open: which file?" : "open: one file at a time, not " + files);
            err.println(USAGE);
            return RunCommand.BAD_INPUT;
        }
        String file = files.get(0);
        if (!TraceInput.isRecording(file)) {
            return DesktopLauncher.open(file);
        }
        try {
            // refused here, before any window, with the file and the reason on the terminal
            JavaRecording.read(Path.of(file), allThreads);
        } catch (TraceFileException bad) {
            err.println(bad.getMessage());
            return RunCommand.BAD_INPUT;
        }
        return DesktopLauncher.openRecording(file, allThreads);
    }
}
