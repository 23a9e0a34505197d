package io.threadstage.ui.stage;

import io.threadstage.io.AtomicFile;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a whole trace as a PNG with no display: the same {@link StageView} in presentation
 * mode, painted once and snapshotted. Starts JavaFX headless (Monocle, software pipeline) when
 * no toolkit runs yet. Callable from any thread but the FX thread; the drawing happens on it.
 */
public final class StagePicture {

    /** How long a picture may take before the caller gives up. */
    static final long TIMEOUT_SECONDS = 60;

    private StagePicture() {
    }

    public static void writePng(TraceHeader header, List<TraceEvent> events, Path out, int width, int height)
            throws IOException {
        writePng(header, events, out, width, height, null);
    }

    /** As above, with the lesson's text under the legend when the lanes leave room ({@code caption} may be null). */
    public static void writePng(TraceHeader header, List<TraceEvent> events, Path out, int width, int height,
                                String caption) throws IOException {
        if (width < 320 || height < 200) {
            throw new IllegalArgumentException("a picture needs at least 320x200 pixels, not " + width + "x" + height);
        }
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        writePng(header, store, out, width, height, caption);
    }

    /**
     * As above, from a store already filled (a finished run, or a trace streamed from a file),
     * so no list of events is ever made; the store is read on the FX thread and must not grow.
     */
    public static void writePng(TraceHeader header, TraceStore store, Path out, int width, int height, String caption)
            throws IOException {
        if (width < 320 || height < 200) {
            throw new IllegalArgumentException("a picture needs at least 320x200 pixels, not " + width + "x" + height);
        }
        writePng(renderWithLayout(header, store, width, height, false, caption).image(), out);
    }

    /**
     * Encodes {@code image} into {@code out} through {@link AtomicFile}, so a failed write leaves
     * no partial picture. ImageIO is handed a stream, not a file: given a file it cannot open,
     * it prints a stack trace of its own before failing.
     */
    static void writePng(BufferedImage image, Path out) throws IOException {
        AtomicFile.write(out, stream -> {
            try (ImageOutputStream images = new MemoryCacheImageOutputStream(stream)) {
                if (!ImageIO.write(image, "png", images)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        });
    }

    /** Paints {@code store} on a fresh view of the given size and returns the picture. */
    public static BufferedImage render(TraceHeader header, TraceStore store, int width, int height) throws IOException {
        return renderWithLayout(header, store, width, height, false).image();
    }

    /**
     * A stage of {@code width x height} in a scene of its own that is never shown: what pictures
     * and clips paint on. FX thread only.
     */
    static StageView offscreenView(String title, int width, int height, boolean presentation, boolean highContrast,
                                   String caption) {
        StageView view = new StageView();
        view.setTitle(title);
        view.setPresentation(presentation);
        view.setCaption(caption);
        view.setHighContrast(highContrast);
        new Scene(view, width, height);
        view.applyCss();
        view.resize(width, height);
        view.layout();
        return view;
    }

    /** A picture and where things are on it, for tests that check pixels. */
    record Rendered(BufferedImage image, StageLayout layout) {
    }

    static Rendered renderWithLayout(TraceHeader header, TraceStore store, int width, int height, boolean highContrast)
            throws IOException {
        return renderWithLayout(header, store, width, height, highContrast, null);
    }

    static Rendered renderWithLayout(TraceHeader header, TraceStore store, int width, int height, boolean highContrast,
                                     String caption) throws IOException {
        HeadlessFx.start();
        CompletableFuture<Rendered> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                StageView view = offscreenView(header == null ? null : header.stageTitle(), width, height, true,
                        highContrast, caption);
                Scene scene = view.getScene();
                view.show(store);
                view.paintNow();
                result.complete(new Rendered(SwingFXUtils.fromFXImage(view.snapshotCanvas(), null), view.stageLayout()));
                scene.setRoot(new javafx.scene.Group());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the picture", e);
        } catch (ExecutionException e) {
            throw new IOException("drawing the picture failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("drawing the picture took longer than " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
