package io.threadstage.bench;

import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ours against CPython, process to process, JVM start included: {@code java [JVM options] -jar
 * target/threadstage.jar run FILE --trace OUT.jsonl} beside {@code python3 FILE.py}, the program
 * {@code threadstage python FILE} prints (generated once, before anything is timed). Rounds
 * alternate (ours, CPython, ours, CPython ...) so both see the same background load; each run's
 * stdout must equal CPython's. Both interpreter modes: with the GIL ({@code --gil}) and
 * free-threaded ({@code --no-gil}; if the jar refuses that flag, no flag: the scenario's own
 * setting, and the output says so). Goal: ours/CPython at most 1.0 (ratio of medians).
 *
 * <p>Then, unless {@code --phases 0}, where our process's time goes: {@link RunPhases} does what
 * {@code run} does, step by step, in a fresh JVM (3 runs by default, medians). Then, unless
 * {@code --in-run 0}, the cost of recording inside a run, in this process ({@link InRunRecordingBench}).
 *
 * <p>Run from the project folder after {@code mvn -B -q package -DskipTests} and
 * {@code mvn -B -q -Pbench test-compile}:
 * <pre>
 * java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.CPythonSpeedBench [--rounds 7]
 *     [--scenarios lock-storm,bounded-queue,thousand-threads] [--modes gil,no-gil]
 *     [--jvm "-XX:SharedArchiveFile=target/threadstage.jsa"] [--python python3] [--jar target/threadstage.jar]
 *     [--phases 3] [--in-run 5]
 * </pre>
 * Owned by its main thread.
 */
public final class CPythonSpeedBench {

    static final String DEFAULT_SCENARIOS = "lock-storm,bounded-queue,thousand-threads";
    static final Path SCENARIO_DIR = Path.of("src", "jmh", "resources", "speed");
    private static final long TIMEOUT_SECONDS = 600;
    private static final String USAGE = "usage: CPythonSpeedBench [--rounds N] [--warmup N] [--scenarios a,b|FILE.json]"
            + " [--modes gil,no-gil] [--jvm \"OPTIONS\"] [--java PATH] [--python PATH] [--jar PATH] [--phases N]"
            + " [--in-run N]";

    private CPythonSpeedBench() {
    }

