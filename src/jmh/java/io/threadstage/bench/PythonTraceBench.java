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
 * <p>Each scenario is first run {@code --warmup} times (default 1) both ways unmeasured, so the first
 * scenario's traced runs do not share the two cores with the JVM's JIT compilers warming up the
 * session's code.
 *
 * <p>Wall time on a shared machine is mostly waiting for a core, so each round also runs both again
 * for the Python process's CPU time (user + system, all its threads): the interpreter is started
 * through a bash wrapper whose {@code time} writes it to a log, the same way for both runs. The
 * traced CPU figure is the program's alone; ThreadStage's side (the channel, the {@code /proc}
 * sampling, which finds no threads under the wrapper's pid) runs in this JVM and shows only in the
 * wall figures, taken without the wrapper.
 *
 * <pre>
 * java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.PythonTraceBench [--rounds 7] [--warmup 1] [--python python3]
 * </pre>
 * Owned by its main thread.
 */
public final class PythonTraceBench {

    private PythonTraceBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        int warmup = 1;
        String python = "python3";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--python" -> python = args[i + 1];
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(
                        "usage: PythonTraceBench [--rounds N] [--warmup N] [--python PATH]");
            }
        }
        Path folder = Files.createTempDirectory("python-trace-bench");
        Path cpuLog = folder.resolve("cpu.log");
        Path timed = cpuTimedPython(folder, python, cpuLog);
        for (String scenario : CPythonSpeedBench.DEFAULT_SCENARIOS.split(",")) {
            Path program = folder.resolve(scenario.replace('-', '_') + ".py");
            generate(CPythonSpeedBench.SCENARIO_DIR.resolve(scenario + ".json"), program);
            for (int round = 0; round < warmup; round++) {
                // unmeasured: the first traced runs of a JVM share the cores with its JIT compilers
                time(List.of(python, program.toString()));
                tracedNanos(python, program);
            }
            long[] plain = new long[rounds];
            long[] traced = new long[rounds];
            long[] plainCpu = new long[rounds];
            long[] tracedCpu = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                plain[round] = time(List.of(python, program.toString()));
                traced[round] = tracedNanos(python, program);
                time(List.of(timed.toString(), program.toString()));
                plainCpu[round] = lastCpuNanos(cpuLog);
                tracedNanos(timed.toString(), program);
                tracedCpu[round] = lastCpuNanos(cpuLog);
            }
            System.out.printf(Locale.ROOT, "%-18s wall: plain %7.1f ms  traced %7.1f ms  traced/plain %.2f"
                    + "   cpu: plain %6.1f ms  traced %6.1f ms  traced/plain %.2f%n", scenario,
                    median(plain) / 1e6, median(traced) / 1e6, (double) median(traced) / median(plain),
                    median(plainCpu) / 1e6, median(tracedCpu) / 1e6, (double) median(tracedCpu) / median(plainCpu));
        }
    }

    /** A script that runs {@code python} with its arguments and appends its CPU seconds (user, system) to {@code log}. */
    private static Path cpuTimedPython(Path folder, String python, Path log) throws IOException {
        Path script = folder.resolve("timed-python");
        Files.writeString(script, "#!/bin/bash\nTIMEFORMAT='%3U %3S'\nexec 3>&2\n{ time '" + python
                + "' \"$@\" 2>&3 ; } 2>> '" + log + "'\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }

    private static long lastCpuNanos(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        String[] seconds = lines.get(lines.size() - 1).trim().split(" ");
        return Math.round((Double.parseDouble(seconds[0]) + Double.parseDouble(seconds[1])) * 1e9);
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
