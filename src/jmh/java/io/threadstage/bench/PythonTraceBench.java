package io.threadstage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What tracing costs a real program: {@code python3 PROGRAM.py} beside {@code java -jar
 * target/threadstage.jar trace PROGRAM.py} (the tracer, the channel and the 1 kHz GIL sampling
 * included; JVM start excluded by timing from inside: the traced figure is the session's wall time,
 * from its start to its end line). Rounds alternate, so both see the same background load. The
 * programs are the speed scenarios' generated Python ({@code threadstage python
 * src/jmh/resources/speed/NAME.json}). Goal: traced/plain at most 1.3 (ratio of medians).
 *
 * <pre>
 * java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.PythonTraceBench [--rounds 7] [--python python3]
 * </pre>
 * Owned by its main thread.
 */
public final class PythonTraceBench {

    private PythonTraceBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        String python = "python3";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--python" -> python = args[i + 1];
                default -> throw new IllegalArgumentException("usage: PythonTraceBench [--rounds N] [--python PATH]");
            }
        }
        Path folder = Files.createTempDirectory("python-trace-bench");
        for (String scenario : CPythonSpeedBench.DEFAULT_SCENARIOS.split(",")) {
            Path program = folder.resolve(scenario.replace('-', '_') + ".py");
            generate(CPythonSpeedBench.SCENARIO_DIR.resolve(scenario + ".json"), program);
            long[] plain = new long[rounds];
            long[] traced = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                plain[round] = time(List.of(python, program.toString()));
                traced[round] = tracedNanos(python, program);
            }
            double ratio = (double) median(traced) / median(plain);
            System.out.printf(Locale.ROOT, "%-18s plain %7.1f ms  traced %7.1f ms  traced/plain %.2f%n", scenario,
                    median(plain) / 1e6, median(traced) / 1e6, ratio);
        }
    }

    private static void generate(Path scenario, Path program) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ChildProcesses.javaLauncher(), "-jar", "target/threadstage.jar", "python",
                scenario.toString()).redirectOutput(program.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IOException("cannot generate " + program);
        }
    }

    /** The traced run's time inside one JVM: the session from start to its end line, as a user waits for it. */
    private static long tracedNanos(String python, Path program) throws Exception {
        io.threadstage.trace.TraceRecorder recorder = new io.threadstage.trace.TraceRecorder(
                new io.threadstage.trace.TraceHeader("bench", "2026-01-01T00:00:00Z", 1.0, true));
        long start = System.nanoTime();
        io.threadstage.pytrace.PythonTraceSession session = io.threadstage.pytrace.PythonTraceSession.start(
                new io.threadstage.pytrace.PythonLaunch(python, program, List.of(),
                        java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream()), recorder);
        session.awaitEnd(java.time.Duration.ofMinutes(10));
        return System.nanoTime() - start;
    }

    private static long time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
