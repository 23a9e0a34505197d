package io.threadstage.export;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import java.awt.image.BufferedImage;

/** Colours as {@code #rrggbb}, so pixel tests compare a picture's pixels with the palette's inks. */
final class PixelColors {

    private PixelColors() {
    }

    static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    /** The default palette's colour of {@code ink}. */
    static String color(Ink ink) {
        return hex(StageColours.defaults().rgb(ink));
    }

    /** The pixel that covers {@code (x, y)}. */
    static String pixel(BufferedImage image, double x, double y) {
        return hex(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }
}
