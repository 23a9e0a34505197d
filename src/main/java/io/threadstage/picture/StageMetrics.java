package io.threadstage.picture;

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

    /**
     * The most a presentation stage or a picture grows its parts to fill its height (see
     * {@link StageFill}): at 1.75 the 96 px lanes become 168 px, a sixth of a 1080p frame, big
     * enough to read from the back of a room and short of a slab.
     */
    public static final double MAX_GROWTH = 1.75;
    /** Text grows by this share of the shapes' growth: labels keep up with the lanes without crowding the legend. */
    static final double TEXT_SHARE = 0.5;

    public static StageMetrics of(boolean presentation) {
        return presentation ? PRESENTATION : NORMAL;
    }

    /**
     * These metrics grown by {@code factor} (1: unchanged): lanes, strips and gaps by the factor,
     * text and the rows that hold it by {@link #TEXT_SHARE} of it, in whole pixels.
     */
    public StageMetrics grown(double factor) {
        if (factor == 1) {
            return this;
        }
        double text = 1 + (factor - 1) * TEXT_SHARE;
        return new StageMetrics(Math.floor(font * text), Math.floor(smallFont * text), Math.floor(titleHeight * text),
                Math.floor(axisHeight * text), laneMin, Math.floor(laneMax * factor), Math.floor(labelWidth * text),
                Math.floor(gilHeight * factor), Math.floor(queueHeight * factor), Math.floor(legendRowHeight * text),
                Math.floor(gap * factor), arrowWidth * text);
    }

    /** These metrics with lanes of at most {@code laneMax} px, everything else as it is. */
    public StageMetrics withLaneMax(double laneMax) {
        return new StageMetrics(font, smallFont, titleHeight, axisHeight, laneMin, laneMax, labelWidth, gilHeight,
                queueHeight, legendRowHeight, gap, arrowWidth);
    }

    /** A conservative width estimate of a text, for layout that cannot measure fonts. */
    public static double textWidth(String text, double size) {
        return textWidth(text.length(), size);
    }

    public static double textWidth(int characters, double size) {
        return characters * size * 0.62;
    }
}
