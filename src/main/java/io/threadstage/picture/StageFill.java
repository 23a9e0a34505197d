package io.threadstage.picture;

import java.util.List;

/**
 * How a presentation stage or a picture fills its height. A 1080p slide of two or three threads
 * at the presentation sizes would use its top third; this grows lanes, queue and GIL strips,
 * gaps and (less) text together by the largest factor up to {@link StageMetrics#MAX_GROWTH}
 * that still fits everything, caption included, and when even that leaves room, gives it to the
 * lanes (each up to a third of the height), so the stage reaches the bottom of its frame. A stage that is full already
 * keeps its sizes. Pure; any thread.
 */
public final class StageFill {

    /**
     * The most of the frame's height one lane takes: two or three lanes and the legend fill a 1080p
     * picture, while a lone thread's lane (whose markers scale with it) stays a lane, not a slab.
     */
    static final double MAX_LANE_SHARE = 1.0 / 3;

    /** Growth steps tried between 1 and the maximum: a pixel's precision on a 1080p frame. */
    private static final int SEARCH_STEPS = 12;

    /** The grown metrics, and the room left over put between the title and the time axis. */
    public record Fill(StageMetrics metrics, double lift) {
    }

    private StageFill() {
    }

    /** No growth: the live view's sizes, top-aligned. */
    public static Fill none(StageMetrics metrics) {
        return new Fill(metrics, 0);
    }

    /**
     * @param lanes   the lanes to show from the first one down
     * @param banner  the message under the title that says how the run ended, or null
     * @param caption the lesson's text under the legend, or null
     */
    public static Fill of(StageMetrics base, double width, double height, int lanes, int queues, boolean gil,
                          List<Legend.Entry> legend, String banner, String caption) {
        int shown = Math.max(1, lanes);
        if (needed(base, width, shown, queues, gil, legend, banner, caption) >= height) {
            return none(base);
        }
        double low = 1;
        double high = StageMetrics.MAX_GROWTH;
        if (needed(base.grown(high), width, shown, queues, gil, legend, banner, caption) > height) {
            for (int step = 0; step < SEARCH_STEPS; step++) {
                double middle = (low + high) / 2;
                if (needed(base.grown(middle), width, shown, queues, gil, legend, banner, caption) <= height) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            high = low;
        }
        StageMetrics grown = base.grown(high);
        double spare = height - needed(grown, width, shown, queues, gil, legend, banner, caption);
        double tallest = Math.floor(height * MAX_LANE_SHARE);
        if (spare >= shown && grown.laneMax() < tallest) {
            // the lanes take what the text cannot use: a picture of two or three threads fills its
            // height down to its caption instead of ending in an empty band
            grown = grown.withLaneMax(Math.min(tallest, grown.laneMax() + Math.floor(spare / shown)));
            spare = height - needed(grown, width, shown, queues, gil, legend, banner, caption);
        }
        // what is left (less than a pixel a lane): a third above, two below
        return new Fill(grown, Math.floor(Math.max(0, spare) / 3));
    }

    /** The height the stage takes at metrics {@code m} with every lane at its largest, as {@link StageLayout} stacks it. */
    static double needed(StageMetrics m, double width, int lanes, int queues, boolean gil, List<Legend.Entry> legend,
                         String banner, String caption) {
        return m.titleHeight() + BannerLines.height(banner, width, m) + m.axisHeight() + lanes * m.laneMax()
                + (gil ? m.gap() + m.gilHeight() : 0)
                + (queues > 0 ? m.gap() + queues * m.queueHeight() : 0)
                + m.gap() + Legend.rows(legend, width, m) * m.legendRowHeight() + m.gap()
                + captionHeight(caption, width, m.font());
    }

    /** The height the caption's wrapped lines take, as the frame draws them. */
    static double captionHeight(String caption, double width, double size) {
        if (caption == null || caption.isBlank()) {
            return 0;
        }
        int lines = captionLines(caption, width - 12 - StageLayout.RIGHT_MARGIN, size);
        return 4 + size + (lines - 1) * size * 1.35 + size * 0.3;
    }

    /** How many lines the caption wraps to: whole words, as many as fit the estimated width. */
    static int captionLines(String caption, double usable, double size) {
        int perLine = Math.max(10, (int) (usable / (size * 0.62)));
        int lines = 1;
        int length = 0;
        for (String word : caption.trim().split("\\s+")) {
            if (length > 0 && length + 1 + word.length() > perLine) {
                lines++;
                length = word.length();
            } else {
                length += (length == 0 ? 0 : 1) + word.length();
            }
        }
        return lines;
    }
}
