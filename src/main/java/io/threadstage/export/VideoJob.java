package io.threadstage.export;

import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * One MP4 of a finished trace, made on a worker thread of the caller's (the window's video
 * thread): the trace is read into a store of the job's own, so the window's stage and the
 * painting never share one; frames are painted on that thread and encoded on the
 * {@link ClipEncoder}'s, so both cores work. A cancelled or failed video leaves the target as it
 * was and no part file.
 *
 * <p>Threads: {@link #run} on the one worker thread; {@link #cancel()}, {@link #progress()} and
 * {@link #frameCount()} from any thread.
 */
public final class VideoJob {

    /** The trace the video shows, read on the worker thread. */
    @FunctionalInterface
    public interface TraceSource {
        TraceStore read() throws IOException;
    }

    private final String title;
    private final ClipSettings settings;
    private final Path out;
    private volatile boolean cancelled;
    private volatile ClipEncoder encoder;
    private volatile int frameCount;

    public VideoJob(String title, ClipSettings settings, Path out) {
        this.title = title;
        this.settings = settings;
        this.out = out;
    }

    public ClipSettings settings() {
        return settings;
    }

    /** Frames the video has, 0 until the trace is read. */
    public int frameCount() {
        return frameCount;
    }

    /** Frames encoded over all frames, 0 to 1. */
    public double progress() {
        ClipEncoder running = encoder;
        int frames = frameCount;
        return running == null || frames == 0 ? 0 : running.encoded() / (double) frames;
    }

    /** Stops the video at its next frame; {@link #run} then throws a {@link CancellationException}. */
    public void cancel() {
        cancelled = true;
        ClipEncoder running = encoder;
        if (running != null) {
            running.cancel();
        }
    }

    /** Makes the video; on the worker thread. Returns the plan it followed. */
    public VideoPlan run(TraceSource source) throws IOException {
        TraceStore store = source.read();
        VideoPlan plan = VideoPlan.of(store.startNanos(), store.endNanos(), settings.fps(), settings.speed());
        frameCount = plan.frameCount();
        ClipFrames frames = new ClipFrames(title, store, plan, settings);
        throwIfCancelled();
        ClipEncoder started = ClipEncoder.startVideo(out, settings, plan);
        encoder = started;
        // a cancel between the check above and the assignment has not reached this encoder
        if (cancelled) {
            started.cancel();
        }
        int painted = 0;
        try {
            while (painted < plan.frameCount() && started.put(frames.paint(painted))) {
                painted++;
            }
            started.done().get();
            return plan;
        } catch (CancellationException cancel) {
            throw cancel;
        } catch (InterruptedException e) {
            started.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while making the video");
        } catch (RuntimeException | Error failed) {
            IOException why = new IOException("drawing frame " + painted + " failed: " + failed, failed);
            started.fail(why);
            throw why;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof CancellationException cancel) {
                throw cancel;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    private void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("video export cancelled");
        }
    }
}
