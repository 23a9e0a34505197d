package io.threadstage.bench;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.trace.TraceRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Many runs back to back in one JVM, as a teacher's window does over a day: the lessons and the
 * judge's scenarios in turn at top speed, then a 1,000-thread run stopped while every thread
 * waits. Prints the live threads and the heap after a full GC every 1,000 runs, and how long
 * Stop took; exits 1 when a thread outlives its run, the heap keeps growing, or Stop takes a
 * second or more.
 *
 * <p>{@code java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.SoakBench
 * [RUNS] [STOPS]} from the project folder (defaults 10,000 and 10). Owned by its main thread.
 */
public final class SoakBench {

    /** A scenario slower than this at top speed would make the soak last an hour; it is left out. */
    private static final Duration QUICK_RUN = Duration.ofMillis(80);
    /** Heap growth from the first sample after warm-up to the last that counts as a leak. */
    private static final long LEAK_BYTES = 16L << 20;
    private static final int STOPPED_THREADS = 1_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int stops = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Scenario> quick = quickScenarios();
        int baselineThreads = settledThreadCount(0);
        System.out.printf("soak: %d scenarios under %d ms at speed 20, %d runs; %d live threads before%n",
                quick.size(), QUICK_RUN.toMillis(), runs, baselineThreads);
        boolean healthy = soak(quick, runs, baselineThreads);
        healthy &= stopWhileEveryThreadWaits(stops, baselineThreads, true);
        healthy &= stopWhileEveryThreadWaits(stops, baselineThreads, false);
        System.out.println(healthy ? "soak: no leak, Stop within a second" : "soak: FAILED (see above)");
        System.exit(healthy ? 0 : 1);
    }

    private static boolean soak(List<Scenario> scenarios, int runs, int baselineThreads) throws InterruptedException {
        long begun = System.nanoTime();
        long firstHeap = -1;
        long lastHeap = 0;
        int worstThreads = 0;
        for (int i = 1; i <= runs; i++) {
            Scenario scenario = scenarios.get(i % scenarios.size());
            RunResult result = runToEnd(scenario, Duration.ofSeconds(30));
            if (result == null || String.valueOf(result.message()).contains("internal error")) {
                System.out.println("soak: run " + i + " of '" + scenario.title() + "' failed: " + result);
                return false;
            }
            if (i % 1_000 == 0 || i == runs) {
                int live = settledThreadCount(baselineThreads);
                long heap = heapAfterGc();
                worstThreads = Math.max(worstThreads, live - baselineThreads);
                // the first thousand runs warm the JIT and the interned names up; growth after that is a leak
                if (firstHeap < 0) {
                    firstHeap = heap;
                }
                lastHeap = heap;
                System.out.printf("soak: %,6d runs  %5.1f runs/s  live threads %d (+%d)  heap after GC %,d KiB%n", i,
                        i / ((System.nanoTime() - begun) / 1e9), live, live - baselineThreads, heap >> 10);
            }
        }
        boolean threadsOk = worstThreads == 0;
        boolean heapOk = lastHeap - firstHeap < LEAK_BYTES;
        System.out.printf("soak: threads left behind %d (%s), heap growth %,d KiB after warm-up (%s, limit %,d KiB)%n",
                worstThreads, threadsOk ? "ok" : "LEAK", (lastHeap - firstHeap) >> 10, heapOk ? "ok" : "LEAK",
                LEAK_BYTES >> 10);
        return threadsOk && heapOk;
    }

    /**
     * A thousand workers block on an event nobody sets while main joins the first; Stop must end
     * all of them (and their Java threads) within a second.
     */
    private static boolean stopWhileEveryThreadWaits(int stops, int baselineThreads, boolean gil) throws Exception {
        Scenario scenario = thousandWaiters();
        long[] stopMillis = new long[stops];
        boolean healthy = true;
        for (int k = 0; k < stops; k++) {
            RunOptions options = RunOptions.defaults().withGil(gil).withMaxThreads(STOPPED_THREADS + 1);
            ScenarioRun run = ScenarioRun.start(scenario, options,
                    new TraceRecorder(ScenarioRun.header(scenario, options, Instant.EPOCH)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (THREADS.getThreadCount() < baselineThreads + STOPPED_THREADS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(5);
            }
            long asked = System.nanoTime();
            run.stop();
            boolean ended = run.awaitEnd(Duration.ofSeconds(10));
            int live = settledThreadCount(baselineThreads);
            stopMillis[k] = (System.nanoTime() - asked) / 1_000_000;
            if (!ended || live > baselineThreads) {
                System.out.printf("soak: stop %d (gil %s) ended %s, %d threads left behind%n", k, gil, ended,
                        live - baselineThreads);
                healthy = false;
            }
        }
        Arrays.sort(stopMillis);
        boolean inTime = stopMillis[stops - 1] < 1_000;
        System.out.printf("soak: Stop of %,d waiting threads (GIL %s), %d times: min %d ms, median %d ms, max %d ms (%s)%n",
                STOPPED_THREADS, gil ? "on" : "off", stops, stopMillis[0], stopMillis[stops / 2], stopMillis[stops - 1],
                inTime ? "ok" : "TOO SLOW");
        return healthy && inTime;
    }

    private static Scenario thousandWaiters() throws ScenarioException {
        StringBuilder json = new StringBuilder("{\"format\": \"threadstage/1\", \"title\": \"1,000 waiters\", "
                + "\"resources\": [{\"kind\": \"event\", \"name\": \"never\"}], \"workers\": [");
        StringBuilder main = new StringBuilder();
        for (int i = 0; i < STOPPED_THREADS; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"W").append(i)
                    .append("\", \"style\": \"target\", \"function\": \"wait_forever\", \"steps\": [{\"wait\": \"never\"}]}");
            main.append("{\"start\": \"W").append(i).append("\"}, ");
        }
        json.append("], \"main\": [").append(main).append("{\"join\": \"W0\"}]}");
        return new ScenarioLoader().parse("thousand-waiters.json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The lessons and judge scenarios that end quickly at top speed, each timed once. */
    private static List<Scenario> quickScenarios() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String id : Files.readAllLines(Path.of("assets", "lessons", "index.txt"))) {
            if (!id.isBlank() && !id.strip().startsWith("#")) {
                files.add(Path.of("assets", "lessons", id.strip() + ".json"));
            }
        }
        try (Stream<Path> judge = Files.list(Path.of("src", "test", "resources", "judge"))) {
            judge.filter(file -> file.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        List<Scenario> quick = new ArrayList<>();
        for (Path file : files) {
            Scenario scenario = new ScenarioLoader().load(file);
            long started = System.nanoTime();
            RunResult result = runToEnd(scenario, Duration.ofSeconds(30));
            if (result != null && System.nanoTime() - started < QUICK_RUN.toNanos()) {
                quick.add(scenario);
            }
        }
        if (quick.isEmpty()) {
            throw new IllegalStateException("no scenario ends within " + QUICK_RUN.toMillis() + " ms");
        }
        return quick;
    }

    private static RunResult runToEnd(Scenario scenario, Duration limit) {
        RunOptions options = RunOptions.defaults().withSpeed(20.0);
        ScenarioRun run = ScenarioRun.start(scenario, options,
                new TraceRecorder(ScenarioRun.header(scenario, options, Instant.EPOCH)));
        if (!run.awaitEnd(limit)) {
            run.stop();
            run.awaitEnd(Duration.ofSeconds(5));
            return null;
        }
        return run.result().orElse(null);
    }

    /**
     * The live thread count once the threads of ended runs have gone: a Java thread may still be
     * unwinding for a moment after its run reported the end, so wait up to two seconds for the
     * count to come down to {@code expected} before taking it.
     */
    private static int settledThreadCount(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int live = THREADS.getThreadCount();
        while (live > expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            live = THREADS.getThreadCount();
        }
        return live;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

}
