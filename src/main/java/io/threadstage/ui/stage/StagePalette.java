package io.threadstage.ui.stage;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The canvas's colour of each {@link Ink}, read from the stylesheet's looked-up colours
 * ({@code -ts-running: #009E73;} on {@code .stage-view}) through hidden swatch regions, so a
 * theme is only a stylesheet; a colour the stylesheet does not define keeps its default. Also
 * gives the same colours as {@link StageColours}, for pictures of what the window shows. Owned
 * by the FX thread.
 */
public final class StagePalette {

    private final Color[] colors = new Color[Ink.COUNT];

    private StagePalette() {
    }

    /** The default stylesheet's colours, before any CSS is read. */
    public static StagePalette defaults() {
        return of(StageColours.defaults());
    }

    public static StagePalette of(StageColours colours) {
        StagePalette palette = new StagePalette();
        for (Ink ink : Ink.values()) {
            int rgb = colours.rgb(ink);
            palette.colors[ink.ordinal()] = Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }
        return palette;
    }

    /** Reads every ink from {@code swatches}, one hidden region per ink made by {@link #swatches()}. */
    static StagePalette read(Region[] swatches) {
        StagePalette palette = defaults();
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

    public Color color(Ink ink) {
        return colors[ink.ordinal()];
    }

    /** These colours as opaque RGB, for a picture drawn without the canvas. */
    public StageColours colours() {
        int[] rgb = new int[Ink.COUNT];
        for (Ink ink : Ink.values()) {
            Color color = colors[ink.ordinal()];
            rgb[ink.ordinal()] = (int) Math.round(color.getRed() * 255) << 16
                    | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
        }
        return StageColours.of(rgb);
    }
}
