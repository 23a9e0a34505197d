package io.threadstage.picture;

/**
 * What a frame shows beyond the trace: its title, the mode, which lane is at the top, the
 * present (nothing later is drawn: a replay's or a live run's now; {@link Long#MAX_VALUE} for a
 * finished trace), a status word for the title bar ("live", "replay 0.5x"), the lesson's
 * caption (drawn under the legend when there is room; null for none) and the room a live run
 * will need ({@link StageRoom#NONE} when the trace is all there). Immutable.
 */
public record StageOptions(String title, boolean presentation, int firstLane, long presentNanos, String status,
                           String caption, StageRoom room) {

    public StageOptions(String title, boolean presentation, int firstLane, long presentNanos, String status,
                        String caption) {
        this(title, presentation, firstLane, presentNanos, status, caption, StageRoom.NONE);
    }

    public StageOptions(String title, boolean presentation, int firstLane, long presentNanos, String status) {
        this(title, presentation, firstLane, presentNanos, status, null);
    }

    public static StageOptions finished(String title, boolean presentation) {
        return new StageOptions(title, presentation, 0, Long.MAX_VALUE, null);
    }

    /** The status word of a replay at {@code factor} times the run's pace: "replay 2×", "replay 0.5×". */
    public static String replayStatus(double factor) {
        return "replay " + (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "\u00d7";
    }
}
