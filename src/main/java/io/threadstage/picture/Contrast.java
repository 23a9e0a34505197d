package io.threadstage.picture;

/**
 * WCAG contrast ratio between two {@code 0xRRGGBB} colours (1 to 21; 4.5 is the bar for text).
 * Stateless; any thread.
 */
public final class Contrast {

    private Contrast() {
    }

    public static double ratio(int rgbA, int rgbB) {
        double la = luminance(rgbA);
        double lb = luminance(rgbB);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
