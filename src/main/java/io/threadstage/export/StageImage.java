package io.threadstage.export;

import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.TraceStore;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A finished run's stage drawn into an image with no window: the frame the window's stage
 * would build at this size ({@link FrameBuilder}), painted by {@link Java2dFramePainter}. Either
 * the whole run fitted, as a picture shows it, or a replay's view at some instant, as a clip's
 * frame. The image is reused from call to call. Owned by the thread that owns the store (the
 * store's queries fill caches as they go).
 */
public final class StageImage {

    private final TraceStore store;
    private final String title;
    private final boolean presentation;
    private final String caption;
    private final StageColours colours;
    private final FrameBuilder builder = new FrameBuilder();
    private final StageFrame frame = new StageFrame();
    private final Java2dFramePainter painter = new Java2dFramePainter();
    private final Viewport viewport = new Viewport();
    private final BufferedImage image;
    private StageLayout layout;

    /**
     * @param title   the title bar's text (null: none)
     * @param caption the lesson's text under the legend when the lanes leave room (null: none)
     */
    public StageImage(TraceStore store, String title, int width, int height, boolean presentation, String caption,
                      StageColours colours) {
        this.store = store;
        this.title = title;
        this.presentation = presentation;
        this.caption = caption;
        this.colours = colours;
        // opaque: the stage paints its background first, and a GIF or PNG needs no alpha
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** The whole run fitted to the width, as the window shows a finished run. */
    public BufferedImage whole() {
        viewport.takeOver();
        viewport.fit(store.startNanos(), Math.max(store.endNanos(), store.startNanos() + 1));
        return paint(new StageOptions(title, presentation, 0, Long.MAX_VALUE, null, caption));
    }

    /**
     * What a replay at {@code speed} shows when its present is {@code presentNanos}: the view
     * follows that present as the window's replay does.
     */
    public BufferedImage replayAt(long presentNanos, double speed) {
        viewport.follow();
        viewport.present(store.startNanos(), presentNanos);
        return paint(new StageOptions(title, presentation, 0, presentNanos, StageOptions.replayStatus(speed), caption));
    }

    /** Where things are on the last image drawn (null before the first). */
    public StageLayout layout() {
        return layout;
    }

    /** The last image's pixels, row by row as {@code 0xRRGGBB}: the image's own array, not a copy. */
    int[] pixels() {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private BufferedImage paint(StageOptions options) {
        layout = builder.build(frame, store, viewport, image.getWidth(), image.getHeight(), options);
        Graphics2D g = image.createGraphics();
        try {
            painter.paint(frame, g, colours);
        } finally {
            g.dispose();
        }
        return image;
    }
}
