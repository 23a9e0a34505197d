package io.threadstage.bench;

import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.stage.CanvasFramePainter;
import io.threadstage.ui.stage.HeadlessFx;
import io.threadstage.ui.stage.StagePalette;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame cost of the stage at 1600x900 for a synthetic run of 1,000 threads and 1M or 10M
 * events, zoomed to fit and into one second in the run's middle. {@code span=rate}: the run
 * goes on at one rate, a million events a minute, so the 10M run is ten times as long (600 s),
 * the case "however long the run" is about; {@code span=fixed}: both runs last 60 s, so the
 * 10M run's second is ten times as busy, a stress of what one view shows. {@code build}: the store's queries and
 * the frame's drawing orders; {@code paint}: that plus recording them on a Canvas's
 * GraphicsContext (what the FX thread spends per frame before rasterising); {@code rasterize}:
 * that plus the software pipeline drawing the pixels (a snapshot), the full cost on sw.
 * Also prints the store's bytes per event, from its arrays and from the heap, and the median
 * CPU time of the benchmark thread per frame of {@code build} and {@code paint}: on a machine
 * shared with other builds the wall-clock figures carry everyone's load, the CPU time does not.
 * Compare one length with another on one CPU ({@code taskset -c 1 mvn ...}): on a virtual
 * machine the CPUs can differ by half for the same frame, and the scheduler moves the thread
 * between iterations (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dprism.order=sw", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StageRenderBench {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    static final long NANOS_PER_MILLION_EVENTS = 60_000_000_000L;

    @Param({"1000000", "10000000"})
    public long events;

    /**
     * {@code tenth}: 100 ms, where the 10M run shows as many intervals a lane as the 1M run does
     * in one second; comparing the two tells cost that follows what is visible from cost that
     * follows the trace's length.
     */
    @Param({"fit", "second", "tenth"})
    public String zoom;

    @Param({"rate", "fixed"})
    public String span;

    private TraceStore store;
    private final Viewport viewport = new Viewport();
    private final StageFrame frame = new StageFrame();
    private final FrameBuilder builder = new FrameBuilder();
    private final CanvasFramePainter painter = new CanvasFramePainter();
    private final StageOptions options = new StageOptions("synthetic", false, 0, Long.MAX_VALUE, null);
    private StagePalette palette;
    private Canvas canvas;
    private long shift;
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private long[] cpuSamples = new long[1 << 16];
    private int cpuCount;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        HeadlessFx.start();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long duration = "rate".equals(span) ? NANOS_PER_MILLION_EVENTS * events / 1_000_000 : NANOS_PER_MILLION_EVENTS;
        store = SyntheticTrace.build(1000, events, duration, 42);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("%nstore: %,d events, %.1f bytes/event by its arrays, %.1f bytes/event by the heap%n",
                store.eventCount(), (double) store.memoryBytes() / store.eventCount(),
                (double) (after - before) / store.eventCount());
        if ("fit".equals(zoom)) {
            viewport.fit(store.startNanos(), store.endNanos());
        } else {
            long middle = duration / 2;
            viewport.set(middle, middle + ("tenth".equals(zoom) ? 100_000_000L : 1_000_000_000L));
        }
        CompletableFuture<StagePalette> read = new CompletableFuture<>();
        Platform.runLater(() -> read.complete(StagePalette.defaults()));
        palette = read.get(30, TimeUnit.SECONDS);
        canvas = new Canvas(WIDTH, HEIGHT);
    }

    /** Moves the window by a pixel each frame, as a pan would, so no frame repeats the last. */
    private void nudge() {
        long pixel = viewport.spanNanos() / WIDTH;
        shift = shift > 50 ? -50 : shift + 1;
        viewport.set(viewport.startNanos() + (shift > 0 ? pixel : -pixel), viewport.endNanos() + (shift > 0 ? pixel : -pixel));
    }

    @Benchmark
    public StageLayout build() {
        long start = cpu.getCurrentThreadCpuTime();
        nudge();
        StageLayout layout = builder.build(frame, store, viewport, WIDTH, HEIGHT, options);
        sample(start);
        return layout;
    }

    @Benchmark
    public StageLayout paint() {
        long start = cpu.getCurrentThreadCpuTime();
        nudge();
        StageLayout layout = builder.build(frame, store, viewport, WIDTH, HEIGHT, options);
        painter.paint(frame, canvas.getGraphicsContext2D(), palette);
        sample(start);
        return layout;
    }

    private void sample(long startCpu) {
        if (cpuCount == cpuSamples.length) {
            cpuSamples = java.util.Arrays.copyOf(cpuSamples, cpuCount * 2);
        }
        cpuSamples[cpuCount++] = cpu.getCurrentThreadCpuTime() - startCpu;
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Iteration)
    public void reportCpu() {
        if (cpuCount > 0) {
            long[] sorted = java.util.Arrays.copyOf(cpuSamples, cpuCount);
            java.util.Arrays.sort(sorted);
            System.out.printf("  [cpu time per frame: median %.3f ms, p90 %.3f ms, %d frames, %d drawing orders]%n",
                    sorted[cpuCount / 2] / 1e6, sorted[(int) (cpuCount * 0.9)] / 1e6, cpuCount, frame.operations());
        }
        cpuCount = 0;
    }

    @Benchmark
    public Object rasterize() throws Exception {
        nudge();
        CompletableFuture<Object> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            builder.build(frame, store, viewport, WIDTH, HEIGHT, options);
            painter.paint(frame, canvas.getGraphicsContext2D(), palette);
            done.complete(canvas.snapshot(null, null));
        });
        return done.get(30, TimeUnit.SECONDS);
    }
}
