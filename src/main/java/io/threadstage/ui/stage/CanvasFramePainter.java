package io.threadstage.ui.stage;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageFrame;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link StageFrame} on a canvas: one full {@code clearRect} (JavaFX then drops the
 * previous frame's commands), then ink by ink so the fill changes once per colour, rectangles
 * and lines only, no clips and no paths but the arrowheads. Pictures and clips paint the same
 * frame with {@code export.Java2dFramePainter}, which must keep to the same geometry. Owned by
 * the thread that owns the canvas.
 */
public final class CanvasFramePainter {

    private final Map<Long, Font> fonts = new HashMap<>();
    private final double[] xs = new double[3];
    private final double[] ys = new double[3];

    public void paint(StageFrame frame, GraphicsContext g, StagePalette palette) {
        g.clearRect(0, 0, frame.width(), frame.height());
        for (Ink ink : Ink.values()) {
            if (frame.noShapes(ink)) {
                continue;
            }
            StageFrame.Doubles rects = frame.rects(ink);
            StageFrame.Doubles outlines = frame.outlines(ink);
            StageFrame.Doubles lines = frame.lines(ink);
            StageFrame.Doubles triangles = frame.triangles(ink);
            g.setFill(palette.color(ink));
            g.setStroke(palette.color(ink));
            for (int k = 0; k < rects.size(); k += 4) {
                g.fillRect(rects.get(k), rects.get(k + 1), rects.get(k + 2), rects.get(k + 3));
            }
            if (outlines.size() > 0) {
                g.setLineWidth(2);
                for (int k = 0; k < outlines.size(); k += 4) {
                    g.strokeRect(outlines.get(k), outlines.get(k + 1), outlines.get(k + 2), outlines.get(k + 3));
                }
            }
            if (lines.size() > 0) {
                double width = frame.lineWidth(ink);
                g.setLineWidth(width);
                for (int k = 0; k < lines.size(); k += 4) {
                    line(g, lines.get(k), lines.get(k + 1), lines.get(k + 2), lines.get(k + 3), width);
                }
            }
            for (int k = 0; k < triangles.size(); k += 8) {
                xs[0] = triangles.get(k);
                ys[0] = triangles.get(k + 1);
                xs[1] = triangles.get(k + 2);
                ys[1] = triangles.get(k + 3);
                xs[2] = triangles.get(k + 4);
                ys[2] = triangles.get(k + 5);
                g.fillPolygon(xs, ys, 3);
            }
        }
        g.setTextBaseline(VPos.BASELINE);
        for (StageFrame.Text text : frame.texts()) {
            g.setFill(palette.color(text.ink()));
            g.setFont(font(text.size(), text.bold()));
            g.setTextAlign(text.align() == StageFrame.Align.LEFT ? TextAlignment.LEFT
                    : text.align() == StageFrame.Align.RIGHT ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(text.text(), text.x(), text.y());
        }
    }

    /**
     * A line with the canvas's square caps. A level or upright one is the rectangle it covers:
     * the software pipeline fills a rectangle directly, where a stroke goes through the general
     * rasteriser (about 75 us for a 300 px line; the 800 join arrows at the end of a 1,000-thread
     * run took 200 ms a frame). Only the coverage of the partly covered edge pixels may differ.
     */
    private static void line(GraphicsContext g, double x1, double y1, double x2, double y2, double width) {
        double half = width / 2;
        if (x1 == x2 && y1 != y2) {
            g.fillRect(x1 - half, Math.min(y1, y2) - half, width, Math.abs(y2 - y1) + width);
        } else if (y1 == y2 && x1 != x2) {
            g.fillRect(Math.min(x1, x2) - half, y1 - half, Math.abs(x2 - x1) + width, width);
        } else {
            g.strokeLine(x1, y1, x2, y2);
        }
    }

    private Font font(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }
}
