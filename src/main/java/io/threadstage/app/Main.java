package io.threadstage.app;

/**
 * The program's entry point: subcommands run without a display; no arguments (or a file)
 * open the window. Deliberately not a JavaFX {@code Application}, so the shaded jar starts
 * on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(System.out, System.err).run(args));
    }
}
