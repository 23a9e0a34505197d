package io.threadstage.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One frame of the stage as plain drawing orders grouped by ink: filled rectangles, outlined
 * rectangles, lines, triangles (arrowheads) and texts. Built by {@link FrameBuilder} with no
 * JavaFX, so the same frame is painted on the window's canvas ({@code ui.stage.CanvasFramePainter})
 * and into pictures and clips ({@code export.Java2dFramePainter}); painters read it ink by ink in
 * declaration order. The buffers are reused from frame to frame. Owned by the thread that builds
 * and paints it.
 */
public final class StageFrame {

    public enum Align { LEFT, CENTER, RIGHT }

    /** A text drawn with its baseline at {@code y}. */
    public record Text(double x, double y, String text, Ink ink, double size, boolean bold, Align align) {
    }

    /** A growable list of doubles, cleared (not freed) between frames. */
    public static final class Doubles {
        private double[] values = new double[64];
        private int size;

        void add(double a, double b, double c, double d) {
            if (size + 4 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
            values[size++] = c;
            values[size++] = d;
        }

        public int size() {
            return size;
        }

        public double get(int index) {
            return values[index];
        }

        void clear() {
            size = 0;
        }
    }

    final Doubles[] rects = new Doubles[Ink.COUNT];
    final Doubles[] outlines = new Doubles[Ink.COUNT];
    final Doubles[] lines = new Doubles[Ink.COUNT];
    final double[] lineWidths = new double[Ink.COUNT];
    /** Arrowheads: two entries of four doubles each (tip x, tip y, base-left x, y; base-right x, y, 0, 0). */
    final Doubles[] triangles = new Doubles[Ink.COUNT];
    final List<Text> texts = new ArrayList<>();
    double width;
    double height;

    public StageFrame() {
        for (int i = 0; i < Ink.COUNT; i++) {
            rects[i] = new Doubles();
            outlines[i] = new Doubles();
            lines[i] = new Doubles();
            triangles[i] = new Doubles();
            lineWidths[i] = 1;
        }
    }

    void clear(double width, double height) {
        this.width = width;
        this.height = height;
        for (int i = 0; i < Ink.COUNT; i++) {
            rects[i].clear();
            outlines[i].clear();
            lines[i].clear();
            triangles[i].clear();
        }
        texts.clear();
    }

    /**
     * Adds a filled rectangle, or widens the ink's last one when this one continues it on the
     * same row: neighbouring pixel columns of one colour become one rectangle to paint.
     */
    void rect(Ink ink, double x, double y, double w, double h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        Doubles batch = rects[ink.ordinal()];
        int last = batch.size - 4;
        if (last >= 0 && batch.values[last + 1] == y && batch.values[last + 3] == h
                && batch.values[last] + batch.values[last + 2] == x) {
            batch.values[last + 2] += w;
            return;
        }
        batch.add(x, y, w, h);
    }

    void outline(Ink ink, double x, double y, double w, double h) {
        outlines[ink.ordinal()].add(x, y, w, h);
    }

    void line(Ink ink, double x1, double y1, double x2, double y2) {
        lines[ink.ordinal()].add(x1, y1, x2, y2);
    }

    void triangle(Ink ink, double tipX, double tipY, double leftX, double leftY, double rightX, double rightY) {
        triangles[ink.ordinal()].add(tipX, tipY, leftX, leftY);
        triangles[ink.ordinal()].add(rightX, rightY, 0, 0);
    }

    void text(double x, double y, String text, Ink ink, double size, boolean bold, Align align) {
        texts.add(new Text(x, y, text, ink, size, bold, align));
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Filled rectangles of {@code ink}, four doubles each (x, y, w, h). */
    public Doubles rects(Ink ink) {
        return rects[ink.ordinal()];
    }

    /** Outlined rectangles of {@code ink}, four doubles each (x, y, w, h), stroked 2 px wide. */
    public Doubles outlines(Ink ink) {
        return outlines[ink.ordinal()];
    }

    /** Lines of {@code ink}, four doubles each (x1, y1, x2, y2), all {@link #lineWidth(Ink)} wide. */
    public Doubles lines(Ink ink) {
        return lines[ink.ordinal()];
    }

    public double lineWidth(Ink ink) {
        return lineWidths[ink.ordinal()];
    }

    /**
     * Filled arrowheads of {@code ink}, eight doubles each: tip x, tip y, base-left x, y,
     * base-right x, y, then two unused.
     */
    public Doubles triangles(Ink ink) {
        return triangles[ink.ordinal()];
    }

    /** Whether {@code ink} has nothing but texts to paint, so a painter can skip setting it. */
    public boolean noShapes(Ink ink) {
        int i = ink.ordinal();
        return rects[i].size() + outlines[i].size() + lines[i].size() + triangles[i].size() == 0;
    }

    public List<Text> texts() {
        return texts;
    }

    /** How many drawing orders the frame holds: what its painting costs. */
    public int operations() {
        int count = texts.size();
        for (int i = 0; i < Ink.COUNT; i++) {
            count += rects[i].size() / 4 + outlines[i].size() / 4 + lines[i].size() / 4 + triangles[i].size() / 8;
        }
        return count;
    }
}
