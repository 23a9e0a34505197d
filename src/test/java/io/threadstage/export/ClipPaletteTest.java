package io.threadstage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

/** A frame's palette: its own colours when they fit, else the most frequent with the rare ones moved to the nearest. */
class ClipPaletteTest {

    @Test
    void aFrameOfFewColoursKeepsEveryPixelExactly() {
        int[] argb = new int[40 * 10];
        for (int p = 0; p < argb.length; p++) {
            argb[p] = 0xFF000000 | (p % 40 < 20 ? 0xFFFFFF : p % 3 == 0 ? 0x009E73 : 0x123456);
        }
        BufferedImage image = ClipPalette.indexed(argb, 40, 10);
        assertEquals(4, ((IndexColorModel) image.getColorModel()).getMapSize());
        assertEquals(0xFFFFFFFF, image.getRGB(0, 0));
        for (int p = 0; p < argb.length; p++) {
            assertEquals(argb[p], image.getRGB(p % 40, p / 40));
        }
    }

    @Test
    void pastTwoHundredFiftySixColoursTheRareOnesTakeTheNearestKeptColour() {
        // 256 grey levels on 4 pixels or more, and 44 rare blue-tinted greys on one pixel each
        int width = 300;
        int[] argb = new int[width * 4];
        for (int p = 0; p < argb.length; p++) {
            int x = p % width;
            int y = p / width;
            if (x < 256) {
                argb[p] = 0xFF000000 | x * 0x010101;
            } else {
                argb[p] = y == 0 ? 0xFF000000 | (x - 156) * 0x010101 + 1 : 0xFF000000 | (x - 256) * 0x010101;
            }
        }
        BufferedImage image = ClipPalette.indexed(argb, width, 4);
        assertEquals(256, ((IndexColorModel) image.getColorModel()).getMapSize());
        assertEquals(0xFF808080, image.getRGB(128, 2));
        // #646465 .. #8f8f90 are rare: each becomes the grey it is tinted from
        assertEquals(0xFF646464, image.getRGB(256, 0));
        assertEquals(0xFF8F8F8F, image.getRGB(299, 0));
        assertEquals(0xFF000000 | (299 - 256) * 0x010101, image.getRGB(299, 1));
    }

    @Test
    void afterTheFirstFrameOnlyTheChangedRectangleIsKeptItsUnchangedPixelsTransparent() {
        int width = 8;
        int height = 6;
        int[] before = new int[width * height];
        java.util.Arrays.fill(before, 0xFFFFFFFF);
        int[] after = before.clone();
        after[2 * width + 3] = 0xFF009E73;
        after[4 * width + 5] = 0xFFE69F00;
        ClipPalette.Region region = GifClipWriter.changed(before, after, width, height);
        assertEquals(new ClipPalette.Region(3, 2, 3, 3), region);
        BufferedImage image = ClipPalette.indexed(after, before, width, region);
        IndexColorModel colours = (IndexColorModel) image.getColorModel();
        assertEquals(3, image.getWidth());
        assertEquals(3, image.getHeight());
        // two changed colours and the transparent slot; white is not among them
        assertEquals(4, colours.getMapSize());
        assertEquals(2, colours.getTransparentPixel());
        assertEquals(0xFF009E73, image.getRGB(0, 0));
        assertEquals(0xFFE69F00, image.getRGB(2, 2));
        assertEquals(0, image.getRGB(1, 1) >>> 24, "unchanged: transparent");
        assertEquals(new ClipPalette.Region(0, 0, 1, 1), GifClipWriter.changed(before, before.clone(), width, height));
    }
}
