package io.threadstage.ui.stage;

import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colour of each {@link Ink}, read from the stylesheet's looked-up colours
 * ({@code -ts-running: #009E73;} on {@code .stage-view}) through hidden swatch regions, so a
 * theme is only a stylesheet. Falls back to the built-in Okabe–Ito palette for a colour the
 * stylesheet does not define. Owned by the FX thread.
 */
public final class Palette {

    private final Color[] colors = new Color[Ink.COUNT];

    private Palette() {
    }

    /** The built-in default: Okabe–Ito hues (Wong 2011) on white. */
    public static Palette defaults() {
        Palette palette = new Palette();
        for (Ink ink : Ink.values()) {
            palette.colors[ink.ordinal()] = Color.web(defaultHex(ink));
        }
        return palette;
    }

    /** Reads every ink from {@code swatches}, one hidden region per ink made by {@link #swatches()}. */
    static Palette read(Region[] swatches) {
        Palette palette = defaults();
        for (Ink ink : Ink.values()) {
            Background background = swatches[ink.ordinal()].getBackground();
            if (background != null && !background.getFills().isEmpty()) {
                Paint fill = background.getFills().get(0).getFill();
                if (fill instanceof Color color) {
                    palette.colors[ink.ordinal()] = color;
                }
            }
        }
        return palette;
    }

    /** Hidden regions whose background is each ink's looked-up colour, to add under the styled node. */
    static Region[] swatches() {
        Region[] swatches = new Region[Ink.COUNT];
        for (Ink ink : Ink.values()) {
            Region swatch = new Region();
            swatch.setStyle("-fx-background-color: " + ink.lookedUpName() + ";");
            swatch.setManaged(false);
            swatch.setVisible(false);
            swatches[ink.ordinal()] = swatch;
        }
        return swatches;
    }

    static void applyCss(Parent parent) {
        parent.applyCss();
    }

    public Color color(Ink ink) {
        return colors[ink.ordinal()];
    }

    private static String defaultHex(Ink ink) {
        switch (ink) {
            case BACKGROUND: return "#ffffff";
            case LANE_ALTERNATE: return "#f2f2f2";
            case GRID: return "#d9d9d9";
            case CREATED: return "#a6a6a6";
            case RUNNING: return "#009e73";
            case SLEEP: return "#56b4e9";
            case IO: return "#cc79a7";
            case LOCK: return "#d55e00";
            case JOIN: return "#e69f00";
            case QUEUE: return "#0072b2";
            case EVENT: return "#f0e442";
            case FUTURE: return "#f3c66b";
            case GIL_WAIT: return "#ec9b6b";
            case IDLE: return "#c4c4c4";
            case PAUSED: return "#8c8c8c";
            case TERMINATED: return "#b3b3b3";
            case EXCEPTION: return "#d55e00";
            case KILLED: return "#000000";
            case STOPPED: return "#595959";
            case STRIPE_LIGHT: return "#ffffff";
            case STRIPE_DARK: return "#1a1a1a";
            case MIXED: return "#333333";
            case QUEUE_FILL: return "#56b4e9";
            case QUEUE_FULL: return "#0072b2";
            case QUEUE_MAX: return "#1a1a1a";
            case OWNER_0: return "#56b4e9";
            case OWNER_1: return "#e69f00";
            case OWNER_2: return "#f0e442";
            case OWNER_3: return "#cc79a7";
            case LOCK_HELD_0: return "#332288";
            case LOCK_HELD_1: return "#882255";
            case LOCK_HELD_2: return "#8c510a";
            case LOCK_HELD_3: return "#117733";
            case BADGE: return "#0072b2";
            case CAPTION: return "#595959";
            case ARROW_FEED: return "#0072b2";
            case ARROW_SIGNAL: return "#7a6a00";
            case ARROW_LOCK: return "#a84a00";
            case ARROW_JOIN: return "#1a1a1a";
            case NOW: return "#1a1a1a";
            case LABEL_BACKGROUND: return "#ffffff";
            case MARKER_PRINT: return "#1a1a1a";
            case MARKER_ERROR: return "#d55e00";
            case MARKER_RUNTIME: return "#cc79a7";
            case ARROW_DEADLOCK: return "#9c0060";
            case TEXT: return "#1a1a1a";
            case TEXT_MUTED: return "#4d4d4d";
            case TEXT_ON_BADGE: return "#ffffff";
            case TEXT_ON_BAR: return "#ffffff";
            case TEXT_ON_OWNER: return "#1a1a1a";
            case TEXT_ON_LOCK: return "#ffffff";
            default: return "#ff00ff";
        }
    }
}
