package io.threadstage.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Turns an opaque RGB frame into a GIF's 256-colour picture. The stage paints a few flat colours
 * and antialiased text, so most frames have 256 colours or fewer: then the palette is exactly
 * the frame's colours and nothing is lost. Otherwise the 256 most frequent colours stay and each
 * rarer one (the edges of letters) takes the nearest of them. No dithering: it would speckle the
 * flat bars and cost the file its compression. After the first frame only the pixels that
 * changed count: the rest are transparent and the previous frame shows through. Stateless;
 * any thread.
 */
final class ClipPalette {

    static final int MAX_COLOURS = 256;
    private static final int EMPTY = -1;

    private ClipPalette() {
    }

    /** The frame as palette indices ({@code argb} is row by row, alpha ignored). */
    static BufferedImage indexed(int[] argb, int width, int height) {
        return indexed(argb, null, width, new Region(0, 0, width, height));
    }

    /** A rectangle of a frame. */
    record Region(int x, int y, int width, int height) {
    }

    /**
     * The {@code region} of a frame {@code width} pixels wide as palette indices. With a
     * {@code previous} frame, the pixels that did not change take a transparent index, so the
     * previous frame shows through and only the changes cost colours.
     */
    static BufferedImage indexed(int[] argb, int[] previous, int width, Region region) {
        ColourCounts counts = ColourCounts.of(argb, previous, width, region);
        int[] palette = counts.mostFrequent(previous == null ? MAX_COLOURS : MAX_COLOURS - 1);
        int transparent = previous == null ? -1 : palette.length;
        // colour -> index; rarer colours get their nearest palette entry, once per colour
        ColourCounts.Table indexOf = new ColourCounts.Table(counts.distinct() * 2);
        for (int i = 0; i < palette.length; i++) {
            indexOf.put(palette[i], i);
        }
        byte[] pixels = new byte[region.width() * region.height()];
        int last = EMPTY;
        int lastIndex = 0;
        int p = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            int row = y * width;
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                int at = row + x;
                if (previous != null && previous[at] == argb[at]) {
                    pixels[p++] = (byte) transparent;
                    continue;
                }
                int rgb = argb[at] & 0xFFFFFF;
                if (rgb != last) {
                    int index = indexOf.get(rgb);
                    if (index == EMPTY) {
                        index = nearest(palette, rgb);
                        indexOf.put(rgb, index);
                    }
                    last = rgb;
                    lastIndex = index;
                }
                pixels[p++] = (byte) lastIndex;
            }
        }
        return image(palette, transparent, pixels, region.width(), region.height());
    }

    private static int nearest(int[] palette, int rgb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
            int dg = ((palette[i] >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
            int db = (palette[i] & 0xFF) - (rgb & 0xFF);
            // weighted the way the eye weighs the channels, so text edges keep their brightness
            long distance = 3L * dr * dr + 6L * dg * dg + (long) db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static BufferedImage image(int[] palette, int transparent, byte[] pixels, int width, int height) {
        // a GIF's colour table has a power-of-two size; unused entries are black
        int size = 2;
        while (size < palette.length + (transparent >= 0 ? 1 : 0)) {
            size *= 2;
        }
        int[] table = Arrays.copyOf(palette, size);
        IndexColorModel model = new IndexColorModel(8, size, table, 0, false, transparent, DataBufferByte.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(pixels, pixels.length), width, height,
                width, 1, new int[] {0}, null);
        return new BufferedImage(model, raster, false, null);
    }

    /** How often each colour occurs in a frame. */
    static final class ColourCounts {
        private final Table counts;

        private ColourCounts(Table counts) {
            this.counts = counts;
        }

        /** The colours of {@code region}, only of the pixels that differ from {@code previous} when there is one. */
        static ColourCounts of(int[] argb, int[] previous, int width, Region region) {
            Table counts = new Table(1024);
            int last = EMPTY;
            int run = 0;
            for (int y = region.y(); y < region.y() + region.height(); y++) {
                int row = y * width;
                for (int x = region.x(); x < region.x() + region.width(); x++) {
                    int at = row + x;
                    if (previous != null && previous[at] == argb[at]) {
                        continue;
                    }
                    int rgb = argb[at] & 0xFFFFFF;
                    if (rgb == last) {
                        run++;
                        continue;
                    }
                    if (run > 0) {
                        counts.add(last, run);
                    }
                    last = rgb;
                    run = 1;
                }
            }
            if (run > 0) {
                counts.add(last, run);
            }
            return new ColourCounts(counts);
        }

        int distinct() {
            return counts.size;
        }

        /** Up to {@code most} colours, the most frequent first; all of them when there are no more. */
        int[] mostFrequent(int most) {
            long[] byCount = new long[counts.size];
            int n = 0;
            for (int slot = 0; slot < counts.keys.length; slot++) {
                if (counts.keys[slot] != EMPTY) {
                    // count high, colour low: one sort orders by count, ties by colour, the same every time
                    byCount[n++] = ((long) counts.values[slot] << 24) | counts.keys[slot];
                }
            }
            Arrays.sort(byCount);
            int kept = Math.min(most, n);
            int[] colours = new int[kept];
            for (int i = 0; i < kept; i++) {
                colours[i] = (int) (byCount[n - 1 - i] & 0xFFFFFF);
            }
            return colours;
        }

        /** An open-addressed map from a 24-bit colour to an int; colours are never negative, so -1 marks a free slot. */
        static final class Table {
            int[] keys;
            int[] values;
            int size;

            Table(int expected) {
                int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
                keys = new int[capacity];
                values = new int[capacity];
                Arrays.fill(keys, EMPTY);
            }

            private int slot(int key) {
                int mask = keys.length - 1;
                int slot = (key * 0x9E3779B1) >>> 7 & mask;
                while (keys[slot] != EMPTY && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                return slot;
            }

            int get(int key) {
                int slot = slot(key);
                return keys[slot] == EMPTY ? EMPTY : values[slot];
            }

            void put(int key, int value) {
                int slot = slot(key);
                if (keys[slot] == EMPTY) {
                    keys[slot] = key;
                    size++;
                }
                values[slot] = value;
                growIfFull();
            }

            void add(int key, int amount) {
                int slot = slot(key);
                if (keys[slot] == EMPTY) {
                    keys[slot] = key;
                    values[slot] = amount;
                    size++;
                    growIfFull();
                } else {
                    values[slot] += amount;
                }
            }

            private void growIfFull() {
                if (size * 2 <= keys.length) {
                    return;
                }
                int[] oldKeys = keys;
                int[] oldValues = values;
                keys = new int[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                Arrays.fill(keys, EMPTY);
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != EMPTY) {
                        int slot = slot(oldKeys[i]);
                        keys[slot] = oldKeys[i];
                        values[slot] = oldValues[i];
                    }
                }
            }
        }
    }
}
