package io.threadstage.app;

import io.threadstage.io.PythonGenerator;
import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code threadstage python FILE}: prints the scenario as a runnable Python 3 program, in UTF-8
 * whatever the locale. Runs on the thread that called the command line.
 */
final class PythonCommand implements Subcommand {

    @Override
    public String usage() {
        return "threadstage python FILE";
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: " + usage());
            return 2;
        }
        Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(args.get(0));
        } catch (ScenarioException problem) {
            err.println(problem.getMessage());
            return 2;
        }
        // a Python source file is UTF-8 (PEP 3120) whatever the locale: under LANG=C, Java 17's
        // stdout would write every character beyond ASCII as "?", changing what the program prints
        PrintStream source = new PrintStream(out, false, StandardCharsets.UTF_8);
        source.print(new PythonGenerator().generate(scenario).text());
        source.flush();
        return 0;
    }
}
