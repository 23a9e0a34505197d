package io.threadstage.ui.stage;

import java.awt.image.BufferedImage;
import javafx.scene.paint.Color;

/** Colours as {@code #rrggbb}, so pixel tests compare a picture's pixels with the palette's inks. */
final class PixelColors {

    private PixelColors() {
    }

    static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    static String hex(Color color) {
        return String.format("#%02x%02x%02x", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }

    /** The default palette's colour of {@code ink}. */
    static String color(Ink ink) {
        return hex(Palette.defaults().color(ink));
    }

    /** The pixel that covers {@code (x, y)}. */
    static String pixel(BufferedImage image, double x, double y) {
        return hex(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }
}
