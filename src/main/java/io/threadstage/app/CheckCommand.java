package io.threadstage.app;

import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code threadstage check FILE...}: validates scenarios and prints one line per file on
 * stdout, {@code FILE: ok} or the load error, in the order given. Exit 0 when all are valid,
 * 2 when any is not (or no file is given). Runs on the calling thread.
 */
final class CheckCommand implements Subcommand {

    @Override
    public String usage() {
        return "threadstage check FILE...";
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: " + usage() + "  (a FILE may be lesson:ID)");
            return 2;
        }
        ScenarioLoader loader = new ScenarioLoader();
        boolean allValid = true;
        for (String file : args) {
            try {
                loader.load(file);
                out.println(file + ": ok");
            } catch (ScenarioException e) {
                out.println(e.getMessage());
                allValid = false;
            }
        }
        return allValid ? 0 : 2;
    }
}
