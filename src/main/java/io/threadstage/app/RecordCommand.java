package io.threadstage.app;

import io.threadstage.io.TraceFileException;
import io.threadstage.jfr.FlightSettings;
import io.threadstage.jfr.JavaCommands;
import io.threadstage.jfr.JavaRecording;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code threadstage record [--jfr OUT.jfr] [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png
 * [--width W --height H]] [--all-threads] -- java ARGS...}: runs a Java program as a child process with the Flight
 * Recorder on (our settings, {@link FlightSettings}), its input and output passed through, waits
 * for it, then writes what was asked from the recording: the recording itself, and the trace,
 * Chrome trace and picture through {@code convert} and {@code render}. With none of those asked,
 * the recording is kept in a temporary folder and opened in the window. Exits with the program's
 * status; 2 on bad input, or when an output fails after a program that exited 0.
 */
final class RecordCommand implements Subcommand {

    private static final String USAGE = "usage: threadstage record [--jfr OUT.jfr] [--trace OUT.jsonl]"
            + " [--chrome OUT.json] [--png OUT.png [--width W --height H]] [--all-threads] -- java ARGS...";

    /** Shows a finished recording in the window; returns as the window does when it closes (0, or 1 without a display). */
    @FunctionalInterface
    interface Viewer {
        int show(Path recording, boolean jvmThreads);
    }

    private final Viewer viewer;

    RecordCommand() {
        this((recording, jvmThreads) -> DesktopLauncher.openRecording(recording.toString(), jvmThreads));
    }

    RecordCommand(Viewer viewer) {
        this.viewer = viewer;
    }

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        String jfr = null;
        String trace = null;
        String chrome = null;
        String png = null;
        List<String> size = new ArrayList<>();
        boolean allThreads = false;
        int separator = args.indexOf("--");
        List<String> options = separator < 0 ? args : args.subList(0, separator);
        for (int i = 0; i < options.size(); i++) {
            String arg = options.get(i);
            if (arg.equals("--all-threads")) {
                allThreads = true;
                continue;
            }
            boolean known = List.of("--jfr", "--trace", "--chrome", "--png", "--width", "--height").contains(arg);
            if (!known || i + 1 >= options.size()) {
                err.println("record: " + (known ? arg + " needs a value" : "unexpected argument " + arg));
                err.println(USAGE);
                return RunCommand.BAD_INPUT;
            }
            String value = options.get(++i);
            if (arg.equals("--width") || arg.equals("--height")) {
                try {
                    // checked now: a picture's size refused after the program ran would lose the run
                    RenderCommand.parseSize(arg, value);
                } catch (IllegalArgumentException bad) {
                    err.println("record: " + bad.getMessage());
                    return RunCommand.BAD_INPUT;
                }
                size.addAll(List.of(arg, value));
                continue;
            }
            switch (arg) {
                case "--jfr" -> jfr = value;
                case "--trace" -> trace = value;
                case "--chrome" -> chrome = value;
                default -> png = value;
            }
        }
        List<String> program = separator < 0 ? List.of() : args.subList(separator + 1, args.size());
        if (program.isEmpty() || !isJava(program.get(0))) {
            err.println(program.isEmpty() ? "record: which program? put the java command after --"
                    : "record: the command after -- must start with java (the Flight Recorder is Java's), not "
                    + program.get(0));
            err.println(USAGE);
            return RunCommand.BAD_INPUT;
        }
        if (!size.isEmpty() && png == null) {
            err.println("record: " + size.get(0) + " only applies to a picture: add --png OUT.png");
            return RunCommand.BAD_INPUT;
        }
        boolean toWindow = jfr == null && trace == null && chrome == null && png == null;
        // no input file: the only folder "" could name is refused as a target anyway
        String unwritable = new Outputs("", "the program").add("--jfr", jfr).add("--trace", trace)
                .add("--chrome", chrome).add("--png", png).problem();
        if (unwritable != null) {
            err.println(unwritable);
            return RunCommand.BAD_INPUT;
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("threadstage-record");
            // named after the program: the recording's name is the trace's title
            Path recording = jfr != null ? Path.of(jfr) : scratch.resolve(programName(program) + ".jfr");
            Path settings = FlightSettings.writeTemporary();
            List<String> command = new ArrayList<>();
            command.add(program.get(0));
            command.addAll(FlightSettings.jvmOptions(recording, settings));
            command.addAll(program.subList(1, program.size()));
            Integer status = runChild(command, err);
            if (status == null) {
                return RunCommand.BAD_INPUT;
            }
            if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
                err.println("record: the program left no recording in " + recording
                        + " (it ended before the Flight Recorder started?)");
                return status != 0 ? status : RunCommand.BAD_INPUT;
            }
            if (toWindow) {
                return show(recording, allThreads, status, err);
            }
            boolean written = writeOutputs(recording.toString(), trace, chrome, png, size, allThreads, out, err);
            return status != 0 || written ? status : RunCommand.BAD_INPUT;
        } catch (IOException | IllegalArgumentException failed) {
            err.println("record: " + failed.getMessage());
            return RunCommand.BAD_INPUT;
        } finally {
            if (!toWindow) {
                deleteScratch(scratch);
            }
        }
    }

    /**
     * Runs the program with this process's input and output, and returns its status, or null
     * (said on {@code err}) when it cannot start. If this process is asked to end first, the
     * program is asked too, and given a few seconds to write its recording.
     */
    private static Integer runChild(List<String> command, PrintStream err) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException cannotStart) {
            err.println("record: cannot start " + command.get(0) + ": " + cannotStart.getMessage());
            return null;
        }
        Thread onExit = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ending) {
                Thread.currentThread().interrupt();
            }
        }, "threadstage record: end of the process");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException notNow) {
                    // only the program's end ends the wait
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException ending) {
                // the process is ending already: the hook is what waits for the program now
            }
        }
    }

    /**
     * The recording checked (a bad one is said here, on the terminal), then shown; it stays where it
     * is, named on the terminal, so it can be opened again or kept.
     */
    private int show(Path recording, boolean allThreads, int status, PrintStream err) {
        try {
            JavaRecording.read(recording, allThreads);
        } catch (TraceFileException bad) {
            err.println(bad.getMessage());
            return status != 0 ? status : RunCommand.BAD_INPUT;
        }
        err.println("record: the recording is " + recording + "; opening it in the window");
        int window = viewer.show(recording, allThreads);
        return status != 0 || window == 0 ? status : window;
    }

    private static boolean writeOutputs(String recording, String trace, String chrome, String png, List<String> size,
                                        boolean allThreads, PrintStream out, PrintStream err) {
        if (trace != null || chrome != null) {
            JavaRecording read;
            try {
                read = JavaRecording.read(Path.of(recording), allThreads);
            } catch (TraceFileException bad) {
                err.println(bad.getMessage());
                return false;
            }
            if (!ConvertCommand.write(read, trace, chrome, err)) {
                return false;
            }
        }
        if (png != null) {
            List<String> render = new ArrayList<>(List.of(recording, "--png", png));
            render.addAll(size);
            if (allThreads) {
                render.add("--all-threads");
            }
            return new RenderCommand().execute(render, out, err) == 0;
        }
        return true;
    }

    static String programName(List<String> program) {
        return JavaCommands.programName(program);
    }

    private static boolean isJava(String command) {
        return JavaCommands.isJava(command);
    }

    private static void deleteScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try (var files = Files.list(scratch)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException leftBehind) {
            // a temporary folder left behind harms nothing
        }
    }
}
