package io.threadstage.bench;

import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.FlightSettings;
import io.threadstage.jfr.JavaRecording;
import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A big recording of a busy program opened as lanes: what a teacher's "record the server for a
 * minute" costs. Records {@link Crowd} ({@code THREADS} threads over four monitors and two
 * {@code ReentrantLock}s, every turn a contended enter or a park, thresholds 0 ms) in a child JVM
 * for {@code SECONDS}, then, in this JVM: opens it as the window and {@code render} do
 * ({@link JavaRecording#read}, then the stage's store), converts it as {@code convert} does (JSON
 * Lines to nowhere), and builds the whole-run frame at 1920x1080. Prints the file's size, the
 * events, each step's wall and CPU time, the store's bytes per event and the heap's peak.
 *
 * <pre>
 * mvn -B -o -q -Pbench test-compile
 * java -Xmx6g -cp "$(cat cp.txt):target/classes:target/test-classes" io.threadstage.bench.JfrBigRecordingBench SECONDS THREADS [KEEP.jfr]
 * </pre>
 */
public final class JfrBigRecordingBench {

    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    private JfrBigRecordingBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path recording = args.length > 2 ? Path.of(args[2])
                : Files.createTempDirectory("threadstage-jfr-big").resolve("crowd.jfr");
        if (!Files.isRegularFile(recording)) {
            record(recording, seconds, threads);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long fileBytes = Files.size(recording);
        System.out.printf(Locale.ROOT, "recording: %,d bytes (%.1f MB), load average %.1f%n", fileBytes, fileBytes / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.gc();
        resetHeapPeaks();

        long wall = System.nanoTime();
        long busy = cpu.getCurrentThreadCpuTime();
        JavaRecording read = JavaRecording.read(recording, false);
        long readWall = System.nanoTime() - wall;
        long readCpu = cpu.getCurrentThreadCpuTime() - busy;

        wall = System.nanoTime();
        busy = cpu.getCurrentThreadCpuTime();
        TraceStore store = new TraceStore();
        read.replay(store::append);
        long storeWall = System.nanoTime() - wall;
        long storeCpu = cpu.getCurrentThreadCpuTime() - busy;
        long openPeak = heapPeak();

        wall = System.nanoTime();
        busy = cpu.getCurrentThreadCpuTime();
        long written = 0;
        try (TraceWriter writer = new TraceWriter(Writer.nullWriter())) {
            for (TraceEvent event : read.events()) {
                writer.event(event);
                written++;
            }
        }
        long writeWall = System.nanoTime() - wall;
        long writeCpu = cpu.getCurrentThreadCpuTime() - busy;

        FrameBuilder builder = new FrameBuilder();
        StageFrame frame = new StageFrame();
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageOptions options = StageOptions.finished("crowd (Java)", false);
        long[] frameCpu = new long[11];
        long firstFrameWall = 0;
        for (int i = 0; i < frameCpu.length; i++) {
            long frameStart = System.nanoTime();
            busy = cpu.getCurrentThreadCpuTime();
            builder.build(frame, store, viewport, WIDTH, HEIGHT, options);
            frameCpu[i] = cpu.getCurrentThreadCpuTime() - busy;
            if (i == 0) {
                firstFrameWall = System.nanoTime() - frameStart;
            }
        }
        long[] later = Arrays.copyOfRange(frameCpu, 1, frameCpu.length);
        Arrays.sort(later);

        long events = read.recordingEventCount();
        System.out.printf(Locale.ROOT, "%,d recording events (%.1f bytes each in the file) -> %,d state changes -> %,d"
                        + " trace events, %d lanes%n", events, (double) fileBytes / events, read.transitionCount(),
                written, read.laneCount());
        System.out.printf(Locale.ROOT, "open: read+sort %.1f s wall / %.1f s CPU (%,.0f recording events/s of CPU),"
                        + " into the store %.1f s wall / %.1f s CPU%n", readWall / 1e9, readCpu / 1e9,
                events / (readCpu / 1e9), storeWall / 1e9, storeCpu / 1e9);
        System.out.printf(Locale.ROOT, "convert (JSON Lines to nowhere, after the read): %.1f s wall / %.1f s CPU%n",
                writeWall / 1e9, writeCpu / 1e9);
        System.out.printf(Locale.ROOT, "kept: %.1f bytes per state change; store %.1f bytes per trace event;"
                        + " heap peak while open %,d MB (-Xmx %,d MB)%n",
                (double) read.memoryBytes() / read.transitionCount(), (double) store.memoryBytes() / written,
                openPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "whole-run frame %dx%d: first %.1f ms wall / %.1f ms CPU, then median %.1f ms CPU (max %.1f)%n",
                WIDTH, HEIGHT, firstFrameWall / 1e6, frameCpu[0] / 1e6, later[later.length / 2] / 1e6, later[later.length - 1] / 1e6);
    }

    private static void record(Path recording, int seconds, int threads) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(FlightSettings.jvmOptions(recording, FlightSettings.writeTemporary()));
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Crowd.class.getName(),
                String.valueOf(seconds), String.valueOf(threads)));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(seconds + 300L, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("the busy program failed");
        }
        System.out.printf(Locale.ROOT, "recorded %d threads for %d s (%.0f s with start and dump)%n", threads, seconds,
                (System.nanoTime() - start) / 1e9);
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap used at once. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * The program recorded: a crowd of threads, each in turn entering one of four monitors and
     * parking 10 us inside it, then taking one of two {@code ReentrantLock}s and parking inside that,
     * so every turn is a contended enter or a park (a lock's wait) or both.
     */
    public static final class Crowd {

        private static final Object[] MONITORS = {new Object(), new Object(), new Object(), new Object()};
        private static final ReentrantLock[] LOCKS = {new ReentrantLock(), new ReentrantLock()};

        private Crowd() {
        }

        public static void main(String[] args) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
            int count = Integer.parseInt(args[1]);
            List<Thread> crowd = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int own = i;
                Thread thread = new Thread(() -> {
                    int turn = own;
                    while (System.nanoTime() < end) {
                        synchronized (MONITORS[turn % MONITORS.length]) {
                            LockSupport.parkNanos(10_000);
                        }
                        ReentrantLock lock = LOCKS[turn % LOCKS.length];
                        lock.lock();
                        try {
                            LockSupport.parkNanos(10_000);
                        } finally {
                            lock.unlock();
                        }
                        turn++;
                    }
                }, "Worker-" + i);
                crowd.add(thread);
                thread.start();
            }
            for (Thread thread : crowd) {
                thread.join();
            }
        }
    }
}
