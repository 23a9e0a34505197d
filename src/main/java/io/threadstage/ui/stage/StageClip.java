package io.threadstage.ui.stage;

import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * A clip of a whole trace as an animated GIF with no display, for the command line: starts
 * JavaFX headless when needed and waits for a {@link ClipExport}. Callable from any thread but
 * the FX thread.
 */
public final class StageClip {

    /** Six hundred 8K frames take a while on two cores; past this the caller gives up. */
    static final long TIMEOUT_SECONDS = 1800;

    private StageClip() {
    }

    /** Writes the clip and returns its plan (how many frames, whether time was compressed). */
    public static ClipPlan writeGif(TraceHeader header, List<TraceEvent> events, Path out, ClipSettings settings)
            throws IOException {
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        return writeGif(header, store, out, settings);
    }

    /** As above, from a store already filled with a finished run; it is read on the FX thread and must not grow. */
    public static ClipPlan writeGif(TraceHeader header, TraceStore store, Path out, ClipSettings settings)
            throws IOException {
        HeadlessFx.start();
        CompletableFuture<ClipExport> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                started.complete(ClipExport.start(header == null ? null : header.stageTitle(), store, out, settings));
            } catch (IOException | RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        });
        ClipExport export = null;
        try {
            export = started.get(StagePicture.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            export.done().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return export.plan();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(export);
            throw new IOException("interrupted while making the clip", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            cancel(export);
            throw new IOException("making the clip took longer than " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static void cancel(ClipExport export) {
        if (export != null) {
            Platform.runLater(export::cancel);
        }
    }
}
