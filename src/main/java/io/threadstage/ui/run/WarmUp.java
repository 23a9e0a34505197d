package io.threadstage.ui.run;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run nobody sees, once, soon after the window opens: a few hundred threads start, compute,
 * take a lock, sleep, pass items through a queue, wait on an event and are joined, on the core
 * at ten times the pace; the trace is read into a store as the window's pulse reads a run, and
 * drawn into frames and an inspector's table as the pulse draws them. The code a teacher's first
 * run spends its time in is then compiled before it. Cold, the first second of a 1,000-thread
 * run ran in the interpreter while the compiler's threads worked, and the window's pulses waited
 * for a core: a dozen frames of 50-200 ms, on camera.
 *
 * <p>It runs on a thread of its own, never the FX thread, and {@link #cancel()} (a real run
 * starting) stops it at once. Nothing of it is shown or kept.
 */
public final class WarmUp {

    /** Enough threads that the run, the store and the frame builder pass the compiler's thresholds. */
    static final int WORKERS = 300;
    private static final double PACE = 10.0;
    /** The first reads come 5 ms apart, as a window's pulses read a run; later ones 20 ms apart. */
    private static final int EARLY_READS = 40;

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile ScenarioRun run;
    private volatile Throwable failure;
    /** The warm-up run's trace, read whole, once it completed (for the window's own warm-up). */
    private volatile TraceStore finished;

    private WarmUp() {
        thread = new Thread(this::warm, "threadstage warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts warming up on a thread of its own; returns at once. */
    public static WarmUp start() {
        WarmUp warmUp = new WarmUp();
        warmUp.thread.start();
        return warmUp;
    }

    /** Stops the warm-up (its run ends within a second, as any run's Stop); nothing when it is over. */
    public void cancel() {
        cancelled = true;
        ScenarioRun current = run;
        if (current != null) {
            current.stop();
        }
    }

    /** Waits until the warm-up is over, finished or cancelled; false when {@code timeout} passed first. */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Whether the warm-up is over: completed, cancelled or failed. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** The run's trace once the warm-up completed (empty while it runs, and for good when it was cancelled or failed). */
    public Optional<TraceStore> finishedStore() {
        return Optional.ofNullable(finished);
    }

    /** What went wrong inside, if anything: a warm-up that fails costs nothing but its own time. */
    public Throwable failure() {
        return failure;
    }

    private void warm() {
        try {
            Scenario scenario = new ScenarioLoader().parse("warm-up.json", scenarioJson(WORKERS));
            RunOptions options = new RunOptions(PACE, null, RunOptions.DEFAULT_MAX_THREADS, Map.of());
            TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()),
                    4_000_000);
            TraceStore store = TraceStore.forRun(recorder);
            if (cancelled) {
                return;
            }
            run = ScenarioRun.start(scenario, options, recorder);
            if (cancelled) {
                run.stop();
            }
            FrameBuilder builder = new FrameBuilder();
            StageFrame frame = new StageFrame();
            Viewport viewport = new Viewport();
            long read = 0;
            int frames = 0;
            while (!run.isFinished() || read < recorder.ready()) {
                read = recorder.read(read, 200_000, store::append);
                store.quietUntil(recorder.completeUntilNanos(read));
                long present = Math.max(store.endNanos(), recorder.elapsedNanos());
                viewport.present(store.startNanos(), present);
                builder.build(frame, store, viewport, 1400, 760,
                        new StageOptions(scenario.title(), false, 0, present, "live"));
                if (frames++ % 8 == 0) {
                    ThreadTable.at(store, present);
                }
                Thread.sleep(frames < EARLY_READS ? 5 : 20);
            }
            if (!cancelled && store.outcome() != null) {
                finished = store;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ScenarioException | RuntimeException | Error e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /**
     * Every worker computes, takes the lock, sleeps, puts an item and gets one, waits for the
     * event main sets once all have started; main starts them all, sets the event and joins them.
     */
    static byte[] scenarioJson(int workers) {
        StringBuilder json = new StringBuilder("{\"format\": \"threadstage/1\", \"title\": \"warm-up\", \"resources\": ["
                + "{\"kind\": \"lock\", \"name\": \"lock\"}, {\"kind\": \"queue\", \"name\": \"items\"},"
                + " {\"kind\": \"event\", \"name\": \"go\"}], \"workers\": [");
        StringBuilder starts = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (int i = 0; i < workers; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"W").append(i)
                    .append("\", \"style\": \"target\", \"function\": \"work\", \"steps\": [{\"wait\": \"go\"},"
                            + " {\"repeat\": 2, \"do\": [{\"compute\": 1}, {\"with\": \"lock\", \"do\": [{\"compute\": 1}]},"
                            + " {\"sleep\": 20}, {\"put\": \"items\", \"item\": \"x\"}, {\"get\": \"items\"}]}]}");
            starts.append("{\"start\": \"W").append(i).append("\"}, ");
            joins.append(", {\"join\": \"W").append(i).append("\"}");
        }
        json.append("], \"main\": [").append(starts).append("{\"set\": \"go\"}").append(joins).append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
