package io.threadstage.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * The thread tags' look as the stylesheet gives it ({@code .thread-mark}, {@code .thread-mark-0}
 * ... {@code .thread-mark-more}): hidden labels carry the classes, so a theme or a bigger font
 * reaches the tags the code view draws itself. Drawing them, instead of a styled label per tag,
 * keeps a run's moving threads from restyling and laying out the code's lines every few frames.
 * {@link #versionProperty()} changes whenever the stylesheet changes what the labels read.
 */
final class TagPalette {

    private final Group swatches = new Group();
    private final List<Label> colours = new ArrayList<>();
    private final Label more = swatch("thread-mark-more");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    TagPalette() {
        for (int i = 0; i < CodeView.MARK_COLOURS; i++) {
            colours.add(swatch("thread-mark-" + i));
        }
        swatches.setManaged(false);
        swatches.setVisible(false);
    }

    private Label swatch(String colour) {
        Label label = new Label();
        label.getStyleClass().addAll("thread-mark", colour);
        label.fontProperty().addListener(obs -> changed());
        label.backgroundProperty().addListener(obs -> changed());
        label.textFillProperty().addListener(obs -> changed());
        label.paddingProperty().addListener(obs -> changed());
        swatches.getChildren().add(label);
        return label;
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /** The hidden labels, to be placed in the code view's scene graph so the stylesheet reaches them. */
    Node swatches() {
        return swatches;
    }

    ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** A tag's background: one of {@link CodeView#MARK_COLOURS} colours, or {@code -1} for the count of the rest. */
    Paint fill(int colour) {
        Background background = (colour < 0 ? more : colours.get(colour)).getBackground();
        if (background == null || background.getFills().isEmpty()) {
            return Color.GREY;
        }
        BackgroundFill fill = background.getFills().get(0);
        return fill.getFill();
    }

    /** The radius of a tag's corners, as its first background fill has it. */
    double radius() {
        Background background = more.getBackground();
        if (background == null || background.getFills().isEmpty()) {
            return 0;
        }
        return background.getFills().get(0).getRadii().getTopLeftHorizontalRadius();
    }

    Paint text() {
        return more.getTextFill();
    }

    Font font() {
        return more.getFont();
    }

    Insets padding() {
        return more.getPadding();
    }
}
