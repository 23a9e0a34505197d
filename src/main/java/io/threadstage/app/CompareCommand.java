package io.threadstage.app;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunToEnd;
import io.threadstage.export.ComparisonPicture;
import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.ComparedRun;
import io.threadstage.picture.RunComparison;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Extension {@code threadstage compare FILE [FILE2] --png OUT.png [--width W --height H] [--timeout S]}:
 * runs two scenarios (or one twice: GIL on, then free-threaded) headless and draws both stacked
 * on one time scale under their durations and the ratio. Prints that summary line on stdout.
 * Exit 0, or 2 for bad input.
 */
final class CompareCommand implements Subcommand {

    private static final String USAGE = "usage: threadstage compare FILE [FILE2] --png OUT.png [--width W --height H]"
            + " [--timeout S]";
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        String png = null;
        int width = 1920;
        int height = 1080;
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--png" -> png = value(args, ++i, arg);
                    case "--width" -> width = RenderCommand.parseSize(arg, value(args, ++i, arg));
                    case "--height" -> height = RenderCommand.parseSize(arg, value(args, ++i, arg));
                    case "--timeout" -> timeout = seconds(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(arg);
                    }
                }
            }
            if (files.isEmpty() || files.size() > 2) {
                throw new IllegalArgumentException("give one scenario (GIL on against off) or two to compare");
            }
            if (png == null) {
                throw new IllegalArgumentException("--png OUT.png is needed: the comparison is a picture");
            }
        } catch (IllegalArgumentException bad) {
            err.println("threadstage compare: " + bad.getMessage());
            err.println(USAGE);
            return RunCommand.BAD_INPUT;
        }
        List<Scenario> scenarios = new ArrayList<>();
        try {
            for (String file : files) {
                scenarios.add(new ScenarioLoader().load(file));
            }
        } catch (ScenarioException invalid) {
            err.println(invalid.getMessage());
            return RunCommand.BAD_INPUT;
        }
        Duration limit = Duration.ofSeconds(timeout);
        RunComparison comparison;
        if (scenarios.size() == 1) {
            comparison = new RunComparison(
                    new ComparedRun("GIL", RunToEnd.store(scenarios.get(0), RunOptions.defaults().withGil(true), limit)),
                    new ComparedRun("free-threaded",
                            RunToEnd.store(scenarios.get(0), RunOptions.defaults().withGil(false), limit)));
        } else {
            comparison = new RunComparison(
                    new ComparedRun(label(files.get(0)), RunToEnd.store(scenarios.get(0), RunOptions.defaults(), limit)),
                    new ComparedRun(label(files.get(1)), RunToEnd.store(scenarios.get(1), RunOptions.defaults(), limit)));
        }
        try {
            ComparisonPicture.writePng(comparison, Path.of(png), width, height, false);
        } catch (IOException failed) {
            err.println(png + ": cannot write: " + failed.getMessage());
            return RunCommand.BAD_INPUT;
        }
        out.println(comparison.summary());
        return 0;
    }

    /** A run's label from its file: the lesson's id or the file's name without {@code .json}. */
    static String label(String file) {
        String name = file.startsWith("lesson:") ? file.substring("lesson:".length())
                : Path.of(file).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int seconds(String text) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--timeout must be a whole number of seconds from 1 to 3600, not " + text);
    }
}
