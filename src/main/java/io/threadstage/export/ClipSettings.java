package io.threadstage.export;

/**
 * How a clip is made: its size, frame rate, replay speed and the stage's look (presentation
 * mode, high contrast, the lesson's caption or null). Immutable; any thread.
 */
public record ClipSettings(int width, int height, int fps, double speed, boolean presentation, boolean highContrast,
                           String caption) {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;
    public static final int DEFAULT_FPS = 10;

    public ClipSettings {
        if (width < 320 || height < 200) {
            throw new IllegalArgumentException("a clip needs at least 320x200 pixels, not " + width + "x" + height);
        }
    }

    /** A clip as the command line makes it: the stage as {@code render} draws it (presentation mode, no caption). */
    public static ClipSettings of(int width, int height, int fps, double speed) {
        return new ClipSettings(width, height, fps, speed, true, false, null);
    }

    public ClipPlan plan(long startNanos, long endNanos) {
        return ClipPlan.of(startNanos, endNanos, fps, speed);
    }
}
