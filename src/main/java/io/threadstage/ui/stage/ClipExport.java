package io.threadstage.ui.stage;

import io.threadstage.io.AtomicFile;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Makes a clip of a finished trace without holding up the FX thread: each pulse paints a few
 * frames (snapshots need the FX thread), for at most {@link #PAINT_BUDGET_NANOS}, and hands
 * them to an encoding thread through a short queue; a full queue skips the pulse's painting
 * instead of waiting. The GIF is written through an {@link AtomicFile}: moved over the target
 * only when whole, so a cancelled or failed export leaves the target as it was and no part file.
 *
 * <p>Threads: created, progressed and cancelled on the FX thread; the encoding thread owns the
 * writer. {@link #done()} completes on the encoding thread.
 */
public final class ClipExport {

    /** Painting time per pulse, so the window keeps its frame rate while a clip is made. */
    static final long PAINT_BUDGET_NANOS = 12_000_000L;
    /** Frames painted but not yet encoded: bounds the memory (a 720p frame is 3.7 MB). */
    static final int QUEUE_FRAMES = 4;

    private final ClipPlan plan;
    private final ClipSettings settings;
    private final ClipFrames frames;
    private final int width;
    private final int height;
    private final Path out;
    private final AtomicFile file;
    private final BlockingQueue<int[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final AtomicInteger encoded = new AtomicInteger();
    private final CompletableFuture<Path> done = new CompletableFuture<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private volatile boolean cancelled;
    private int painted;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse();
        }
    };

    private ClipExport(String title, TraceStore store, Path out, ClipSettings settings) throws IOException {
        this.out = out;
        this.settings = settings;
        width = settings.width();
        height = settings.height();
        plan = settings.plan(store.startNanos(), store.endNanos());
        file = AtomicFile.create(out);
        try {
            frames = new ClipFrames(title, store, plan, settings);
        } catch (RuntimeException failed) {
            file.close();
            throw failed;
        }
    }

    /**
     * Starts exporting {@code store} (a finished run: it must not grow meanwhile) to {@code out}.
     * FX thread only. Fails at once when no temporary file can be made beside {@code out}.
     */
    public static ClipExport start(String title, TraceStore store, Path out, ClipSettings settings) throws IOException {
        ClipExport export = new ClipExport(title, store, out, settings);
        Thread encoder = new Thread(export::encode, "clip-encoder");
        encoder.setDaemon(true);
        encoder.start();
        export.pulse.start();
        return export;
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
        return done;
    }

    /** Stops painting and encoding; the temporary file goes, the target stays as it was. */
    public void cancel() {
        cancelled = true;
        finishPainting();
    }

    private void onPulse() {
        progress.set(encoded.get() / (double) plan.frameCount());
        if (cancelled || done.isDone()) {
            finishPainting();
            return;
        }
        long start = System.nanoTime();
        try {
            while (painted < plan.frameCount() && queue.remainingCapacity() > 0
                    && System.nanoTime() - start < PAINT_BUDGET_NANOS) {
                queue.add(frames.paint(painted));
                painted++;
            }
        } catch (RuntimeException | Error failed) {
            cancelled = true;
            done.completeExceptionally(new IOException("drawing frame " + painted + " failed: " + failed, failed));
            finishPainting();
        }
    }

    private void finishPainting() {
        pulse.stop();
        frames.dispose();
    }

    private void encode() {
        try {
            try (GifClipWriter writer = new GifClipWriter(file.temporary())) {
                for (int k = 0; k < plan.frameCount(); k++) {
                    int[] argb = nextFrame();
                    writer.write(argb, width, height, plan.delayOf(k));
                    encoded.incrementAndGet();
                }
            }
            if (cancelled) {
                throw new CancellationException("clip export cancelled");
            }
            file.commit();
            done.complete(out);
        } catch (IOException | RuntimeException | Error failed) {
            done.completeExceptionally(failed);
        } catch (InterruptedException interrupted) {
            done.completeExceptionally(new CancellationException("interrupted"));
        } finally {
            // a cancelled or failed clip leaves no part file; after a commit this does nothing
            file.close();
        }
    }

    private int[] nextFrame() throws InterruptedException {
        while (true) {
            if (cancelled) {
                throw new CancellationException("clip export cancelled");
            }
            int[] frame = queue.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null) {
                return frame;
            }
        }
    }
}
