package io.threadstage.ui.stage;

import io.threadstage.export.ClipEncoder;
import io.threadstage.export.ClipFrames;
import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Makes a clip of the window's finished trace without holding up the FX thread: each of the
 * window's pulses ({@link #pulse()}, from the window's one {@code AnimationTimer}) paints a few frames ({@link ClipFrames}, on the FX thread because the window's stage reads the
 * same store), for at most {@link #PAINT_BUDGET_NANOS}, and hands them to a {@link ClipEncoder};
 * a full queue skips the pulse's painting instead of waiting. A cancelled or failed export leaves
 * the target as it was and no part file.
 *
 * <p>Threads: created, progressed and cancelled on the FX thread. {@link #done()} completes on
 * the encoding executor's thread.
 */
public final class ClipExport {

    /** Painting time per pulse, so the window keeps its frame rate while a clip is made. */
    static final long PAINT_BUDGET_NANOS = 12_000_000L;

    private final ClipPlan plan;
    private final ClipSettings settings;
    private final ClipFrames frames;
    private final ClipEncoder encoder;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private int painted;
    private boolean stopped;

    private ClipExport(String title, TraceStore store, Path out, ClipSettings settings, Executor encoding)
            throws IOException {
        this.settings = settings;
        plan = settings.plan(store.startNanos(), store.endNanos());
        frames = new ClipFrames(title, store, plan, settings);
        encoder = ClipEncoder.start(out, settings, plan, encoding);
    }

    /**
     * Starts exporting {@code store} (a finished run: it must not grow meanwhile) to {@code out}.
     * FX thread only; frames are painted on the window's pulses ({@link #pulse()}) and encoded on {@code encoding} (the window's file thread). Fails
     * at once when no temporary file can be made beside {@code out}.
     */
    public static ClipExport start(String title, TraceStore store, Path out, ClipSettings settings,
                                   Executor encoding) throws IOException {
        return new ClipExport(title, store, out, settings, encoding);
    }

    public ClipPlan plan() {
        return plan;
    }

    public ClipSettings settings() {
        return settings;
    }

    /** Frames encoded over all frames, 0 to 1; updated once per pulse. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Completes with the written file, or exceptionally (a {@link CancellationException} when cancelled). */
    public CompletableFuture<Path> done() {
        return encoder.done();
    }

    /** Stops painting and encoding; the temporary file goes, the target stays as it was. */
    public void cancel() {
        encoder.cancel();
        stopped = true;
    }

    /** One frame of the window's pulse: paints what fits the budget and the encoder's queue; nothing once ended. */
    public void pulse() {
        if (stopped) {
            return;
        }
        progress.set(encoder.encoded() / (double) plan.frameCount());
        if (encoder.done().isDone()) {
            stopped = true;
            return;
        }
        long start = System.nanoTime();
        try {
            while (painted < plan.frameCount() && encoder.hasRoom()
                    && System.nanoTime() - start < PAINT_BUDGET_NANOS) {
                encoder.offer(frames.paint(painted));
                painted++;
            }
        } catch (RuntimeException | Error failed) {
            encoder.fail(new IOException("drawing frame " + painted + " failed: " + failed, failed));
            stopped = true;
        }
    }
}
