package io.threadstage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the process-to-process benchmarks share: run a command with its output in files (so the
 * benchmark's own pipes never pace the child), time it from {@code start()} to exit, and the
 * statistics they print. Owned by the benchmark's main thread.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * One finished child: wall-clock nanoseconds from start to exit, exit code, its output, and
     * the CPU time (user + system) it and its children used, in milliseconds.
     */
    record Finished(long nanos, int exit, String stdout, String stderr, double cpuMillis) {
        double millis() {
            return nanos / 1e6;
        }
    }

    /** The children's user and system time as bash's {@code times} prints it: {@code 0m0.523s 0m0.102s}. */
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    /**
     * Runs {@code command} in {@code dir}, stdout and stderr to files there, and waits for it (at
     * most {@code timeoutSeconds}; past that it is killed and reported with exit -1).
     */
    static Finished run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        return run(command, dir, timeoutSeconds, false);
    }

    /**
     * As {@link #run(List, Path, long)}; with {@code cpu}, the command runs under {@code bash -c
     * '"$@"; times'} so its CPU time can be read afterwards (CPU time wanders less than wall time
     * on a loaded machine). The shell adds the same few milliseconds of wall time to every run.
     */
    static Finished run(List<String> command, Path dir, long timeoutSeconds, boolean cpu)
            throws IOException, InterruptedException {
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Path times = dir.resolve("child.times");
        if (cpu) {
            Files.deleteIfExists(times);
            List<String> wrapped = new ArrayList<>(List.of("bash", "-c",
                    "\"$@\"; status=$?; times > '" + times + "'; exit $status", "bash"));
            wrapped.addAll(command);
            command = wrapped;
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        long began = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - began;
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        double cpuMillis = Double.NaN;
        if (cpu && ended && Files.exists(times)) {
            List<String> lines = Files.readAllLines(times);
            Matcher children = TIMES.matcher(lines.size() > 1 ? lines.get(1) : "");
            if (children.find()) {
                cpuMillis = 1000 * (60 * Double.parseDouble(children.group(1)) + Double.parseDouble(children.group(2))
                        + 60 * Double.parseDouble(children.group(3)) + Double.parseDouble(children.group(4)));
            }
        }
        return new Finished(nanos, ended ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), cpuMillis);
    }

    /** The {@code java} of the JVM running the benchmark, so ours is measured on the same JDK. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** "0.52 0.61 0.70" from /proc/loadavg (1, 5, 15 minutes), or "?" off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    static String nowUtc() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** Splits a string of JVM options on white space ("" gives none). */
    static List<String> words(String options) {
        List<String> words = new ArrayList<>();
        for (String word : options.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The median of a[i] / b[i], round by round. */
    static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return median(ratios);
    }

    /** The first line of a text, for messages. */
    static String firstLine(String text) {
        String[] lines = text.strip().split("\n", 2);
        return lines.length == 0 ? "" : lines[0];
    }

    static String joined(String[] args) {
        return String.join(" ", Arrays.asList(args));
    }
}
