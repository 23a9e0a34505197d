package io.threadstage.bench;

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
 * Where the time of {@code java -jar target/threadstage.jar run tiny.json --trace OUT.jsonl} goes
 * before and around a scenario that does nothing but print one line: the same command under
 * several JVM options (CDS off, an AppCDS archive, C1 only, the serial collector, heap and stack
 * sizes ...), beside the floor (an empty {@code main} on the class path) and {@code --help}
 * (the JVM plus opening the jar). Configurations run in alternating rounds, so all see the same
 * background load; prints the median, min and max wall time of each and its median difference
 * to {@code default} round by round, then how many classes each configuration loads and from where
 * ({@code -Xlog:class+load}).
 *
 * <p>The AppCDS archives are made here, in a temporary folder, by a training run of the same
 * command: a dynamic one ({@code -XX:ArchiveClassesAtExit}, layered on the JDK's own archive) and
 * a static one ({@code -XX:DumpLoadedClassList} then {@code -Xshare:dump}).
 *
 * <p>Run from the project folder after {@code mvn -B -q package -DskipTests} and
 * {@code mvn -B -q -Pbench test-compile}:
 * {@code java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.JvmStartBench [--rounds 11]
 * [--jar target/threadstage.jar] [--scenario FILE] [--run-args "--gil"] [--only a,b] [--extra "label=OPTIONS"]
 * [--extra "label=jar:OTHER.jar OPTIONS"]}: {@code --extra} adds a configuration (repeatable), {@code jar:}
 * runs another build of the jar, to compare a code change.
 * Owned by its main thread.
 */
public final class JvmStartBench {

    private static final String FLOOR = "floor: empty main";
    private static final String HELP = "-jar --help";
    private static final String DEFAULT = "default";

    private JvmStartBench() {
    }

    /** The floor: a JVM that loads one class of its own and ends. */
    public static final class EmptyMain {
        private EmptyMain() {
        }

        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 11;
        Path jar = Path.of("target", "threadstage.jar").toAbsolutePath();
        Path scenario = null;
        List<String> only = null;
        List<String> runArgs = List.of();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]).toAbsolutePath();
                case "--scenario" -> scenario = Path.of(args[i + 1]).toAbsolutePath();
                case "--only" -> only = List.of(args[i + 1].split(","));
                case "--run-args" -> runArgs = ChildProcesses.words(args[i + 1]);
                case "--extra" -> {
                    String[] labelled = args[i + 1].split("=", 2);
                    extra.put(labelled[0], labelled[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("jvm-start");
        if (scenario == null) {
            scenario = work.resolve("tiny.json");
            Files.writeString(scenario, "{\"format\": \"threadstage/1\", \"title\": \"tiny\","
                    + " \"main\": [{\"print\": \"hello\"}]}", StandardCharsets.UTF_8);
        }
        String java = ChildProcesses.javaLauncher();
        List<String> run = new ArrayList<>(List.of("-jar", jar.toString(), "run", scenario.toString(), "--trace",
                work.resolve("out.jsonl").toString()));
        run.addAll(runArgs);
        Path dynamicArchive = work.resolve("dynamic.jsa");
        Path staticArchive = work.resolve("static.jsa");
        makeArchives(java, run, jar, dynamicArchive, staticArchive, work);

        Map<String, List<String>> configs = new LinkedHashMap<>();
        String testClasses = Path.of(EmptyMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        configs.put(FLOOR, List.of("-cp", testClasses, EmptyMain.class.getName()));
        configs.put(HELP, List.of("-jar", jar.toString(), "--help"));
        configs.put(DEFAULT, run);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("-Xshare:off", "-Xshare:off");
        options.put("AppCDS dynamic", "-XX:SharedArchiveFile=" + dynamicArchive);
        options.put("AppCDS static", "-XX:SharedArchiveFile=" + staticArchive);
        options.put("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=1");
        options.put("-XX:+UseSerialGC", "-XX:+UseSerialGC");
        options.put("-Xms8m -Xmx256m", "-Xms8m -Xmx256m");
        options.put("-Xss256k", "-Xss256k");
        options.put("-XX:-UsePerfData", "-XX:-UsePerfData");
        options.put("no verification (info)", "-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote");
        options.put("AppCDS dyn + C1 + Serial", "-XX:SharedArchiveFile=" + dynamicArchive
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData");
        options.put("AppCDS static + C1 + Serial", "-XX:SharedArchiveFile=" + staticArchive
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData");
        options.putAll(extra);
        for (Map.Entry<String, String> option : options.entrySet()) {
            List<String> words = ChildProcesses.words(option.getValue());
            List<String> command = new ArrayList<>();
            List<String> runIt = run;
            if (!words.isEmpty() && words.get(0).startsWith("jar:")) {
                // another build of the jar, to compare a code change: "label=jar:PATH [OPTIONS]"
                runIt = new ArrayList<>(run);
                runIt.set(1, Path.of(words.get(0).substring("jar:".length())).toAbsolutePath().toString());
                words = words.subList(1, words.size());
            }
            command.addAll(words);
            command.addAll(runIt);
            configs.put(option.getKey(), command);
        }
        if (only != null) {
            List<String> keep = only;
            configs.keySet().removeIf(label -> !keep.contains(label) && !label.equals(DEFAULT) && !extra.containsKey(label));
        }

        String loadBefore = ChildProcesses.loadAverage();
        System.out.printf("JvmStartBench, %s, %d rounds (+1 warm-up), load average %s%n", ChildProcesses.nowUtc(),
                rounds, loadBefore);
        System.out.println("command: java OPTIONS " + String.join(" ", run));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        configs.keySet().forEach(label -> times.put(label, new ArrayList<>()));
        configs.keySet().forEach(label -> cpu.put(label, new ArrayList<>()));
        List<String> labels = new ArrayList<>(configs.keySet());
        Map<String, Integer> differing = new LinkedHashMap<>();
        String expected = null;
        for (int round = -1; round < rounds; round++) {
            // each round starts at another configuration, so none always follows the same one
            for (int k = 0; k < labels.size(); k++) {
                String label = labels.get(Math.floorMod(k + round, labels.size()));
                List<String> command = new ArrayList<>();
                command.add(java);
                command.addAll(configs.get(label));
                ChildProcesses.Finished finished = ChildProcesses.run(command, work, 120, true);
                if (finished.exit() != 0) {
                    throw new IllegalStateException(label + ": exit " + finished.exit() + ", stdout "
                            + finished.stdout() + ", stderr " + finished.stderr());
                }
                if (!label.equals(HELP) && !label.equals(FLOOR)) {
                    if (expected == null) {
                        expected = finished.stdout();
                    } else if (!finished.stdout().equals(expected)) {
                        differing.merge(label, 1, Integer::sum);
                    }
                }
                if (!finished.stderr().isBlank()) {
                    System.out.println("note: " + label + " wrote on stderr: " + ChildProcesses.firstLine(finished.stderr()));
                }
                if (round >= 0) {
                    times.get(label).add(finished.millis());
                    cpu.get(label).add(finished.cpuMillis());
                }
            }
        }
        System.out.printf("load average %s before, %s after%n", loadBefore, ChildProcesses.loadAverage());
        differing.forEach((label, count) -> System.out.println("note: " + label + " printed other than the first run"
                + " in " + count + " runs"));
        System.out.printf("%-30s %9s %9s %9s %12s %9s %12s %8s %8s %8s %8s%n", "configuration", "median", "min",
                "max", "vs default", "CPU", "vs default", "classes", "CDS", "jar", "defined");
        for (String label : labels) {
            List<Double> t = times.get(label);
            List<Double> c = cpu.get(label);
            List<Double> differences = new ArrayList<>();
            List<Double> cpuDifferences = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                differences.add(t.get(i) - times.get(DEFAULT).get(i));
                cpuDifferences.add(c.get(i) - cpu.get(DEFAULT).get(i));
            }
            int[] classes = classCounts(java, configs.get(label), work);
            System.out.printf(Locale.ROOT, "%-30s %9.0f %9.0f %9.0f %+12.0f %9.0f %+12.0f %8d %8d %8d %8d%n", label,
                    ChildProcesses.median(t), ChildProcesses.min(t), ChildProcesses.max(t),
                    ChildProcesses.median(differences), ChildProcesses.median(c), ChildProcesses.median(cpuDifferences),
                    classes[0], classes[1], classes[2], classes[3]);
        }
        System.out.println("  ms wall from process start to exit (under bash, which adds a few ms to all);"
                + " CPU: user + system ms of the JVM; vs default: median of the round-by-round differences; classes: loaded in all (-Xlog:class+load), of which from a CDS archive, from"
                + " the jar, defined at run time (lambda forms, lambda proxies)");
    }

    private static void makeArchives(String java, List<String> run, Path jar, Path dynamicArchive,
            Path staticArchive, Path work) throws IOException, InterruptedException {
        List<String> dynamic = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + dynamicArchive));
        dynamic.addAll(run);
        check(ChildProcesses.run(dynamic, work, 120), "dynamic archive");
        Path classList = work.resolve("classes.lst");
        List<String> list = new ArrayList<>(List.of(java, "-Xshare:off", "-XX:DumpLoadedClassList=" + classList));
        list.addAll(run);
        check(ChildProcesses.run(list, work, 120), "class list");
        check(ChildProcesses.run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + staticArchive, "-cp", jar.toString()), work, 300), "static archive");
    }

    private static void check(ChildProcesses.Finished finished, String what) {
        if (finished.exit() != 0) {
            throw new IllegalStateException(what + " failed: " + finished.stdout() + finished.stderr());
        }
    }

    /** {all, from a CDS archive, from the jar, defined at run time}. */
    private static int[] classCounts(String java, List<String> config, Path work) throws IOException, InterruptedException {
        Path log = work.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(config);
        // after the configuration's own options (an -Xlog:disable there would turn it off), before -jar or -cp
        int at = command.contains("-jar") ? command.indexOf("-jar") : command.indexOf("-cp");
        command.add(at, "-Xlog:class+load=info:file=" + log);
        ChildProcesses.run(command, work, 120);
        int[] counts = new int[4];
        for (String line : Files.readAllLines(log)) {
            counts[0]++;
            if (line.contains("source: shared objects file")) {
                counts[1]++;
            } else if (line.contains("source: file:") || line.contains("source: jar:")) {
                counts[2]++;
            } else if (!line.contains("source: jrt:")) {
                counts[3]++;
            }
        }
        return counts;
    }
}
