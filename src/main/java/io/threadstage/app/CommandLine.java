package io.threadstage.app;

import io.threadstage.trace.TraceRecorder;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Dispatches the subcommands of the command line; no arguments, or a file, open the window. */
public final class CommandLine {

    /** In the order {@code --help} lists them. */
    static final List<String> SUBCOMMANDS = List.of("check", "run", "trace", "python", "render", "compare", "lessons",
            "open", "record", "convert");

    private static final String WINDOW_USAGE = "threadstage [FILE] [--run]";
    private static final List<String> HELP_WORDS = List.of("--help", "-h", "help");

    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs one command and returns its exit code. */
    public int run(String[] args) {
        if (args.length == 1 && HELP_WORDS.contains(args[0])) {
            out.print(help());
            return 0;
        }
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return subcommand(args[0]).execute(rest, out, err);
        }
        boolean runOnOpen = args.length > 0 && args[args.length - 1].equals("--run");
        if (runOnOpen) {
            args = Arrays.copyOf(args, args.length - 1);
        }
        // an option where a file goes is a mistyped flag, not a file to open in the window
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            err.print(help());
            return 2;
        }
        return DesktopLauncher.open(args.length == 1 ? args[0] : null, runOnOpen);
    }

    /**
     * The subcommand called {@code name}, made on demand: a command line loads only its own
     * subcommand's classes (a switch, not a map of constructors: a method reference would spin a
     * class of its own at run time). Every name of {@link #SUBCOMMANDS} has one.
     */
    static Subcommand subcommand(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "run" -> new RunCommand();
            case "trace" -> new TraceCommand();
            case "python" -> new PythonCommand();
            case "render" -> new RenderCommand();
            case "compare" -> new CompareCommand();
            case "lessons" -> new LessonsCommand();
            case "open" -> new OpenCommand();
            case "record" -> new RecordCommand();
            case "convert" -> new ConvertCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** Every way to call the program, one a line, and what a FILE may be. */
    static String help() {
        StringBuilder text = new StringBuilder("usage:\n  ").append(WINDOW_USAGE).append('\n');
        for (String name : SUBCOMMANDS) {
            text.append("  ").append(subcommand(name).usage()).append('\n');
        }
        return text.append("A FILE may name a built-in lesson as lesson:ID (see: threadstage lessons).\n")
                .append(traceCap()).append('\n').toString();
    }

    /** The recorder's cap, which follows this JVM's memory: a teacher planning a long run should know it. */
    static String traceCap() {
        return String.format(Locale.ROOT, "A run records at most %,d events (one per %d bytes of the memory Java may use;"
                + " java -Xmx raises it).", TraceRecorder.memoryCapacity(), TraceRecorder.BYTES_PER_EVENT_OF_MEMORY);
    }
}
