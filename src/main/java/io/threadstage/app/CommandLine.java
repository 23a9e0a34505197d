package io.threadstage.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Dispatches the subcommands of the command line; no arguments, or a file, open the window. */
public final class CommandLine {

    private static final Map<String, Subcommand> SUBCOMMANDS = Map.of(
            "check", new CheckCommand(),
            "lessons", new LessonsCommand(),
            "run", new RunCommand(),
            "python", new PythonCommand(),
            "render", new RenderCommand());

    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs one command and returns its exit code. */
    public int run(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return SUBCOMMANDS.get(args[0]).execute(rest, out, err);
        }
        boolean runOnOpen = args.length > 0 && args[args.length - 1].equals("--run");
        if (runOnOpen) {
            args = Arrays.copyOf(args, args.length - 1);
        }
        if (args.length > 1) {
            err.println("usage: threadstage [FILE] [--run] | check FILE... | run FILE [options] | python FILE"
                    + " | render TRACE.jsonl --png OUT.png | lessons");
            return 2;
        }
        return DesktopLauncher.open(args.length == 1 ? args[0] : null, runOnOpen);
    }
}
