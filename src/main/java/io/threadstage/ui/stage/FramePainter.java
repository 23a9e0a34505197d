package io.threadstage.ui.stage;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link Frame} on a canvas: one full {@code clearRect} (JavaFX then drops the previous
 * frame's commands), then ink by ink so the fill changes once per colour, rectangles and lines
 * only, no clips and no paths but the arrowheads. Owned by the thread that owns the canvas.
 */
public final class FramePainter {

    private final Map<Long, Font> fonts = new HashMap<>();
    private final double[] xs = new double[3];
    private final double[] ys = new double[3];

    public void paint(Frame frame, GraphicsContext g, Palette palette) {
        g.clearRect(0, 0, frame.width(), frame.height());
        for (Ink ink : Ink.values()) {
            int i = ink.ordinal();
            Frame.Doubles rects = frame.rects[i];
            Frame.Doubles outlines = frame.outlines[i];
            Frame.Doubles lines = frame.lines[i];
            Frame.Doubles triangles = frame.triangles[i];
            if (rects.size() + outlines.size() + lines.size() + triangles.size() == 0) {
                continue;
            }
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
                g.setLineWidth(frame.lineWidths[i]);
                for (int k = 0; k < lines.size(); k += 4) {
                    g.strokeLine(lines.get(k), lines.get(k + 1), lines.get(k + 2), lines.get(k + 3));
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
        for (Frame.Text text : frame.texts) {
            g.setFill(palette.color(text.ink()));
            g.setFont(font(text.size(), text.bold()));
            g.setTextAlign(text.align() == Frame.Align.LEFT ? TextAlignment.LEFT
                    : text.align() == Frame.Align.RIGHT ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(text.text(), text.x(), text.y());
        }
    }

    private Font font(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }
}
