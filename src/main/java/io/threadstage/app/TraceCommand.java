package io.threadstage.app;

import io.threadstage.pytrace.PythonLaunch;
import io.threadstage.pytrace.PythonTraceException;
import io.threadstage.pytrace.PythonTraceSession;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import io.threadstage.export.PngPicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code threadstage trace [--python PATH] [--trace OUT.jsonl] [--png OUT.png] [--timeout S] [--] PROGRAM.py [ARGS...]}:
 * runs a real Python program on the machine's CPython, traced live. Our options come first; the first
 * argument that is not one of them (or the one after {@code --}) is the program, and everything after
 * it is the program's own, so {@code --trace} after PROGRAM.py goes to the program. The program's
 * stdout and stderr are its own; the command exits with the program's status (2 when ours refuses,
 * 4 when it ran past {@code --timeout} and was stopped, 130 after Ctrl-C, which stops the program;
 * the trace so far is kept in both).
 */
final class TraceCommand implements Subcommand {

    private static final String USAGE = "usage: threadstage trace [--python PATH] [--trace OUT.jsonl] [--png OUT.png]"
            + " [--timeout S] [--] PROGRAM.py [ARGS...]";

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        String python = PythonLaunch.DEFAULT_PYTHON;
        String trace = null;
        String png = null;
        Double timeoutSeconds = null;
        int i = 0;
        try {
            for (; i < args.size() && args.get(i).startsWith("--"); i++) {
                String option = args.get(i);
                if (option.equals("--")) {
                    i++;
                    break;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                switch (option) {
                    case "--python" -> python = args.get(++i);
                    case "--trace" -> trace = args.get(++i);
                    case "--png" -> png = args.get(++i);
                    case "--timeout" -> timeoutSeconds = RunCommand.Arguments.number(args.get(++i), option, 0.001, 1e7);
                    default -> throw new IllegalArgumentException("unexpected argument " + option
                            + " (options go before PROGRAM.py)");
                }
            }
            if (i >= args.size()) {
                throw new IllegalArgumentException("missing PROGRAM.py");
            }
        } catch (IllegalArgumentException bad) {
            err.println("threadstage trace: " + bad.getMessage());
            err.println(USAGE);
            return RunCommand.BAD_INPUT;
        }
        String program = args.get(i);
        String unwritable = new Outputs(program, "the program being traced").add("--trace", trace).add("--png", png)
                .problem();
        if (unwritable != null) {
            err.println(unwritable);
            return RunCommand.BAD_INPUT;
        }
        PythonLaunch launch = new PythonLaunch(python, Path.of(program), args.subList(i + 1, args.size()),
                streamOf(out, System.out), streamOf(err, System.err));
        String problem = launch.problem();
        if (problem != null) {
            err.println(problem);
            return RunCommand.BAD_INPUT;
        }
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(Path.of(program).getFileName().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1.0, true));
        RunReader file = null;
        if (trace != null) {
            try {
                // the program's own output goes to the terminal itself: the reader writes the file only
                file = RunReader.filesOnly(recorder);
                file.writeTrace(Path.of(trace));
                file.start();
            } catch (IOException failed) {
                err.println("threadstage trace: cannot write " + trace + ": " + failed.getMessage());
                return RunCommand.BAD_INPUT;
            }
        }
        PythonTraceSession session;
        try {
            session = PythonTraceSession.start(launch, recorder);
        } catch (PythonTraceException refused) {
            err.println("threadstage trace: " + refused.getMessage());
            return RunCommand.BAD_INPUT;
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onExit = onInterrupt(session, file, interrupted);
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            boolean timedOut = !awaitEnd(session, timeoutSeconds);
            if (timedOut) {
                session.stop();
                session.awaitEnd(Duration.ofSeconds(5));
            }
            if (interrupted.get()) {
                return RunCommand.INTERRUPTED;
            }
            if (timedOut) {
                boolean written = finish(file, trace, err) && picture(recorder, png, err);
                err.println("threadstage trace: " + program + " did not end within " + timeoutSeconds
                        + " s; it was stopped with its threads" + (trace != null && written ? ", the trace so far kept" : ""));
                return written ? RunCommand.TIMED_OUT : RunCommand.BAD_INPUT;
            }
            if (session.failure() != null) {
                finish(file, trace, err);
                err.println("threadstage trace: " + session.failure());
                return RunCommand.BAD_INPUT;
            }
            if (!finish(file, trace, err) || !picture(recorder, png, err)) {
                return RunCommand.BAD_INPUT;
            }
            return session.exitStatus();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException ending) {
                // the process is ending (Ctrl-C): the hook finishes the trace
            }
        }
    }

    /** Whether the program ended within {@code timeoutSeconds}; without one it may run as long as it likes. */
    private static boolean awaitEnd(PythonTraceSession session, Double timeoutSeconds) {
        if (timeoutSeconds != null) {
            return session.awaitEnd(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        while (!session.awaitEnd(Duration.ofHours(1))) {
            // no end asked for
        }
        return true;
    }

    /** Ctrl-C: the program is stopped within a second, the trace so far kept with its end line. */
    private static Thread onInterrupt(PythonTraceSession session, RunReader file, AtomicBoolean interrupted) {
        if (file != null) {
            file.keepTraceAtExit();
        }
        return new Thread(() -> {
            interrupted.set(true);
            session.stop();
            session.awaitEnd(Duration.ofSeconds(2));
            if (file != null) {
                try {
                    file.awaitEnd(Duration.ofSeconds(2));
                    file.commitTrace();
                } catch (IOException ignored) {
                    // the process is ending; nothing more can be said
                }
            }
        }, "threadstage trace: end of the process");
    }

    private static boolean finish(RunReader file, String trace, PrintStream err) {
        if (file == null) {
            return true;
        }
        try {
            file.awaitEnd(Duration.ofSeconds(30));
            file.commitTrace();
            return true;
        } catch (IOException failed) {
            err.println("threadstage trace: cannot write " + trace + ": " + failed.getMessage());
            return false;
        }
    }

    private static boolean picture(TraceRecorder recorder, String png, PrintStream err) {
        if (png == null) {
            return true;
        }
        TraceStore store = new TraceStore();
        recorder.eventsInOrder().forEach(store::append);
        try {
            PngPicture.writePng(recorder.header(), store, Path.of(png), RenderCommand.DEFAULT_WIDTH,
                    RenderCommand.DEFAULT_HEIGHT, null);
            return true;
        } catch (IOException | RuntimeException failed) {
            err.println("threadstage trace: cannot write " + png + ": " + failed.getMessage());
            return false;
        }
    }

    /** Null (the program writes to our own stream directly) when {@code given} is the process's own. */
    private static OutputStream streamOf(PrintStream given, PrintStream processStream) {
        return given == processStream ? null : given;
    }
}
