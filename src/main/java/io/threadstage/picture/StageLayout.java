package io.threadstage.picture;

/**
 * Where everything goes on a stage of a given size: title, time axis, lanes, GIL strip, queue
 * strips and legend, top to bottom, and the mapping between time and x. Pure geometry (no
 * Node), so tests can ask where a lane or an instant is drawn. Immutable; any thread.
 */
public final class StageLayout {

    public static final double RIGHT_MARGIN = 24;

    public final double width;
    public final double height;
    public final StageMetrics metrics;
    public final double titleTop = 0;
    /** A line under the title saying how the run ended (a deadlock's cycle); 0 high when none. */
    public final double bannerTop;
    public final double bannerHeight;
    public final double axisTop;
    public final double lanesTop;
    public final double laneHeight;
    public final int firstLane;
    public final int visibleLanes;
    public final double lanesBottom;
    public final boolean gil;
    public final double gilTop;
    public final int queueCount;
    public final double queuesTop;
    public final double legendTop;
    public final int legendRows;
    /** Below the legend: free room for the lesson's caption, up to the stage's bottom. */
    public final double captionTop;
    public final double plotX;
    /** Pixel columns of the plot: one store column each. */
    public final int columns;
    public final long startNanos;
    public final long endNanos;

    /**
     * @param labelWidth the width the lane labels need (names and badges); the label column takes
     *                   at least the metrics' width and at most 30% of the stage
     */
    public StageLayout(double width, double height, StageMetrics metrics, int laneCount, int firstLane,
                       int queueCount, boolean gil, int legendRows, long startNanos, long endNanos, double labelWidth) {
        this(width, height, metrics, laneCount, firstLane, queueCount, gil, legendRows, startNanos, endNanos, labelWidth, 0);
    }

    /** As above, with a banner line of {@code bannerHeight} pixels between the title and the time axis. */
    public StageLayout(double width, double height, StageMetrics metrics, int laneCount, int firstLane,
                       int queueCount, boolean gil, int legendRows, long startNanos, long endNanos, double labelWidth,
                       double bannerHeight) {
        this(width, height, metrics, laneCount, firstLane, queueCount, gil, legendRows, startNanos, endNanos, labelWidth,
                bannerHeight, 0);
    }

    /**
     * As above, with {@code lift} pixels of room between the banner and the time axis: a stage
     * whose parts are grown as far as they go is centred under its title ({@link StageFill}).
     */
    public StageLayout(double width, double height, StageMetrics metrics, int laneCount, int firstLane,
                       int queueCount, boolean gil, int legendRows, long startNanos, long endNanos, double labelWidth,
                       double bannerHeight, double lift) {
        this.width = width;
        this.height = height;
        this.metrics = metrics;
        this.gil = gil;
        this.queueCount = queueCount;
        this.legendRows = legendRows;
        this.startNanos = startNanos;
        this.endNanos = Math.max(endNanos, startNanos + 1);
        bannerTop = metrics.titleHeight();
        this.bannerHeight = bannerHeight;
        axisTop = bannerTop + bannerHeight + lift;
        lanesTop = axisTop + metrics.axisHeight();
        plotX = Math.floor(Math.min(Math.max(metrics.labelWidth(), labelWidth), width * 0.3));
        columns = Math.max(1, (int) Math.floor(width - plotX - RIGHT_MARGIN));
        double below = (gil ? metrics.gap() + metrics.gilHeight() : 0)
                + (queueCount > 0 ? metrics.gap() + queueCount * metrics.queueHeight() : 0)
                + metrics.gap() + legendRows * metrics.legendRowHeight() + metrics.gap();
        double available = Math.max(0, height - lanesTop - below);
        this.firstLane = Math.max(0, Math.min(firstLane, Math.max(0, laneCount - 1)));
        int lanes = Math.max(1, laneCount - this.firstLane);
        laneHeight = Math.floor(Math.max(metrics.laneMin(), Math.min(metrics.laneMax(), available / lanes)));
        visibleLanes = laneCount == 0 ? 0 : Math.min(laneCount - this.firstLane, (int) Math.floor(available / laneHeight));
        lanesBottom = lanesTop + visibleLanes * laneHeight;
        gilTop = lanesBottom + metrics.gap();
        queuesTop = (gil ? gilTop + metrics.gilHeight() : lanesBottom) + metrics.gap();
        legendTop = queuesTop + (queueCount > 0 ? queueCount * metrics.queueHeight() + metrics.gap() : 0);
        captionTop = legendTop + legendRows * metrics.legendRowHeight() + metrics.gap();
    }

    /** The top of display lane {@code lane}'s row (it may be scrolled out of view). */
    public double laneTop(int lane) {
        return lanesTop + (lane - firstLane) * laneHeight;
    }

    public double laneCenter(int lane) {
        return laneTop(lane) + laneHeight / 2;
    }

    public boolean laneVisible(int lane) {
        return lane >= firstLane && lane < firstLane + visibleLanes;
    }

    /** The display lane under {@code y}, or -1. */
    public int laneAt(double y) {
        if (y < lanesTop || y >= lanesBottom) {
            return -1;
        }
        return firstLane + (int) ((y - lanesTop) / laneHeight);
    }

    public double queueTop(int queue) {
        return queuesTop + queue * metrics.queueHeight();
    }

    /** The queue strip under {@code y}, or -1. */
    public int queueAt(double y) {
        if (queueCount == 0 || y < queuesTop || y >= queuesTop + queueCount * metrics.queueHeight()) {
            return -1;
        }
        return (int) ((y - queuesTop) / metrics.queueHeight());
    }

    public boolean inGil(double y) {
        return gil && y >= gilTop && y < gilTop + metrics.gilHeight();
    }

    public double plotRight() {
        return plotX + columns;
    }

    /** The x of instant {@code t} (may lie outside the plot). */
    public double x(long t) {
        return plotX + (double) (t - startNanos) * columns / (endNanos - startNanos);
    }

    /** The instant at {@code x}. */
    public long time(double x) {
        return startNanos + (long) ((x - plotX) * (endNanos - startNanos) / columns);
    }

    public long nanosPerColumn() {
        return Math.max(1, (endNanos - startNanos) / columns);
    }
}
