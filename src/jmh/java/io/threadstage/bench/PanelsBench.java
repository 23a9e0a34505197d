package io.threadstage.bench;

import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadTable;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.inspect.ThreadInspector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * What the run's side panels cost the window apart from any run: the code view with 1,000
 * threads' tags moving over its lines, and the thread inspector's 1,000 rows changing state,
 * each alone in a 1920x1080 window, changed on every pulse for a few hundred pulses. Prints the
 * CPU time per pulse of the JavaFX thread and of the renderer's thread. With no run's threads
 * competing for the cores, the figures compare two builds of a panel side by side.
 *
 * <pre>
 * DISPLAY=:95 java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.PanelsBench [code|inspector] [PULSES]
 * </pre>
 */
public final class PanelsBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int THREADS = 1_000;

    public static void main(String[] args) throws Exception {
        String panel = args.length > 0 ? args[0] : "code";
        int pulses = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<Runnable> change = new CompletableFuture<>();
        Platform.runLater(() -> change.complete(show(panel)));
        Runnable step = change.get(60, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        long[] fx = new long[pulses];
        long[] render = new long[pulses];
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private int count = -1;
            private long lastFx;
            private long lastRender;

            @Override
            public void handle(long now) {
                long fxNow = CPU.getCurrentThreadCpuTime();
                long renderNow = renderer < 0 ? 0 : CPU.getThreadCpuTime(renderer);
                if (count >= 0) {
                    fx[count] = fxNow - lastFx;
                    render[count] = renderNow - lastRender;
                }
                count++;
                if (count == pulses) {
                    stop();
                    done.complete(null);
                    return;
                }
                step.run();
                lastFx = CPU.getCurrentThreadCpuTime();
                lastRender = renderNow;
            }
        }.start());
        done.get(10, TimeUnit.MINUTES);
        System.out.printf("panels: %s, %d pulses: FX thread mean %.2f ms p50 %.2f p90 %.2f p99 %.2f;"
                        + " renderer mean %.2f ms p50 %.2f p90 %.2f p99 %.2f%n", panel, pulses, mean(fx), pct(fx, 0.5),
                pct(fx, 0.9), pct(fx, 0.99), mean(render), pct(render, 0.5), pct(render, 0.9), pct(render, 0.99));
        Platform.exit();
        System.exit(0);
    }

    private static Runnable show(String panel) {
        Stage stage = new Stage();
        Random random = new Random(7);
        Node content;
        Runnable step;
        if (panel.equals("inspector")) {
            ThreadInspector inspector = new ThreadInspector();
            content = inspector;
            long[] elapsed = {0};
            step = () -> {
                elapsed[0] += 16_000_000;
                inspector.show(table(random, elapsed[0]));
            };
        } else {
            io.threadstage.ui.editor.EditorViewModel editor = new io.threadstage.ui.editor.EditorViewModel();
            try {
                editor.open(WindowFrameBench.busyThreads(THREADS), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            CodeView code = new CodeView(editor);
            content = code;
            step = () -> code.setThreadMarks(marks(random));
        }
        HBox root = new HBox(content);
        HBox.setHgrow(content, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(root, 1920, 1080);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return step;
    }

    /** The threads spread over the first lines, as a run's workers stand on their function's few lines. */
    private static Map<Integer, List<CodeView.ThreadMark>> marks(Random random) {
        Map<Integer, List<CodeView.ThreadMark>> marks = new HashMap<>();
        for (int tid = 1; tid <= THREADS; tid++) {
            int line = 2 + random.nextInt(40);
            marks.computeIfAbsent(line, key -> new ArrayList<>()).add(new CodeView.ThreadMark(tid, "W" + tid));
        }
        return marks;
    }

    private static ThreadTable table(Random random, long elapsed) {
        List<ThreadRow> rows = new ArrayList<>();
        for (int tid = 1; tid <= THREADS; tid++) {
            // a third of the threads move each pulse, between running and waiting for the lock or the GIL
            int state = random.nextInt(3);
            rows.add(new ThreadRow(tid, "W" + tid, 140_000_000L + tid, 4_000L + tid, false, true,
                    state == 0 ? io.threadstage.trace.ThreadState.RUNNING : io.threadstage.trace.ThreadState.WAITING,
                    state == 0 ? null : state == 1 ? io.threadstage.trace.Reason.LOCK : io.threadstage.trace.Reason.GIL,
                    state == 1 ? "lock" : null, state == 1 ? "W1" : null, List.of()));
        }
        return new ThreadTable(elapsed, elapsed, rows, THREADS, rows.get(0));
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0) / 1e6;
    }

    private static double pct(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
