package io.threadstage.app;

import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.JavaRecording;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code threadstage open FILE [--all-threads]}: opens the window on a Java program's recording
 * ({@code .jfr}) as lanes, or on a scenario or trace as {@code threadstage FILE} does. A
 * recording is read first, so a bad one is refused here with our message and exit 2, not in a
 * dialog. The window hides the JVM's own threads; with {@code --all-threads} the recording is
 * handed to it as a temporary trace that keeps them.
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
        JavaRecording recording;
        try {
            recording = JavaRecording.read(Path.of(file), allThreads);
        } catch (TraceFileException bad) {
            err.println(bad.getMessage());
            return RunCommand.BAD_INPUT;
        }
        if (!allThreads) {
            return DesktopLauncher.open(file);
        }
        try {
            Path trace = Files.createTempFile("threadstage-", ".jsonl");
            trace.toFile().deleteOnExit();
            TraceWriter.write(trace, recording.header(), recording.events());
            return DesktopLauncher.open(trace.toString());
        } catch (IOException failed) {
            err.println("open: cannot write a temporary trace: " + failed.getMessage());
            return RunCommand.BAD_INPUT;
        }
    }
}
