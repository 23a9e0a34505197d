package io.threadstage.bench;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.editor.Dialogs;
import io.threadstage.ui.editor.DocumentActions;
import io.threadstage.ui.editor.EditorViewModel;
import io.threadstage.ui.editor.LibraryScenarioFiles;
import io.threadstage.ui.editor.RecentFiles;
import io.threadstage.ui.editor.Recovery;
import io.threadstage.ui.run.RunViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window through a run of 1,000 threads, as a teacher sees it: the real window at 1920x1080
 * (under the display in {@code DISPLAY}, else the headless toolkit), Run pressed, the stage
 * following the run live. It records the time between the window's pulses until the run ends
 * (a pulse that overruns shows as a long gap), prints the percentiles, then times Stop of the
 * same run while every thread is still busy. Exits 1 when the 99th percentile is 33 ms or more
 * (a frame in a hundred under 30 a second) or Stop takes a second or more.
 *
 * <pre>
 * mvn -B -q -o package -DskipTests &amp;&amp; mvn -B -q -o -Pbench test-compile
 * xvfb-run -s "-screen 0 1920x1080x24" java -cp target/threadstage.jar:target/test-classes \
 *     io.threadstage.bench.WindowFrameBench [THREADS]
 * </pre>
 * As the app, the window warms the run's code up a second after it opens; the bench presses Run
 * once that is over (a teacher talks first). {@code -Dbench.cold=true} leaves it out: the first
 * run then runs cold. {@code -Dbench.warmRuns=N} measures N runs before the one reported.
 * {@code -Dbench.noInspector=true} closes the thread inspector first.
 * {@code -Dbench.dirtyNodes=true} prints the nodes the scene sent to the renderer most often, and
 * the largest sent in each of the longest gaps ({@code -Dbench.longest=N} of them, 6 unless told)
 * ({@link DirtyNodeCounter}); {@code -Dbench.gapsFile=F.csv} writes each pulse's gap and CPU.
 * With {@code -Dbench.sampleFx=MS} it also samples the FX thread's stack for MS milliseconds
 * from Run and prints the methods most often on it: where the pulses after Run go; with
 * {@code -Dbench.sampleRenderer=MS} the renderer's thread likewise.
 */
public final class WindowFrameBench {

    private static final long FRAME_GOAL_NANOS = 33_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static RunWiring wiring;
    /** The measured run's nodes sent to the renderer, pulse by pulse, with {@code -Dbench.dirtyNodes=true}. */
    private static DirtyNodeCounter lastDirtyNodes;
    private static boolean warmedUp;
    /** CPU time of the FX thread and of the renderer's thread between two pulses of the run. */
    private static long[] fxCpu = new long[0];
    /** Per pulse, the FX thread's CPU in our pieces (read, stage, inspect): the rest of its CPU is JavaFX's CSS, layout and sync. */
    private static long[] ourCpu = new long[0];
    private static long[] renderCpu = new long[0];
    private static long[] piecesBefore;
    private static long[] piecesAfter;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Scenario scenario = busyThreads(threads);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        Path home = Files.createTempDirectory("frame-bench");
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        Platform.runLater(() -> shown.complete(showWindow(home)));
        MainWindow window = shown.get(60, TimeUnit.SECONDS);
        RunViewModel runs = window.runs();

