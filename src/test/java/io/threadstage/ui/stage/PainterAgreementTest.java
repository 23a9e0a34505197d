package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.export.Java2dFramePainter;
import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.Ink;
import io.threadstage.picture.SampleTraces;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window's canvas painter and the files' Java2D painter, given the same {@link StageFrame},
 * make the same picture. The canvas is snapshotted on a headless toolkit; the comparison is per
 * channel, in three kinds of place:
 * <ul>
 *   <li><b>Pixel-aligned shapes</b> (every pixel no text box and no antialiased edge touches):
 *       identical. Fills there cover whole pixels, so both painters write the ink's exact colour;
 *       any difference is a wrong colour, a missing or extra shape, or an offset.</li>
 *   <li><b>Antialiased edges</b> (a rectangle side at a fractional coordinate, a line, an
 *       outline, an arrowhead): within {@value #EDGE_TOLERANCE} levels. JavaFX's software
 *       pipeline and Java2D's renderer each compute the coverage of a partly covered pixel with
 *       their own subpixel sampling; a horizontal 2.4 px line at a fractional y measured 16 levels
 *       apart at its edge rows.</li>
 *   <li><b>Text boxes</b>: within {@value #TEXT_TOLERANCE} levels at 99.5% of their pixels and
 *       {@value #EDGE_TOLERANCE} at all. Both painters draw fontconfig's sans-serif (DejaVu Sans on
 *       the build machines) at the same size and position with grey antialiasing, but rasterise
 *       glyphs with different engines (the tests' JavaFX uses T2K, Java2D FreeType), whose
 *       rounding of glyph coverage measured at most 2 levels apart. A painter that picked
 *       another face, size, weight or alignment moves whole strokes of glyphs and fails this.</li>
 * </ul>
 */
class PainterAgreementTest {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    static final int EDGE_TOLERANCE = 48;
    static final int TEXT_TOLERANCE = 8;

    private static final byte EXACT = 0;
    private static final byte EDGE = 1;
    private static final byte TEXT = 2;

    @ParameterizedTest(name = "{0}, presentation {1}, high contrast {2}")
    @CsvSource({
        "producer-consumer, true, false",
        "producer-consumer, false, false",
        "producer-consumer, true, true",
        "gil, true, false",
        "join-timeout, false, false",
        "join-timeout, true, true",
    })
    void theCanvasAndTheImageAgree(String trace, boolean presentation, boolean highContrast) throws Exception {
        TraceStore store = sample(trace).store();
        StageFrame frame = new StageFrame();
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        new FrameBuilder().build(frame, store, viewport, WIDTH, HEIGHT,
                new StageOptions(trace, presentation, 0, Long.MAX_VALUE, null));
        StageColours colours = StageColours.of(highContrast);
        BufferedImage canvas = onCanvas(frame, colours);
        BufferedImage image = inImage(frame, colours);
        byte[] kind = kinds(frame);

        int exact = 0;
        int exactWrong = 0;
        int text = 0;
        int textLoose = 0;
        String first = null;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int d = difference(canvas.getRGB(x, y), image.getRGB(x, y));
                byte k = kind[y * WIDTH + x];
                if (k == EXACT) {
                    exact++;
                    exactWrong += d == 0 ? 0 : 1;
                } else if (k == TEXT) {
                    text++;
                    textLoose += d <= TEXT_TOLERANCE ? 0 : 1;
                }
                if ((k == EXACT && d != 0 || d > EDGE_TOLERANCE) && first == null) {
                    first = "(" + x + ", " + y + "): canvas " + hex(canvas.getRGB(x, y)) + ", image "
                            + hex(image.getRGB(x, y)) + (k == EXACT ? " where the shapes are pixel-aligned" : "");
                }
            }
        }
        assertTrue(exact > WIDTH * HEIGHT * 0.6, "most of the picture is compared exactly: " + exact + " pixels");
        assertEquals(null, first, "the first pixel out of tolerance");
        assertEquals(0, exactWrong);
        assertTrue(textLoose <= text * 0.005, textLoose + " of " + text + " text pixels differ by more than "
                + TEXT_TOLERANCE + " levels");
    }

    private static TraceBuilder sample(String name) {
        switch (name) {
            case "gil": return SampleTraces.gilTurns();
            case "join-timeout": return SampleTraces.joinTimeoutLockEvent();
            default: return SampleTraces.producerConsumer();
        }
    }

    private static BufferedImage inImage(StageFrame frame, StageColours colours) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            new Java2dFramePainter().paint(frame, g, colours);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static BufferedImage onCanvas(StageFrame frame, StageColours colours) throws Exception {
        HeadlessFx.start();
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(frame.width(), frame.height());
                new CanvasFramePainter().paint(frame, canvas.getGraphicsContext2D(), StagePalette.of(colours));
                result.complete(SwingFXUtils.fromFXImage(canvas.snapshot(null, null), null));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Which kind of place each pixel is, from the frame's own orders; text wins over edges. */
    private static byte[] kinds(StageFrame frame) {
        byte[] kind = new byte[WIDTH * HEIGHT];
        for (Ink ink : Ink.values()) {
            StageFrame.Doubles rects = frame.rects(ink);
            for (int k = 0; k < rects.size(); k += 4) {
                rectEdges(kind, rects.get(k), rects.get(k + 1), rects.get(k + 2), rects.get(k + 3));
            }
            StageFrame.Doubles outlines = frame.outlines(ink);
            for (int k = 0; k < outlines.size(); k += 4) {
                // stroked 2 px wide, centred on the sides
                mark(kind, outlines.get(k) - 2, outlines.get(k + 1) - 2, outlines.get(k) + outlines.get(k + 2) + 2,
                        outlines.get(k + 1) + outlines.get(k + 3) + 2, EDGE);
            }
            StageFrame.Doubles lines = frame.lines(ink);
            for (int k = 0; k < lines.size(); k += 4) {
                line(kind, lines.get(k), lines.get(k + 1), lines.get(k + 2), lines.get(k + 3), frame.lineWidth(ink));
            }
            StageFrame.Doubles triangles = frame.triangles(ink);
            for (int k = 0; k < triangles.size(); k += 8) {
                double left = Math.min(triangles.get(k), Math.min(triangles.get(k + 2), triangles.get(k + 4)));
                double right = Math.max(triangles.get(k), Math.max(triangles.get(k + 2), triangles.get(k + 4)));
                double top = Math.min(triangles.get(k + 1), Math.min(triangles.get(k + 3), triangles.get(k + 5)));
                double bottom = Math.max(triangles.get(k + 1), Math.max(triangles.get(k + 3), triangles.get(k + 5)));
                mark(kind, left - 1, top - 1, right + 1, bottom + 1, EDGE);
            }
        }
        for (StageFrame.Text text : frame.texts()) {
            // generous: wider than DejaVu's widest letters, from above the accents to below the descenders
            double width = text.text().length() * text.size() * 0.8 + 4;
            double left = text.align() == StageFrame.Align.LEFT ? text.x() - 2
                    : text.align() == StageFrame.Align.RIGHT ? text.x() - width : text.x() - width / 2;
            mark(kind, left, text.y() - text.size() * 1.2, left + width + 2, text.y() + text.size() * 0.45, TEXT);
        }
        return kind;
    }

    /** A side at a fractional coordinate covers part of its pixels: those are antialiased. */
    private static void rectEdges(byte[] kind, double x, double y, double w, double h) {
        double right = x + w;
        double bottom = y + h;
        if (x != Math.rint(x)) {
            mark(kind, x - 1, y - 1, x + 1, bottom + 1, EDGE);
        }
        if (right != Math.rint(right)) {
            mark(kind, right - 1, y - 1, right + 1, bottom + 1, EDGE);
        }
        if (y != Math.rint(y)) {
            mark(kind, x - 1, y - 1, right + 1, y + 1, EDGE);
        }
        if (bottom != Math.rint(bottom)) {
            mark(kind, x - 1, bottom - 1, right + 1, bottom + 1, EDGE);
        }
    }

    /** Every pixel whose centre lies within the line's half width (plus its square caps and a pixel) of it. */
    private static void line(byte[] kind, double x1, double y1, double x2, double y2, double width) {
        double reach = width / 2 * Math.sqrt(2) + 1.5;
        int left = (int) Math.floor(Math.min(x1, x2) - reach);
        int right = (int) Math.ceil(Math.max(x1, x2) + reach);
        int top = (int) Math.floor(Math.min(y1, y2) - reach);
        int bottom = (int) Math.ceil(Math.max(y1, y2) + reach);
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length2 = dx * dx + dy * dy;
        for (int py = Math.max(0, top); py <= Math.min(HEIGHT - 1, bottom); py++) {
            for (int px = Math.max(0, left); px <= Math.min(WIDTH - 1, right); px++) {
                double cx = px + 0.5;
                double cy = py + 0.5;
                double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((cx - x1) * dx + (cy - y1) * dy) / length2));
                double ex = x1 + t * dx - cx;
                double ey = y1 + t * dy - cy;
                if (ex * ex + ey * ey <= reach * reach && kind[py * WIDTH + px] != TEXT) {
                    kind[py * WIDTH + px] = EDGE;
                }
            }
        }
    }

    private static void mark(byte[] kind, double left, double top, double right, double bottom, byte what) {
        for (int y = Math.max(0, (int) Math.floor(top)); y < Math.min(HEIGHT, (int) Math.ceil(bottom)); y++) {
            for (int x = Math.max(0, (int) Math.floor(left)); x < Math.min(WIDTH, (int) Math.ceil(right)); x++) {
                if (kind[y * WIDTH + x] != TEXT) {
                    kind[y * WIDTH + x] = what;
                }
            }
        }
    }

    /** The largest difference of one channel, 0 to 255. */
    private static int difference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
