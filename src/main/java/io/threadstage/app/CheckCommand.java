package io.threadstage.app;

import java.io.PrintStream;
import java.util.List;

/** PLACEHOLDER: see ../shared/spec/cli.md. */
final class CheckCommand implements Subcommand {

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        err.println("not yet implemented");
        return 1;
    }
}
