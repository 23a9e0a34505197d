package io.threadstage.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How the window looks, apart from what it shows: the stage's high-contrast theme and the text
 * sizes of the code and the console (the View menu's). No {@code Node}; owned by the FX thread.
 */
public final class ViewSettings {

    public static final double DEFAULT_FONT = 13;
    public static final double MIN_FONT = 9;
    public static final double MAX_FONT = 36;
    /** One step of Ctrl+= / Ctrl+-: a step a viewer at the back of a room notices. */
    public static final double FONT_STEP = 2;

    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
    private final DoubleProperty codeFont = new SimpleDoubleProperty(this, "codeFont", DEFAULT_FONT);
    private final DoubleProperty consoleFont = new SimpleDoubleProperty(this, "consoleFont", DEFAULT_FONT);

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** The code view's text size in px. */
    public DoubleProperty codeFontProperty() {
        return codeFont;
    }

    /** The console's text size in px. */
    public DoubleProperty consoleFontProperty() {
        return consoleFont;
    }

    /** Both texts one step larger (or smaller, {@code steps} negative), within the bounds. */
    public void growText(int steps) {
        codeFont.set(clamp(codeFont.get() + steps * FONT_STEP));
        consoleFont.set(clamp(consoleFont.get() + steps * FONT_STEP));
    }

    public static double clamp(double size) {
        return Math.max(MIN_FONT, Math.min(MAX_FONT, size));
    }

    /** The inline style that sets a node's text size. */
    public static String fontStyle(double size) {
        return "-fx-font-size: " + Math.round(size) + "px;";
    }
}
