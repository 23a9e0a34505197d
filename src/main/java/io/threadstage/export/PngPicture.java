package io.threadstage.export;

import io.threadstage.io.AtomicFile;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a whole trace as a PNG with no window and no display: the stage in presentation mode as
 * the window shows a finished run ({@link StageImage}). Called on the thread that owns the store.
 */
public final class PngPicture {

    private PngPicture() {
    }

    public static void writePng(TraceHeader header, List<TraceEvent> events, Path out, int width, int height)
            throws IOException {
        writePng(header, events, out, width, height, null);
    }

    /** As above, with the lesson's text under the legend when the lanes leave room ({@code caption} may be null). */
    public static void writePng(TraceHeader header, List<TraceEvent> events, Path out, int width, int height,
                                String caption) throws IOException {
        checkSize(width, height);
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        writePng(header, store, out, width, height, caption);
    }

    /** As above, from a store already filled (a finished run, or a trace streamed from a file), so no list of events is made. */
    public static void writePng(TraceHeader header, TraceStore store, Path out, int width, int height, String caption)
            throws IOException {
        checkSize(width, height);
        writePng(render(header, store, width, height, false, caption).image(), out);
    }

    /**
     * Encodes {@code image} into {@code out} through {@link AtomicFile}, so a failed write leaves
     * no partial picture. ImageIO is handed a stream, not a file: given a file it cannot open,
     * it prints a stack trace of its own before failing.
     */
    public static void writePng(BufferedImage image, Path out) throws IOException {
        AtomicFile.write(out, stream -> {
            try (ImageOutputStream images = new MemoryCacheImageOutputStream(stream)) {
                if (!ImageIO.write(image, "png", images)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        });
    }

    /** A picture and where things are on it, for tests that check pixels. */
    public record Rendered(BufferedImage image, StageLayout layout) {
    }

    /** Paints {@code store} whole at the given size, in presentation mode. */
    public static Rendered render(TraceHeader header, TraceStore store, int width, int height, boolean highContrast) {
        return render(header, store, width, height, highContrast, null);
    }

    public static Rendered render(TraceHeader header, TraceStore store, int width, int height, boolean highContrast,
                                  String caption) {
        StageImage image = new StageImage(store, header == null ? null : header.stageTitle(), width, height, true,
                caption, StageColours.of(highContrast));
        return new Rendered(image.whole(), image.layout());
    }

    private static void checkSize(int width, int height) {
        if (width < 320 || height < 200) {
            throw new IllegalArgumentException("a picture needs at least 320x200 pixels, not " + width + "x" + height);
        }
    }
}
