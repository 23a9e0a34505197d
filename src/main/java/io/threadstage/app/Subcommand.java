package io.threadstage.app;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of the command line; returns the process's exit code. */
interface Subcommand {

    int execute(List<String> args, PrintStream out, PrintStream err);

    /** How to call it, from {@code threadstage} on: printed on a wrong call and by {@code --help}. */
    String usage();
}
