package io.threadstage.export;

import static io.threadstage.trace.TraceBuilder.MS;
import static io.threadstage.export.PixelColors.color;
import static io.threadstage.export.PixelColors.hex;
import static io.threadstage.export.PixelColors.pixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.picture.Contrast;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageHover;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageMetrics;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The stage's pictures checked pixel by pixel where the layout says things are. */
class StagePixelTest {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;

    /** Main holds a lock the worker wants, joins the worker with a timeout that expires, and feeds a queue. */
    private static TraceStore joinLockQueue() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0).lock("L", 0)
                .atMs(10).thread(1, "worker", "target", true).created(1)
                .atMs(20).running(1)
                .atMs(30).waiting(1, Reason.LOCK, "L")
                .atMs(40).join(0, 1, true, false).waiting(0, Reason.JOIN, "worker")
                .atMs(50).lock("L", -1)
                .atMs(52).lock("L", 1).running(1)
                .atMs(60).queue("q", 1, 4, 1, "put")
                .atMs(62).queue("q", 2, 4, 1, "put")
                .atMs(70).join(0, 1, false, true).running(0)
                .atMs(90).terminated(1, Reason.RETURNED)
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .store();
    }

    @Test
    void lanesShowTheStateColourAtEachTime() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, joinLockQueue(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        assertEquals(0, layout.firstLane);
        assertEquals(2, layout.visibleLanes);
        assertEquals(color(Ink.RUNNING), pixel(image, layout.x(5 * MS), layout.laneCenter(0)), "main running at 5 ms");
        assertEquals(color(Ink.JOIN), pixel(image, layout.x(45 * MS), layout.laneCenter(0)), "main joining at 45 ms");
        assertEquals(color(Ink.LOCK), pixel(image, layout.x(35 * MS), layout.laneCenter(1)), "worker blocked on the lock");
        assertEquals(color(Ink.RUNNING), pixel(image, layout.x(80 * MS), layout.laneCenter(1)), "worker running at 80 ms");
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, layout.x(5 * MS), layout.laneCenter(1)), "worker not created yet");
        // waiting bars are shorter than running bars: above the lock bar, the lane's own ground shows
        double barTop = layout.laneTop(1) + Math.max(2, Math.floor(layout.laneHeight * 0.1));
        assertEquals(color(Ink.RUNNING), pixel(image, layout.x(80 * MS), barTop + 1));
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, layout.x(35 * MS), barTop + 1));
    }

    @Test
    void joinArrowsRunBetweenTheLanesAtBeginAndReturn() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, joinLockQueue(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        double gapY = layout.laneTop(1) - 1;
        double begin = Math.round(layout.x(40 * MS));
        double end = Math.round(layout.x(70 * MS));
        assertEquals(color(Ink.ARROW_JOIN), pixel(image, begin, gapY), "arrow where the join begins");
        assertEquals(color(Ink.ARROW_JOIN), pixel(image, end, gapY), "arrow where the join returns");
        assertEquals(color(Ink.BACKGROUND), pixel(image, Math.round(layout.x(45 * MS)), gapY), "no arrow between them");
        assertEquals(color(Ink.BACKGROUND), pixel(image, Math.round(layout.x(25 * MS)), gapY), "no arrow before the join");
    }

    @Test
    void queueStripRisesToTheDepthAgainstMaxsize() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, joinLockQueue(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        double bottom = layout.queueTop(0) + layout.metrics.queueHeight() - 6;
        double usable = layout.metrics.queueHeight() - 12;
        double x = layout.x(66 * MS);
        double half = Math.round(usable * 2 / 4);
        assertEquals(color(Ink.QUEUE_FILL), pixel(image, x, bottom - half + 0.5), "top row of a depth of 2 of 4");
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, x, bottom - half - 1.5), "above the depth");
        double quarter = Math.round(usable / 4);
        double x1 = layout.x(61 * MS);
        assertEquals(color(Ink.QUEUE_FILL), pixel(image, x1, bottom - quarter + 0.5), "depth 1 of 4");
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, x1, bottom - quarter - 1.5));
        assertEquals(color(Ink.QUEUE_MAX), pixel(image, x, bottom - usable - 1), "the maxsize line");
    }

    @Test
    void highContrastStylesheetRepaintsEverything() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, joinLockQueue(), WIDTH, HEIGHT, true);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        assertEquals("#1c1c1c", pixel(image, layout.x(5 * MS), layout.laneCenter(1)), "lane ground");
        assertEquals("#000000", pixel(image, 5, layout.lanesTop - 2), "background");
        assertEquals("#00e0a0", pixel(image, layout.x(5 * MS), layout.laneCenter(0)));
    }

    @Test
    void presentationModeIsReadableFromTheBackOfTheRoom() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, joinLockQueue(), 1920, 1080, false);
        assertTrue(picture.layout().laneHeight >= 24);
        assertTrue(StageMetrics.PRESENTATION.font() >= 16 && StageMetrics.PRESENTATION.smallFont() >= 16);
        StageColours palette = StageColours.defaults();
        for (Ink ground : new Ink[] {Ink.BACKGROUND, Ink.LANE_ALTERNATE}) {
            for (Ink text : new Ink[] {Ink.TEXT, Ink.TEXT_MUTED}) {
                double ratio = Contrast.ratio(palette.rgb(text), palette.rgb(ground));
                assertTrue(ratio >= 4.5, text + " on " + ground + ": " + ratio);
            }
        }
        assertTrue(Contrast.ratio(palette.rgb(Ink.TEXT_ON_BADGE), palette.rgb(Ink.BADGE)) >= 4.5);
        assertTrue(Contrast.ratio(palette.rgb(Ink.TEXT_ON_OWNER), palette.rgb(Ink.OWNER_0)) >= 4.5);
    }

    /** Left holds a and wants b, Right holds b and wants a; the run is stopped as a deadlock at 100 ms. */
    private static TraceStore lockOrderDeadlock() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Left", "target", false).running(1).thread(2, "Right", "target", false).running(2)
                .atMs(5).lock("a", 1).lock("b", 2)
                .atMs(20).waiting(1, Reason.LOCK, "b")
                .atMs(22).waiting(2, Reason.LOCK, "a")
                .atMs(25).terminated(0, Reason.RETURNED)
                .atMs(100).terminated(1, Reason.STOPPED).terminated(2, Reason.STOPPED)
                .end(Outcome.DEADLOCK, "Left waits for lock b held by Right; Right waits for lock a held by Left")
                .store();
    }

    /** How many pixels of {@code hex} lie in the rectangle. */
    private static int count(BufferedImage image, String hex, double x0, double y0, double x1, double y1) {
        int found = 0;
        for (int y = (int) Math.floor(y0); y < (int) Math.ceil(y1); y++) {
            for (int x = (int) Math.floor(x0); x < (int) Math.ceil(x1); x++) {
                if (hex(image.getRGB(x, y)).equals(hex)) {
                    found++;
                }
            }
        }
        return found;
    }

    @Test
    void deadlockDrawsTheCycleBetweenTheLanesAtTheEndAndItsMessage() throws Exception {
        TraceStore store = lockOrderDeadlock();
        assertEquals(2, store.waitsFor(1), "Left waits for Right, b's holder");
        assertEquals(1, store.waitsFor(2), "Right waits for Left, a's holder");
        assertEquals(-1, store.waitsFor(0));
        PngPicture.Rendered picture = PngPicture.render(null, store, WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        String deadlock = color(Ink.ARROW_DEADLOCK);
        double boundary = layout.laneTop(2);
        double end = layout.x(100 * MS);
        assertTrue(count(image, deadlock, end - 80, boundary - 1, end, boundary + 1) >= 2,
                "the cycle's arrows cross between Left and Right at the end");
        assertEquals(0, count(image, deadlock, layout.plotX, boundary - 1, end - 80, boundary + 1), "nowhere before the end");
        assertEquals(0, count(image, deadlock, layout.plotX, layout.laneTop(1) - 1, layout.plotRight(), layout.laneTop(1) + 1),
                "MainThread is not in the cycle");
        assertTrue(layout.bannerHeight > 0);
        assertTrue(count(image, color(Ink.EXCEPTION), 12, layout.bannerTop, WIDTH / 2.0, layout.bannerTop + layout.bannerHeight)
                > 50, "the cycle's text under the title");
    }

    @Test
    void wideWaitingBarsNameTheirObject() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, lockOrderDeadlock(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        double y = layout.laneCenter(1);
        double middle = layout.x(60 * MS);
        int plate = count(image, color(Ink.LABEL_BACKGROUND), middle - 45, y - 8, middle + 45, y + 8);
        int bar = count(image, color(Ink.LOCK), middle - 45, y - 8, middle + 45, y + 8);
        assertTrue(plate > 200, "a light plate in the middle of the bar: " + plate);
        assertTrue(90 * 16 - plate - bar > 60, "with lock b written on it: " + (90 * 16 - plate - bar));
        assertEquals(color(Ink.LOCK), pixel(image, layout.x(30 * MS), y), "the rest of the bar keeps its colour");
        assertEquals(color(Ink.LOCK), pixel(image, layout.x(90 * MS), y));
        // a completed run has no banner and no cycle
        PngPicture.Rendered plain = PngPicture.render(null, joinLockQueue(), WIDTH, HEIGHT, false);
        assertEquals(0, plain.layout().bannerHeight);
        assertEquals(0, count(plain.image(), color(Ink.ARROW_DEADLOCK), 0, 0, WIDTH, HEIGHT));
    }

    @Test
    void theLessonsCaptionGoesUnderTheLegendWhenThereIsRoom() throws Exception {
        String caption = "Two threads take two locks in opposite order; each holds one and waits for the other forever.";
        PngPicture.Rendered picture = PngPicture.render(null, lockOrderDeadlock(), 1920, 1080, false, caption);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        String ground = color(Ink.BACKGROUND);
        int inked = 30 * 1000 - count(image, ground, 12, layout.captionTop, 1012, layout.captionTop + 30);
        assertTrue(inked > 300, "caption text under the legend: " + inked);
        PngPicture.Rendered without = PngPicture.render(null, lockOrderDeadlock(), 1920, 1080, false);
        assertTrue(without.layout().laneHeight > layout.laneHeight, "without a caption the lanes take its room");
        assertTrue(layout.laneHeight > 168, "three lanes on a 1080p picture take the room the text leaves: "
                + layout.laneHeight);
        assertTrue(1080 - layout.captionTop < 60, "the caption is the picture's last line: " + layout.captionTop);
    }

    @Test
    void theHoverOfAJoinSaysHowItEndedWhereTheLabelHadNoRoom() throws Exception {
        TraceStore store = joinLockQueue();
        StageLayout layout = PngPicture.render(null, store, WIDTH, HEIGHT, false).layout();
        String hover = StageHover.describe(store, layout, layout.x(55 * MS), layout.laneCenter(0), Long.MAX_VALUE);
        assertEquals("MainThread\nwaiting: join on worker\n40.000 ms \u2192 70.000 ms  (30.000 ms)\njoin timed out (worker)",
                hover);
    }
}
