package io.threadstage.export;

import io.threadstage.picture.ComparisonStages;
import io.threadstage.picture.Ink;
import io.threadstage.picture.RunComparison;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Two runs stacked on one time scale as a PNG, under a line that says their durations and the
 * ratio: the picture of "the GIL makes this twice as slow". Each half is a whole stage, in
 * presentation mode when it is at least 720 px tall, else at the window's sizes so every lane fits. Called on the thread that owns both stores.
 */
public final class ComparisonPicture {

    /** The summary's band above the stages, as a share of the picture's height. */
    private static final double BAND_SHARE = 0.06;
    /** A stage at least this tall is drawn in presentation mode, as a whole-run picture is. */
    private static final int PRESENTATION_MIN_HEIGHT = 720;

    private ComparisonPicture() {
    }

    /** A picture and where each stage stands on it, for tests that check pixels. */
    public record Rendered(BufferedImage image, ComparisonStages stages, int bandHeight, int stageHeight) {
    }

    public static void writePng(RunComparison comparison, Path out, int width, int height, boolean highContrast)
            throws IOException {
        PngPicture.writePng(render(comparison, width, height, highContrast).image(), out);
    }

    public static Rendered render(RunComparison comparison, int width, int height, boolean highContrast) {
        StageColours colours = StageColours.of(highContrast);
        int band = (int) Math.max(40, Math.round(height * BAND_SHARE));
        int stageHeight = (height - band) / 2;
        ComparisonStages stages = new ComparisonStages();
        // half a 1080p picture cannot hold five presentation-size lanes, the GIL strip, two counter
        // strips and the legend: a half that tall takes the window's sizes, so no lane is cut off
        stages.build(comparison, width, stageHeight, stageHeight >= PRESENTATION_MIN_HEIGHT);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(colours.rgb(Ink.BACKGROUND)));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(colours.rgb(Ink.TEXT)));
            int size = (int) Math.round(band * 0.55);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            g.drawString(comparison.summary(), 12, (int) Math.round(band / 2.0 + size * 0.36));
            Java2dFramePainter painter = new Java2dFramePainter();
            paintStage(painter, stages.upperFrame(), g, band, width, stageHeight, colours);
            paintStage(painter, stages.lowerFrame(), g, band + stageHeight, width, stageHeight, colours);
            // a rule between the two stages, so the eye does not read one lane across into the other
            g.setColor(new Color(colours.rgb(Ink.TEXT_MUTED)));
            g.fillRect(0, band + stageHeight - 1, width, 2);
        } finally {
            g.dispose();
        }
        return new Rendered(image, stages, band, stageHeight);
    }

    private static void paintStage(Java2dFramePainter painter, StageFrame frame, Graphics2D g,
                                   int top, int width, int height, StageColours colours) {
        Graphics2D stage = (Graphics2D) g.create(0, top, width, height);
        try {
            painter.paint(frame, stage, colours);
        } finally {
            stage.dispose();
        }
    }
}
