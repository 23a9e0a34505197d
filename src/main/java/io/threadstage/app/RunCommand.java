package io.threadstage.app;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.PngPicture;
import io.threadstage.io.PythonGenerator;
import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code threadstage run FILE [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png] [--speed X]
 * [--timeout S] [--gil | --no-gil]}: runs a scenario headless on the real core, the program's prints on
 * stdout and its exception reports on stderr. Extension: {@code --gif OUT.gif [--fps N]} writes
 * a clip replaying the run as recorded (a run slowed by {@code --speed} plays slowed), and
 * {@code --width}/{@code --height} size the pictures. Exit codes as in cli.md: 0 completed, 1 the main
 * thread raised, 2 bad input, 3 deadlock (the cycle on stderr), 4 timed out (every thread stopped);
 * a completed run whose main thread raised SystemExit or KeyboardInterrupt exits as python3 would
 * ({@code SystemExit()} 0, {@code SystemExit(n)} n, {@code KeyboardInterrupt} 130).
 */
final class RunCommand implements Subcommand {

    static final int BAD_INPUT = 2;
    static final int DEADLOCK = 3;
    static final int TIMED_OUT = 4;
    /** As a shell reports a process ended by SIGINT (128 + 2). */
    static final int INTERRUPTED = 130;

    private static final String USAGE = "usage: threadstage run FILE [--trace OUT.jsonl] [--chrome OUT.json]"
            + " [--png OUT.png] [--gif OUT.gif] [--width W --height H] [--fps N] [--speed X] [--timeout S] [--gil | --no-gil]";

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException bad) {
            err.println("threadstage run: " + bad.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        String unwritable = arguments.outputs().problem();
        if (unwritable != null) {
            err.println(unwritable);
            return BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(arguments.file);
        } catch (ScenarioException invalid) {
            err.println(invalid.getMessage());
            return BAD_INPUT;
        }
        return run(scenario, arguments, out, err);
    }

    /** Runs a loaded scenario as the arguments say and returns the exit code. */
    int run(Scenario scenario, Arguments arguments, PrintStream out, PrintStream err) {
        RunOptions options = new RunOptions(arguments.speed, arguments.gil, RunOptions.DEFAULT_MAX_THREADS,
                stepLines(scenario));
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()),
                arguments.capacity);
        // one reader for the prints and every file: the run is read once, while it goes on
        RunReader reader = new RunReader(recorder, out, err);
        if (arguments.trace != null) {
            try {
                reader.writeTrace(Path.of(arguments.trace));
            } catch (IOException failed) {
                err.println("threadstage run: cannot write " + arguments.trace + ": " + failed.getMessage());
                return BAD_INPUT;
            }
        }
        if (arguments.chrome != null) {
            reader.writeChrome(Path.of(arguments.chrome));
        }
        if (arguments.png != null || arguments.gif != null) {
            reader.fillStore();
        }
        reader.start();
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onExit = onInterrupt(run, reader, arguments.trace, interrupted, err);
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            boolean timedOut = !awaitEnd(run, arguments.timeoutSeconds);
            if (timedOut) {
                run.stop();
                run.awaitEnd(Duration.ofSeconds(5));
            }
            // an ended run's end event is recorded: wait for the reader to get there; else keep what there is
            reader.awaitEnd(run.isFinished() ? Duration.ofDays(1) : Duration.ofSeconds(1));
            out.flush();
            if (interrupted.get()) {
                // the process is ending: the hook keeps the trace and says so; the rest is not written
                return INTERRUPTED;
            }
            if (!writeFiles(recorder, reader, arguments, scenario.lesson(), err)) {
                return BAD_INPUT;
            }
            RunResult result = run.result().orElse(null);
            if (timedOut || result == null) {
                err.println("threadstage run: timed out after " + arguments.timeoutSeconds
                        + " s; every thread of the run was stopped");
                return TIMED_OUT;
            }
            return exitCode(result, err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException ending) {
                // the process is ending already (Ctrl-C): the hook is what finishes the trace now
            }
            if (!interrupted.get()) {
                reader.close();
            }
        }
    }

    /**
     * What Ctrl-C (or any end of the process before the run's) does: the run ends with outcome
     * {@code interrupted}, so the trace's last line says why it stops there, and the trace so
     * far is kept; the JVM then exits 130, as a shell reports a process ended by SIGINT. Other
     * outputs being written are abandoned with their part files ({@link io.threadstage.io.AtomicFile}).
     */
    private static Thread onInterrupt(ScenarioRun run, RunReader reader, String traceName, AtomicBoolean interrupted,
                                      PrintStream err) {
        reader.keepTraceAtExit();
        return new Thread(() -> {
            interrupted.set(true);
            boolean cutShort = !run.isFinished();
            run.interrupt();
            run.awaitEnd(Duration.ofSeconds(3));
            reader.awaitEnd(Duration.ofSeconds(3));
            String kept = "";
            if (traceName != null) {
                try {
                    reader.commitTrace();
                    kept = "; the trace so far is in " + traceName;
                } catch (IOException failed) {
                    kept = "; cannot write " + traceName + ": " + failed.getMessage();
                }
            }
            if (cutShort) {
                err.println("threadstage run: interrupted" + kept);
            }
            err.flush();
        }, "threadstage run: end of the process");
    }

    /**
     * Moves the files the reader wrote during the run into place, then draws the pictures from
     * the store it filled. None makes a list of the events, so a run's memory stays the
     * recorder's (24 bytes an event) plus the stage's.
     */
    private static boolean writeFiles(TraceRecorder recorder, RunReader reader, Arguments arguments, String caption,
                                      PrintStream err) {
        String current = null;
        try {
            current = arguments.trace;
            reader.commitTrace();
            current = arguments.chrome;
            reader.commitChrome();
        } catch (IOException | RuntimeException failed) {
            err.println("threadstage run: cannot write " + current + ": " + failed.getMessage());
            return false;
        }
        if (arguments.png == null && arguments.gif == null) {
            return true;
        }
        TraceStore store = reader.store();
        if (arguments.png != null) {
            try {
                // the same picture as `render`: the stage in presentation mode, 1920x1080 unless asked otherwise
                PngPicture.writePng(recorder.header(), store, Path.of(arguments.png),
                        arguments.width == null ? RenderCommand.DEFAULT_WIDTH : arguments.width,
                        arguments.height == null ? RenderCommand.DEFAULT_HEIGHT : arguments.height,
                        caption == null || caption.isBlank() ? null : caption.strip());
            } catch (IOException | RuntimeException failed) {
                err.println("threadstage run: cannot write " + arguments.png + ": " + failed.getMessage());
                return false;
            }
        }
        if (arguments.gif != null) {
            // the run was recorded at its own (possibly slowed) pace: the clip replays that pace
            ClipSettings settings = ClipSettings.of(
                    arguments.width == null ? ClipSettings.DEFAULT_WIDTH : arguments.width,
                    arguments.height == null ? ClipSettings.DEFAULT_HEIGHT : arguments.height,
                    arguments.fps == null ? ClipSettings.DEFAULT_FPS : arguments.fps, 1);
            return ClipOptions.writeGif(recorder.header(), store, arguments.gif, settings, "threadstage run", err);
        }
        return true;
    }

    private static int exitCode(RunResult result, PrintStream err) {
        if (result.outcome() == Outcome.DEADLOCK) {
            err.println("deadlock: " + result.deadlockCycle());
            return DEADLOCK;
        }
        if (result.outcome() == Outcome.ERROR) {
            err.println("threadstage run: " + result.message());
            return BAD_INPUT;
        }
        if (result.outcome() == Outcome.STOPPED) {
            return TIMED_OUT;
        }
        if (result.outcome() == Outcome.INTERRUPTED) {
            return INTERRUPTED;
        }
        // python3's own status: 1 for an uncaught exception, SystemExit's code, 130 for KeyboardInterrupt
        return result.exitStatus();
    }

    private static boolean awaitEnd(ScenarioRun run, Double timeoutSeconds) {
        if (timeoutSeconds != null) {
            return run.awaitEnd(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        while (!run.awaitEnd(Duration.ofHours(1))) {
            // no timeout asked for: deadlocks end by themselves, a long lesson may take its time
        }
        return true;
    }

    /** The generated program's line of each step id, so tracebacks name the line a step became. */
    private static Map<Integer, Integer> stepLines(Scenario scenario) {
        try {
            return new PythonGenerator().generate(scenario).stepLines();
        } catch (RuntimeException notAvailable) {
            return Map.of();
        }
    }

    /** The parsed command line of {@code run}. */
    static final class Arguments {
        String file;
        String trace;
        String chrome;
        String png;
        String gif;
        Integer width;
        Integer height;
        Integer fps;
        Double speed;
        Double timeoutSeconds;
        /** null: the scenario's own setting; false: a free-threaded build. */
        Boolean gil;
        /** The most events the run may record: what this JVM's memory allows (tests set less). */
        long capacity = TraceRecorder.memoryCapacity();

        /** Every file the run will write, to check before it starts. */
        Outputs outputs() {
            return new Outputs(file, "the scenario being run").add("--trace", trace).add("--chrome", chrome)
                    .add("--png", png).add("--gif", gif);
        }

        static Arguments parse(List<String> args) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--trace" -> parsed.trace = value(args, ++i, arg);
                    case "--chrome" -> parsed.chrome = value(args, ++i, arg);
                    case "--png" -> parsed.png = value(args, ++i, arg);
                    case "--gif" -> parsed.gif = value(args, ++i, arg);
                    case "--width" -> parsed.width = RenderCommand.parseSize(arg, value(args, ++i, arg));
                    case "--height" -> parsed.height = RenderCommand.parseSize(arg, value(args, ++i, arg));
                    case "--fps" -> parsed.fps = ClipOptions.fps(arg, value(args, ++i, arg));
                    case "--speed" -> parsed.speed = number(value(args, ++i, arg), arg, 0.05, 20);
                    case "--timeout" -> parsed.timeoutSeconds = number(value(args, ++i, arg), arg, 0.001, 1e7);
                    case "--gil" -> parsed.gil = Boolean.TRUE;
                    case "--no-gil" -> parsed.gil = Boolean.FALSE;
                    default -> {
                        if (arg.startsWith("--") || parsed.file != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        parsed.file = arg;
                    }
                }
            }
            if (parsed.file == null) {
                throw new IllegalArgumentException("missing FILE");
            }
            if (parsed.fps != null && parsed.gif == null) {
                throw new IllegalArgumentException("--fps only applies to a clip: add --gif OUT.gif");
            }
            if ((parsed.width != null || parsed.height != null) && parsed.gif == null && parsed.png == null) {
                throw new IllegalArgumentException((parsed.width != null ? "--width" : "--height")
                        + " only applies to a picture: add --png OUT.png or --gif OUT.gif");
            }
            return parsed;
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }

        static double number(String text, String option, double min, double max) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                throw new IllegalArgumentException(option + " needs a number, not " + text);
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(option + " must be within " + min + ".." + max + ", not " + text);
            }
            return value;
        }
    }
}
