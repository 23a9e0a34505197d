package io.threadstage.ui.editor;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * The gutter left of a code line's number: a coloured bar for each of the first threads on the
 * line, in their tags' colours. Its size comes from the stylesheet ({@code .thread-gutter}) and
 * never from the bars, which are drawn, so threads coming and going never lay the line out.
 */
final class ThreadGutter extends Region {

    static final int MAX_BARS = 3;
    static final double BAR_WIDTH = 5;
    static final double BAR_GAP = 2;

    private final TagPalette palette;
    private final Canvas canvas = new Canvas();
    private List<Integer> colours = List.of();

    ThreadGutter(TagPalette palette) {
        this.palette = palette;
        getStyleClass().add("thread-gutter");
        canvas.setManaged(false);
        getChildren().add(canvas);
    }

    /** Shows a bar in each of these colours (at most {@link #MAX_BARS}). */
    void show(List<Integer> next) {
        List<Integer> capped = List.copyOf(next.subList(0, Math.min(next.size(), MAX_BARS)));
        if (!capped.equals(colours)) {
            colours = capped;
            draw();
        }
    }

    int bars() {
        return colours.size();
    }

    void redraw() {
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Insets padding = getPadding();
        double height = canvas.getHeight() - padding.getTop() - padding.getBottom();
        double arc = 4;
        for (int i = 0; i < colours.size(); i++) {
            g.setFill(palette.fill(colours.get(i)));
            g.fillRoundRect(padding.getLeft() + i * (BAR_WIDTH + BAR_GAP), padding.getTop(), BAR_WIDTH, height, arc, arc);
        }
    }
}