    /** The command line. */
    static final class Options {
        int rounds = 7;
        int warmup = 1;
        List<String> scenarios = List.of(DEFAULT_SCENARIOS.split(","));
        List<String> modes = List.of("gil", "no-gil");
        List<String> jvm = new ArrayList<>();
        String java = ChildProcesses.javaLauncher();
        String python = "python3";
        Path jar = Path.of("target", "threadstage.jar");
        int inRunRounds = 5;
        int phaseRuns = 3;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    throw new IllegalArgumentException("");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--scenarios" -> o.scenarios = List.of(value.split(","));
                    case "--modes" -> o.modes = List.of(value.split(","));
                    case "--jvm" -> o.jvm.addAll(ChildProcesses.words(value));
                    case "--java" -> o.java = value;
                    case "--python" -> o.python = value;
                    case "--jar" -> o.jar = Path.of(value);
                    case "--in-run" -> o.inRunRounds = Integer.parseInt(value);
                    case "--phases" -> o.phaseRuns = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.rounds < 0) {
                throw new IllegalArgumentException("--rounds must be at least 0 (0: only --phases and --in-run)");
            }
            for (String mode : o.modes) {
                if (!mode.equals("gil") && !mode.equals("no-gil")) {
                    throw new IllegalArgumentException("a mode is gil or no-gil, not " + mode);
                }
            }
            return o;
        }
    }

    /** A scenario by name ({@code lock-storm}: the file in src/jmh/resources/speed) or by path. */
    static Path scenarioFile(String nameOrPath) {
        return nameOrPath.endsWith(".json") ? Path.of(nameOrPath) : SCENARIO_DIR.resolve(nameOrPath + ".json");
    }

    static String scenarioName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            if (!bad.getMessage().isEmpty()) {
                System.err.println("CPythonSpeedBench: " + bad.getMessage());
            }
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("cpython-speed");
        String loadBefore = ChildProcesses.loadAverage();
        System.out.printf("CPythonSpeedBench, %s, %d rounds (+%d warm-up), load average %s (1/5/15 min)%n",
                ChildProcesses.nowUtc(), options.rounds, options.warmup, loadBefore);
        System.out.println("command: " + ChildProcesses.joined(args));
        System.out.println("ours:    " + options.java + " " + String.join(" ", options.jvm) + " -jar " + options.jar
                + " run FILE --trace OUT.jsonl MODE");
        System.out.println("CPython: " + options.python + " FILE.py ("
                + ChildProcesses.firstLine(version(List.of(options.python, "--version"), work)) + ")");
        System.out.println("JVM:     " + ChildProcesses.firstLine(version(List.of(options.java, "-version"), work)));

        Map<String, List<String>> modeFlags = modeFlags(options, work);
        List<Row> rows = new ArrayList<>();
        int mismatches = 0;
        for (String name : options.rounds == 0 ? List.<String>of() : options.scenarios) {
            Path file = scenarioFile(name).toAbsolutePath();
            Path program = generatePython(options, file, work);
            ChildProcesses.Finished reference = ChildProcesses.run(List.of(options.python, program.toString()), work,
                    TIMEOUT_SECONDS);
            if (reference.exit() != 0) {
                throw new IllegalStateException("CPython failed on " + program + ": " + reference.stderr());
            }
            for (String mode : options.modes) {
                Row row = measure(options, file, program, mode, modeFlags.get(mode), reference.stdout(), work);
                rows.add(row);
                mismatches += row.mismatches;
            }
        }
        String loadAfter = ChildProcesses.loadAverage();
        if (rows.isEmpty()) {
            System.out.println("(--rounds 0: no process rounds)");
        }
        System.out.println();
        System.out.printf("Process to process, JVM start included; wall ms, median (min..max) of %d rounds;"
                + " load average %s before, %s after%n", options.rounds, loadBefore, loadAfter);
        System.out.println("(per-round): median of the round-by-round ratios; CPU: median user + system ms of the"
                + " process, which a loaded machine inflates less than wall time");
        System.out.printf("%-17s %-7s %-9s %-22s %-22s %12s %11s %8s %9s %9s %9s  %s%n", "scenario", "mode", "flag",
                "ours ms", "CPython ms", "ours/CPython", "(per-round)", "goal<=1", "ours CPU", "CPy CPU", "CPU ratio",
                "stdout");
        for (Row row : rows) {
            double ratio = ChildProcesses.median(row.ours) / ChildProcesses.median(row.cpython);
            System.out.printf(Locale.ROOT, "%-17s %-7s %-9s %-22s %-22s %12.2f %11.2f %8s %9.0f %9.0f %9.2f  %s%n",
                    row.scenario, row.mode, row.flag, spread(row.ours), spread(row.cpython), ratio,
                    ChildProcesses.medianRatio(row.ours, row.cpython), ratio <= 1.0 ? "met" : "not met",
                    ChildProcesses.median(row.oursCpu), ChildProcesses.median(row.cpythonCpu),
                    ChildProcesses.median(row.oursCpu) / ChildProcesses.median(row.cpythonCpu),
                    row.mismatches == 0 ? "agrees (" + ChildProcesses.firstLine(row.expected) + ")"
                            : "DIFFERS in " + row.mismatches + " of " + row.runs + " runs (warm-up included), e.g. "
                                    + row.example + " against " + ChildProcesses.firstLine(row.expected));
        }
        if (options.phaseRuns > 0) {
            System.out.println();
            phases(options, work);
        }
        if (options.inRunRounds > 0) {
            System.out.println();
            List<Path> files = options.scenarios.stream().map(s -> scenarioFile(s).toAbsolutePath()).toList();
            InRunRecordingBench.report(files, options.modes, options.inRunRounds, System.out);
        }
        System.exit(mismatches == 0 ? 0 : 1);
    }

    /** One scenario in one mode: the timed rounds. */
    private static final class Row {
        String scenario;
        String mode;
        String flag;
        String expected;
        String example;
        int mismatches;
        int runs;
        final List<Double> ours = new ArrayList<>();
        final List<Double> cpython = new ArrayList<>();
        final List<Double> oursCpu = new ArrayList<>();
        final List<Double> cpythonCpu = new ArrayList<>();
    }

    private static Row measure(Options options, Path file, Path program, String mode, List<String> flag,
            String expected, Path work) throws IOException, InterruptedException {
        Row row = new Row();
        row.scenario = scenarioName(file);
        row.mode = mode;
        row.flag = flag.isEmpty() ? "(none)" : String.join(" ", flag);
        row.expected = expected;
        Path trace = work.resolve(row.scenario + ".jsonl");
        List<String> ours = new ArrayList<>();
        ours.add(options.java);
        ours.addAll(options.jvm);
        ours.addAll(List.of("-jar", options.jar.toAbsolutePath().toString(), "run", file.toString(), "--trace",
                trace.toString()));
        ours.addAll(flag);
        List<String> cpython = List.of(options.python, program.toString());
        System.out.printf("%s, %s:", row.scenario, mode);
        for (int round = -options.warmup; round < options.rounds; round++) {
            Files.deleteIfExists(trace);
            ChildProcesses.Finished our = ChildProcesses.run(ours, work, TIMEOUT_SECONDS, true);
            ChildProcesses.Finished their = ChildProcesses.run(cpython, work, TIMEOUT_SECONDS, true);
            if (our.exit() != 0) {
                throw new IllegalStateException("ours exited " + our.exit() + " on " + row.scenario + ": "
                        + our.stderr());
            }
            if (!their.stdout().equals(expected)) {
                throw new IllegalStateException("CPython printed " + their.stdout() + " after " + expected);
            }
            row.runs++;
            if (!our.stdout().equals(expected)) {
                row.mismatches++;
                row.example = ChildProcesses.firstLine(our.stdout());
            }
            if (round >= 0) {
                row.ours.add(our.millis());
                row.cpython.add(their.millis());
                row.oursCpu.add(our.cpuMillis());
                row.cpythonCpu.add(their.cpuMillis());
                System.out.printf(Locale.ROOT, " %.0f/%.0f", our.millis(), their.millis());
            }
        }
        System.out.println(" ms (ours/CPython)");
        return row;
    }

    /** Where our process's time goes, step by step, each scenario in each mode ({@link RunPhases}). */
    private static void phases(Options options, Path work) throws Exception {
        String classes = Path.of(RunPhases.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String[] names = {"start", "load", "python", "run", "events", "write"};
        System.out.printf("Where our process's time goes (RunPhases: what `run` does, step by step, in a fresh JVM;"
                + " median of %d runs, ms; load average %s)%n", options.phaseRuns, ChildProcesses.loadAverage());
        System.out.printf("%-26s %7s %7s %7s %8s %7s %7s %7s %8s %9s%n", "scenario mode", "JVM", "load", "python",
                "run", "events", "write", "exit", "total", "events#");
        for (String name : options.scenarios) {
            Path file = scenarioFile(name).toAbsolutePath();
            for (String mode : options.modes) {
                Map<String, List<Double>> phases = new LinkedHashMap<>();
                for (String phase : names) {
                    phases.put(phase, new ArrayList<>());
                }
                phases.put("exit", new ArrayList<>());
                phases.put("total", new ArrayList<>());
                phases.put("count", new ArrayList<>());
                for (int i = 0; i < options.phaseRuns; i++) {
                    List<String> command = new ArrayList<>();
                    command.add(options.java);
                    command.addAll(options.jvm);
                    command.addAll(List.of("-cp", options.jar.toAbsolutePath() + java.io.File.pathSeparator + classes,
                            RunPhases.class.getName(), Long.toString(System.currentTimeMillis()), file.toString(),
                            work.resolve("phases.jsonl").toString(), mode));
                    ChildProcesses.Finished finished = ChildProcesses.run(command, work, TIMEOUT_SECONDS);
                    java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                            "phases start=(\\d+) load=([\\d.]+) python=([\\d.]+) run=([\\d.]+) events=([\\d.]+)"
                                    + " write=([\\d.]+) count=(\\d+)").matcher(finished.stderr());
                    if (finished.exit() != 0 || !line.find()) {
                        throw new IllegalStateException("RunPhases failed: " + finished.stderr());
                    }
                    double sum = 0;
                    for (int k = 0; k < names.length; k++) {
                        double ms = Double.parseDouble(line.group(k + 1));
                        phases.get(names[k]).add(ms);
                        sum += ms;
                    }
                    phases.get("exit").add(finished.millis() - sum);
                    phases.get("total").add(finished.millis());
                    phases.get("count").add(Double.parseDouble(line.group(7)));
                }
                System.out.printf(Locale.ROOT, "%-26s %7.0f %7.0f %7.0f %8.0f %7.0f %7.0f %7.0f %8.0f %9.0f%n",
                        scenarioName(file) + " " + mode, ChildProcesses.median(phases.get("start")),
                        ChildProcesses.median(phases.get("load")), ChildProcesses.median(phases.get("python")),
                        ChildProcesses.median(phases.get("run")), ChildProcesses.median(phases.get("events")),
                        ChildProcesses.median(phases.get("write")), ChildProcesses.median(phases.get("exit")),
                        ChildProcesses.median(phases.get("total")), ChildProcesses.median(phases.get("count")));
            }
        }
        System.out.println("  JVM: from the parent's clock reading before starting the process to main (ms"
                + " resolution); load: reading and validating the scenario; python: generating the program (for");
        System.out.println("  traceback lines); run: ScenarioRun.start to awaitEnd; events: the recorder's events"
                + " as a list; write: the JSON Lines trace; exit: the rest of the wall time (System.exit, the"
                + " JVM's end).");
    }

    private static String spread(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f (%.0f..%.0f)", ChildProcesses.median(values),
                ChildProcesses.min(values), ChildProcesses.max(values));
    }

    /**
     * The flag each mode passes: {@code --gil}, and {@code --no-gil} if this jar takes it (tried on a
     * one-line scenario); otherwise none, which runs the scenario's own setting (gil=false unless its
     * settings say otherwise, checked here).
     */
    private static Map<String, List<String>> modeFlags(Options options, Path work)
            throws IOException, InterruptedException {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("gil", List.of("--gil"));
        if (!options.modes.contains("no-gil")) {
            return flags;
        }
        Path probe = work.resolve("probe.json");
        Files.writeString(probe, "{\"format\": \"threadstage/1\", \"title\": \"probe\", \"main\": [{\"print\": \"ok\"}]}",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(options.java);
        command.addAll(options.jvm);
        command.addAll(List.of("-jar", options.jar.toAbsolutePath().toString(), "run", probe.toString(), "--no-gil"));
        ChildProcesses.Finished tried = ChildProcesses.run(command, work, 60);
        if (tried.exit() == 0) {
            flags.put("no-gil", List.of("--no-gil"));
            return flags;
        }
        System.out.println("note: this jar refuses --no-gil (exit " + tried.exit() + ": "
                + ChildProcesses.firstLine(tried.stderr()) + "); the free-threaded rounds pass no flag,"
                + " which runs each scenario's own setting");
        for (String name : options.scenarios) {
            try {
                if (new ScenarioLoader().load(scenarioFile(name)).settings().gil()) {
                    System.out.println("warning: " + name + " sets gil=true itself: its no-gil rounds run WITH the GIL");
                }
            } catch (ScenarioException invalid) {
                throw new IllegalArgumentException(invalid.getMessage(), invalid);
            }
        }
        flags.put("no-gil", List.of());
        return flags;
    }

    private static Path generatePython(Options options, Path file, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(options.java);
        command.addAll(options.jvm);
        command.addAll(List.of("-jar", options.jar.toAbsolutePath().toString(), "python", file.toString()));
        ChildProcesses.Finished generated = ChildProcesses.run(command, work, 120);
        if (generated.exit() != 0) {
            throw new IllegalStateException("threadstage python " + file + " exited " + generated.exit() + ": "
                    + generated.stderr());
        }
        Path program = work.resolve(scenarioName(file) + ".py");
        Files.writeString(program, generated.stdout(), StandardCharsets.UTF_8);
        return program;
    }

    private static String version(List<String> command, Path work) throws IOException, InterruptedException {
        ChildProcesses.Finished finished = ChildProcesses.run(command, work, 60);
        return finished.stdout().isBlank() ? finished.stderr() : finished.stdout();
    }
}
