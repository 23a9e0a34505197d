package io.threadstage.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The names of the threads standing on a code line, drawn as coloured tags: on one row beside
 * the code, or in rows under it when the pane is narrow. A canvas rather than a label per tag:
 * a run of many threads changes the tags every few frames, and a label that changes colour is
 * styled again and lays its line out again. Owned by the FX thread.
 */
final class TagStrip extends Canvas {

    /** A tag's words and its colour (one of {@link CodeView#MARK_COLOURS}, or -1 for the count of the rest). */
    record Tag(String text, int colour) {
    }

    /** Room between the code and the first tag. */
    static final double LEFT_GAP = 12;
    static final double TAG_GAP = 3;
    static final double ROW_GAP = 2;

    private final TagPalette palette;
    private final Text measure = new Text();
    private List<Tag> tags = List.of();
    private long draws;
    private final List<Bounds> placed = new ArrayList<>();

    TagStrip(TagPalette palette) {
        this.palette = palette;
        getStyleClass().add("thread-marks");
    }

    /** Takes new tags; the owner then places them ({@link #place}). */
    void set(List<Tag> next) {
        tags = List.copyOf(next);
        setAccessibleText(String.join(", ", texts()));
    }

    List<String> texts() {
        return tags.stream().map(Tag::text).toList();
    }

    /** Where each tag was drawn, in the strip's own coordinates. */
    List<Bounds> tagBounds() {
        return List.copyOf(placed);
    }

    boolean isEmpty() {
        return tags.isEmpty();
    }

    /** The width the tags take on one row, with the gap before them; 0 with none. */
    double rowWidth() {
        if (tags.isEmpty()) {
            return 0;
        }
        double width = LEFT_GAP + TAG_GAP * (tags.size() - 1);
        for (Tag tag : tags) {
            width += tagWidth(tag);
        }
        return Math.ceil(width);
    }

    /**
     * Lays the tags out in rows no wider than {@code wrapWidth} and draws them. With a
     * {@code lineHeight} the strip is that tall and its one row is centred in it (beside the
     * code); otherwise it is as tall as its rows. It is at least {@code minWidth} wide: beside
     * the code it keeps the width of the room there, so new tags change its pixels, never its
     * size, and the list of lines is not laid out again.
     */
    void place(double wrapWidth, double lineHeight, double minWidth) {
        placed.clear();
        double tagHeight = tagHeight();
        double x = LEFT_GAP;
        double y = 0;
        double widest = 0;
        for (Tag tag : tags) {
            double width = tagWidth(tag);
            if (x > LEFT_GAP && x + width > wrapWidth) {
                x = LEFT_GAP;
                y += tagHeight + ROW_GAP;
            }
            placed.add(new BoundingBox(x, y, width, tagHeight));
            x += width + TAG_GAP;
            widest = Math.max(widest, x - TAG_GAP);
        }
        double rowsHeight = tags.isEmpty() ? 0 : y + tagHeight;
        double height = lineHeight > 0 ? lineHeight : rowsHeight;
        if (lineHeight > 0 && !placed.isEmpty()) {
            double shift = Math.floor((lineHeight - rowsHeight) / 2);
            placed.replaceAll(b -> new BoundingBox(b.getMinX(), b.getMinY() + shift, b.getWidth(), b.getHeight()));
        }
        setWidth(Math.max(Math.ceil(widest), Math.floor(minWidth)));
        setHeight(Math.ceil(height));
        draw();
    }

    /** How many times the tags were drawn (for tests: a line whose threads stayed is not drawn again). */
    long draws() {
        return draws;
    }

    private void draw() {
        draws++;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        Insets padding = palette.padding();
        double arc = palette.radius() * 2;
        g.setFont(palette.font());
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < tags.size(); i++) {
            Bounds b = placed.get(i);
            g.setFill(palette.fill(tags.get(i).colour()));
            g.fillRoundRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), arc, arc);
            g.setFill(palette.text());
            g.fillText(tags.get(i).text(), b.getMinX() + padding.getLeft(), b.getMinY() + padding.getTop());
        }
    }

    private double tagWidth(Tag tag) {
        Insets padding = palette.padding();
        return Math.ceil(padding.getLeft() + textWidth(tag.text()) + padding.getRight());
    }

    private double tagHeight() {
        Insets padding = palette.padding();
        return Math.ceil(padding.getTop() + textHeight() + padding.getBottom());
    }

    private double textWidth(String text) {
        measure.setFont(palette.font());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private double textHeight() {
        Font font = palette.font();
        measure.setFont(font);
        measure.setText("Ag");
        return measure.getLayoutBounds().getHeight();
    }
}