        for (int warm = Integer.getInteger("bench.warmRuns", 0); warm > 0; warm--) {
            // a run before the measured one: the same code already compiled, as on a teacher's second run
            report("warm-up run of " + threads + " threads", measureRun(window, runs, scenario));
        }
        long[] first = measureRun(window, runs, scenario);
        report("run of " + threads + " threads", first);
        String gapsFile = System.getProperty("bench.gapsFile");
        if (gapsFile != null) {
            StringBuilder lines = new StringBuilder("pulse,gap_ms,fx_ms,ours_ms,render_ms\n");
            for (int i = 0; i < first.length; i++) {
                lines.append(i).append(',').append(first[i] / 1e6).append(',').append(i < fxCpu.length ? fxCpu[i] / 1e6 : 0)
                        .append(',').append(i < ourCpu.length ? ourCpu[i] / 1e6 : 0).append(',')
                        .append(i < renderCpu.length ? renderCpu[i] / 1e6 : 0).append('\n');
            }
            Files.writeString(Path.of(gapsFile), lines);
        }
        reportCpu();
        reportLongest(first, Integer.getInteger("bench.longest", 6));
        long stopMillis = measureStop(window, runs, scenario);
        System.out.printf("frames: Stop while %,d threads run: %d ms (%s)%n", threads, stopMillis,
                stopMillis < 1_000 ? "ok" : "TOO SLOW");
        boolean smooth = percentile(first, 0.99) < FRAME_GOAL_NANOS;
        Platform.exit();
        System.exit(smooth && stopMillis < 1_000 ? 0 : 1);
    }

    private static MainWindow showWindow(Path home) {
        Stage stage = new Stage();
        EditorViewModel editor = new EditorViewModel();
        DocumentActions documents = new DocumentActions(editor, new LibraryScenarioFiles(), new NoDialogs(),
                new RecentFiles(Preferences.userRoot().node("io/threadstage/frame-bench")), new Recovery(home),
                Runnable::run);
        MainWindow window = new MainWindow(editor, documents, RunWiring.newRuns());
        Scene scene = new Scene(window, 1920, 1080);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        wiring = RunWiring.attach(window, false);
        if (!Boolean.getBoolean("bench.cold")) {
            // as the app does once its window is up
            wiring.warmUpSoon();
        }
        return window;
    }

    /** Presses Run and returns the gaps between pulses from then until the run has ended. */
    private static long[] measureRun(MainWindow window, RunViewModel runs, Scenario scenario) throws Exception {
        long[] gaps = new long[200_000];
        fxCpu = new long[gaps.length];
        ourCpu = new long[gaps.length];
        renderCpu = new long[gaps.length];
        long renderer = rendererThreadId();
        int[] count = {0};
        CompletableFuture<Void> ended = new CompletableFuture<>();
        boolean[] seenRunning = {false};
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private long lastFx;
            private long lastRender;
            private long lastOurs;

            @Override
            public void handle(long now) {
                long fx = CPU.getCurrentThreadCpuTime();
                long render = renderer < 0 ? 0 : CPU.getThreadCpuTime(renderer);
                long ours = ourPiecesNanos();
                if (last != 0 && count[0] < gaps.length) {
                    fxCpu[count[0]] = fx - lastFx;
                    renderCpu[count[0]] = render - lastRender;
                    ourCpu[count[0]] = ours - lastOurs;
                    gaps[count[0]++] = now - last;
                } else if (last == 0) {
                    piecesBefore = pieces();
                }
                last = now;
                lastFx = fx;
                lastRender = render;
                lastOurs = ours;
                seenRunning[0] |= runs.isRunning();
                if (seenRunning[0] && !runs.isRunning()) {
                    piecesAfter = pieces();
                    fxCpu = Arrays.copyOf(fxCpu, count[0]);
                    renderCpu = Arrays.copyOf(renderCpu, count[0]);
                    ourCpu = Arrays.copyOf(ourCpu, count[0]);
                    stop();
                    ended.complete(null);
                }
            }
        };
        // opening 1,000 workers builds the outline and the code once: not part of the run's frames
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.editor().open(scenario, null);
            opened.complete(null);
        });
        opened.get(5, TimeUnit.MINUTES);
        Thread.sleep(2_000);
        if (!Boolean.getBoolean("bench.cold") && !warmedUp) {
            long waited = System.nanoTime();
            var warmUp = onFx(() -> runs.warmUpStarted());
            if (warmUp.isEmpty() || !warmUp.get().awaitDone(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the warm-up did not start or end");
            }
            warmedUp = true;
            if (warmUp.get().failure() != null) {
                throw new IllegalStateException("the warm-up failed", warmUp.get().failure());
            }
            while (!onFx(wiring::warmedUp)) {
                Thread.sleep(10);
            }
            System.out.printf("frames: the warm-up was over %d ms after the scenario had opened and 2 s passed%n",
                    (System.nanoTime() - waited) / 1_000_000);
        }
        System.out.println("frames: pressing Run at " + java.time.Instant.now());
        java.util.Map<String, int[]> flowLayouts = onFx(() -> countFlowLayouts(window));
        if (Boolean.getBoolean("bench.noInspector")) {
            // the window as a teacher who closed the inspector has it: what the inspector's refreshes cost the frames
            onFx(() -> {
                ((javafx.scene.control.ToggleButton) window.lookup("#inspector-toggle")).setSelected(false);
                return null;
            });
        }
        DirtyNodeCounter dirtyNodes = Boolean.getBoolean("bench.dirtyNodes") ? onFx(() -> DirtyNodeCounter.on(window.getScene())) : null;
        long sampleMillis = Long.getLong("bench.sampleFx", 0);
        long sampleRendererMillis = Long.getLong("bench.sampleRenderer", 0);
        Thread rendererThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        Platform.runLater(() -> {
            if (sampleMillis > 0) {
                ThreadStackSampler.sampleFor(Thread.currentThread(), sampleMillis, 40);
            }
            if (sampleRendererMillis > 0 && rendererThread != null) {
                ThreadStackSampler.sampleFor(rendererThread, "renderer", sampleRendererMillis, 40);
            }
            if (dirtyNodes != null) {
                dirtyNodes.startLog();
            }
            timer.start();
            long cpuBefore = CPU.getCurrentThreadCpuTime();
            long wallBefore = System.nanoTime();
            window.pressRun();
            System.out.printf("frames: Run itself (the button's handler) took %.1f ms on the FX thread, %.1f ms of its CPU%n",
                    (System.nanoTime() - wallBefore) / 1e6, (CPU.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
        });
        ended.get(10, TimeUnit.MINUTES);
        if (dirtyNodes != null) {
            onFx(() -> dirtyNodes.print(40));
            lastDirtyNodes = dirtyNodes;
        }
        flowLayouts.forEach((name, times) -> {
            if (times[0] > 0) {
                System.out.printf("frames: %s laid out %d times during the run%n", name, times[0]);
            }
        });
        return Arrays.copyOf(gaps, count[0]);
    }

    /**
     * Counts, per virtualised list of the window, the times it had to be laid out: a list whose
     * cells change size or style lays out and restyles every visible cell again.
     */
    private static java.util.Map<String, int[]> countFlowLayouts(MainWindow window) {
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        for (javafx.scene.Node node : window.lookupAll(".virtual-flow")) {
            javafx.scene.Node owner = node;
            while (owner != null && !(owner instanceof javafx.scene.control.Control)) {
                owner = owner.getParent();
            }
            String name = owner == null ? "?" : owner.getClass().getSimpleName();
            int[] count = counts.computeIfAbsent(name, key -> new int[1]);
            ((javafx.scene.Parent) node).needsLayoutProperty().addListener((obs, was, now) -> {
                if (now) {
                    count[0]++;
                }
            });
        }
        return counts;
    }

    /** The renderer's thread (JavaFX draws the scene there, apart from the FX thread), or -1. */
    private static long rendererThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** The pieces' totals so far: pulses, read, stage, build, paint, inspect, inspector table. */
    private static long[] pieces() {
        var costs = wiring.pulseCosts();
        var stage = wiring.stage();
        return new long[] {costs.pulses(), costs.readNanos(), costs.stageNanos(), stage.buildNanos(), stage.paintNanos(),
                costs.inspectNanos(), wiring.inspection().inspectorNanos()};
    }

    private static long ourPiecesNanos() {
        var costs = wiring.pulseCosts();
        return costs.readNanos() + costs.stageNanos() + costs.inspectNanos();
    }

    /**
     * CPU time per pulse, which a loaded machine disturbs less than the gaps: the FX thread (our
     * pulse, CSS, layout, the scene's sync) and the renderer's thread (the software pipeline
     * drawing the scene); then our pieces' CPU time per pulse.
     */
    private static void reportCpu() {
        long[] total = new long[fxCpu.length];
        for (int i = 0; i < total.length; i++) {
            total[i] = fxCpu[i] + renderCpu[i];
        }
        System.out.printf("frames: CPU per pulse: FX thread mean %.1f ms p50 %.1f p99 %.1f; renderer mean %.1f ms p50 %.1f"
                        + " p99 %.1f; both p50 %.1f p99 %.1f ms%n", mean(fxCpu), percentile(fxCpu, 0.5) / 1e6,
                percentile(fxCpu, 0.99) / 1e6, mean(renderCpu), percentile(renderCpu, 0.5) / 1e6,
                percentile(renderCpu, 0.99) / 1e6, percentile(total, 0.5) / 1e6, percentile(total, 0.99) / 1e6);
        if (piecesBefore != null && piecesAfter != null) {
            double pulses = Math.max(1, piecesAfter[0] - piecesBefore[0]);
            String[] names = {"read", "stage", "  build", "  paint", "inspect", "  inspector table"};
            StringBuilder line = new StringBuilder("frames: CPU per pulse, our pieces (" + (long) pulses + " pulses):");
            for (int i = 0; i < names.length; i++) {
                line.append(String.format(" %s %.2f ms;", names[i].strip(),
                        (piecesAfter[i + 1] - piecesBefore[i + 1]) / pulses / 1e6));
            }
            System.out.println(line);
        }
    }

    /**
     * The longest gaps, each with when it came (time since Run) and the two threads' CPU in it:
     * the handful of pulses that set the 99th percentile, and whether our thread or the
     * renderer's spent them (or neither did: the pulse waited for a core or for a collection).
     */
    private static void reportLongest(long[] gaps, int count) {
        Integer[] order = new Integer[gaps.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(gaps[b], gaps[a]));
        for (int rank = 0; rank < Math.min(count, order.length); rank++) {
            int pulse = order[rank];
            long since = 0;
            for (int i = 0; i <= pulse; i++) {
                since += gaps[i];
            }
            System.out.printf("frames: longest %d: pulse %d at %.2f s: gap %.1f ms, FX thread %.1f ms (our pieces %.1f),"
                            + " renderer %.1f ms%n", rank + 1, pulse, since / 1e9, gaps[pulse] / 1e6,
                    pulse < fxCpu.length ? fxCpu[pulse] / 1e6 : 0, pulse < ourCpu.length ? ourCpu[pulse] / 1e6 : 0,
                    pulse < renderCpu.length ? renderCpu[pulse] / 1e6 : 0);
            if (lastDirtyNodes != null) {
                for (String node : lastDirtyNodes.pulse(pulse, 5)) {
                    System.out.println("frames:     sent: " + node);
                }
            }
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0) / 1e6;
    }

    /** Runs again, lets every thread get going, then presses Stop: the time until the run has ended. */
    private static long measureStop(MainWindow window, RunViewModel runs, Scenario scenario) throws Exception {
        Platform.runLater(window::pressRun);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(runs::isRunning) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(1_000);
        long asked = System.nanoTime();
        Platform.runLater(runs::stop);
        while (onFx(() -> runs.currentRun().map(run -> !run.isFinished()).orElse(false))) {
            Thread.sleep(2);
        }
        return (System.nanoTime() - asked) / 1_000_000;
    }

    private static <T> T onFx(java.util.function.Supplier<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> value.complete(read.get()));
        return value.get(30, TimeUnit.SECONDS);
    }

    private static void report(String what, long[] gaps) {
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        System.out.printf("frames: %s: %,d pulses, gap p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%s)%n", what,
                sorted.length, percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.9) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                percentile(sorted, 0.99) < FRAME_GOAL_NANOS ? "ok" : "TOO SLOW");
    }

    private static long percentile(long[] gaps, double q) {
        if (gaps.length == 0) {
            return 0;
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /**
     * Every thread computes and sleeps in turn for a few seconds, so the lanes keep changing
     * while the stage draws them all: main starts them all, then joins them all.
     */
    static Scenario busyThreads(int threads) throws Exception {
        StringBuilder json = new StringBuilder("{\"format\": \"threadstage/1\", \"title\": \"")
                .append(threads).append(" busy threads\", \"resources\": [{\"kind\": \"lock\", \"name\": \"lock\"}],"
                        + " \"workers\": [");
        StringBuilder starts = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (int i = 0; i < threads; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"W").append(i)
                    .append("\", \"style\": \"target\", \"function\": \"work\", \"steps\": [{\"repeat\": 3, \"do\": ["
                            + "{\"compute\": 1}, {\"with\": \"lock\", \"do\": [{\"compute\": 1}]}, {\"sleep\": 200}]}]}");
            starts.append("{\"start\": \"W").append(i).append("\"}, ");
            joins.append(i == 0 ? "" : ", ").append("{\"join\": \"W").append(i).append("\"}");
        }
        json.append("], \"main\": [").append(starts).append(joins).append("]}");
        return new ScenarioLoader().parse("busy-threads.json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bench asks no questions: a dialog would stop the pulse it measures. */
    private static final class NoDialogs implements Dialogs {
        @Override
        public java.util.Optional<Path> chooseFileToOpen(Path folder) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Path> chooseFileToSave(Path suggested) {
            return java.util.Optional.empty();
        }

        @Override
        public Unsaved askAboutUnsaved(String title) {
            return Unsaved.DISCARD;
        }

        @Override
        public boolean askToRecover(String description) {
            return false;
        }

        @Override
        public void showError(String heading, String message) {
            System.out.println("frames: " + heading + ": " + message);
        }
    }
}
