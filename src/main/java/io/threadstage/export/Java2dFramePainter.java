package io.threadstage.export;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/**
 * Paints a {@link StageFrame} with Java2D, for files: the same orders in the same order as the
 * window's canvas painter ({@code ui.stage.CanvasFramePainter}), with the canvas's conventions
 * so the pixels agree: shapes antialiased at their exact (unsnapped) coordinates, strokes with
 * square caps and mitred joins, text antialiased in grey with fractional advances, sizes in
 * pixels. Text differs in small ways (JavaFX and Java2D rasterise glyphs each their own way);
 * {@code PainterAgreementTest} says by how much. Owned by the thread that paints.
 */
public final class Java2dFramePainter {

    /**
     * Java2D's logical sans-serif face: like the canvas's "System" font it is the platform's
     * sans-serif (fontconfig's on Linux), and it exists on every Java runtime, headless or not.
     */
    private static final String FONT_FAMILY = Font.SANS_SERIF;

    private final Map<Long, Font> fonts = new HashMap<>();
    private final Map<Float, BasicStroke> strokes = new HashMap<>();
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final Line2D.Double line = new Line2D.Double();
    private final Path2D.Double triangle = new Path2D.Double();

    public void paint(StageFrame frame, Graphics2D g, StageColours colours) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // JavaFX never moves a shape onto the pixel grid: neither may Java2D, or lines shift by half a pixel
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Color[] colors = new Color[Ink.COUNT];
        for (Ink ink : Ink.values()) {
            colors[ink.ordinal()] = new Color(colours.rgb(ink));
        }
        for (Ink ink : Ink.values()) {
            if (frame.noShapes(ink)) {
                continue;
            }
            g.setColor(colors[ink.ordinal()]);
            StageFrame.Doubles rects = frame.rects(ink);
            for (int k = 0; k < rects.size(); k += 4) {
                rect.setRect(rects.get(k), rects.get(k + 1), rects.get(k + 2), rects.get(k + 3));
                g.fill(rect);
            }
            StageFrame.Doubles outlines = frame.outlines(ink);
            if (outlines.size() > 0) {
                g.setStroke(stroke(2));
                for (int k = 0; k < outlines.size(); k += 4) {
                    rect.setRect(outlines.get(k), outlines.get(k + 1), outlines.get(k + 2), outlines.get(k + 3));
                    g.draw(rect);
                }
            }
            StageFrame.Doubles lines = frame.lines(ink);
            if (lines.size() > 0) {
                g.setStroke(stroke(frame.lineWidth(ink)));
                for (int k = 0; k < lines.size(); k += 4) {
                    line.setLine(lines.get(k), lines.get(k + 1), lines.get(k + 2), lines.get(k + 3));
                    g.draw(line);
                }
            }
            StageFrame.Doubles triangles = frame.triangles(ink);
            for (int k = 0; k < triangles.size(); k += 8) {
                triangle.reset();
                triangle.moveTo(triangles.get(k), triangles.get(k + 1));
                triangle.lineTo(triangles.get(k + 2), triangles.get(k + 3));
                triangle.lineTo(triangles.get(k + 4), triangles.get(k + 5));
                triangle.closePath();
                g.fill(triangle);
            }
        }
        for (StageFrame.Text text : frame.texts()) {
            g.setColor(colors[text.ink().ordinal()]);
            Font font = font(text.size(), text.bold());
            g.setFont(font);
            double x = text.x();
            if (text.align() != StageFrame.Align.LEFT) {
                double width = font.getStringBounds(text.text(), g.getFontRenderContext()).getWidth();
                x -= text.align() == StageFrame.Align.RIGHT ? width : width / 2;
            }
            g.drawString(text.text(), (float) x, (float) text.y());
        }
    }

    private BasicStroke stroke(double width) {
        // BasicStroke's defaults are the canvas's: square caps, mitred joins, a miter limit of 10
        return strokes.computeIfAbsent((float) width, BasicStroke::new);
    }

    private Font font(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) size));
    }
}
