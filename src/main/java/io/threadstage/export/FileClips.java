package io.threadstage.export;

import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A clip of a whole trace as a file, an animated GIF or an MP4 video, for the command line: the
 * calling thread paints the frames while a {@link ClipEncoder} encodes them, so the two cores
 * share the work. No window and no display. Called on the thread that owns the store.
 */
public final class FileClips {

    private FileClips() {
    }

    /** Writes the clip and returns its plan (how many frames, whether time was compressed). */
    public static ClipPlan writeGif(TraceHeader header, List<TraceEvent> events, Path out, ClipSettings settings)
            throws IOException {
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        return writeGif(header, store, out, settings);
    }

    /** As above, from a store already filled with a finished run. */
    public static ClipPlan writeGif(TraceHeader header, TraceStore store, Path out, ClipSettings settings)
            throws IOException {
        ClipPlan plan = settings.plan(store.startNanos(), store.endNanos());
        paint(header, store, plan, settings, ClipEncoder.start(out, settings, plan));
        return plan;
    }

    /**
     * Writes an MP4 (H.264) of a finished run at {@code settings.fps()} frames a second, every
     * frame drawn from the trace, and returns its plan. Both sides must be even.
     */
    public static VideoPlan writeMp4(TraceHeader header, TraceStore store, Path out, ClipSettings settings)
            throws IOException {
        VideoPlan plan = VideoPlan.of(store.startNanos(), store.endNanos(), settings.fps(), settings.speed());
        paint(header, store, plan, settings, ClipEncoder.startVideo(out, settings, plan));
        return plan;
    }

    private static void paint(TraceHeader header, TraceStore store, ClipSchedule plan, ClipSettings settings,
                              ClipEncoder encoder) throws IOException {
        ClipFrames frames = new ClipFrames(header == null ? null : header.stageTitle(), store, plan, settings);
        int painted = 0;
        try {
            while (painted < plan.frameCount() && encoder.put(frames.paint(painted))) {
                painted++;
            }
            encoder.done().get();
        } catch (InterruptedException e) {
            encoder.cancel();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the clip", e);
        } catch (RuntimeException | Error failed) {
            encoder.fail(new IOException("drawing frame " + painted + " failed: " + failed, failed));
            throw new IOException("drawing frame " + painted + " failed: " + failed, failed);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }
}
