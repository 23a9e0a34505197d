package io.threadstage.ui.stage;

/**
 * Sizes of the stage's parts in pixels, for the normal and the presentation mode (lanes of at
 * least 24 px and labels of at least 16 px, readable from the back of a room in a 1080p
 * recording). Immutable; any thread.
 */
public record StageMetrics(double font, double smallFont, double titleHeight, double axisHeight,
                           double laneMin, double laneMax, double labelWidth, double gilHeight,
                           double queueHeight, double legendRowHeight, double gap, double arrowWidth) {

    public static final StageMetrics NORMAL =
            new StageMetrics(14, 12, 34, 24, 20, 72, 200, 22, 52, 24, 8, 1.6);
    public static final StageMetrics PRESENTATION =
            new StageMetrics(19, 16, 46, 32, 28, 96, 270, 30, 84, 32, 10, 2.4);

    public static StageMetrics of(boolean presentation) {
        return presentation ? PRESENTATION : NORMAL;
    }

    /** A conservative width estimate of a text, for layout that cannot measure fonts. */
    public static double textWidth(String text, double size) {
        return textWidth(text.length(), size);
    }

    public static double textWidth(int characters, double size) {
        return characters * size * 0.62;
    }
}
