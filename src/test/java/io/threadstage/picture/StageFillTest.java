package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stages grow their parts to fill the frame, up to a limit; a live run's for the room its scenario will need. */
class StageFillTest {

    /** {@code lanes} threads that sleep, with a queue and the GIL when asked. */
    private static TraceStore threads(int lanes, boolean queue, boolean gil) {
        TraceBuilder b = new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0);
        for (int tid = 1; tid < lanes; tid++) {
            b.thread(tid, "worker-" + tid, "target", false).running(tid);
        }
        b.atMs(10);
        for (int tid = 1; tid < lanes; tid++) {
            b.waiting(tid, Reason.SLEEP, null);
        }
        if (queue) {
            b.queue("jobs", 1, 2, 0, "put");
        }
        if (gil) {
            b.gil(0);
        }
        b.atMs(100);
        for (int tid = lanes - 1; tid >= 0; tid--) {
            b.terminated(tid, Reason.RETURNED);
        }
        return b.end(Outcome.COMPLETED, null).store();
    }

    private static StageLayout build(TraceStore store, double width, double height, boolean presentation, String caption) {
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        return new FrameBuilder().build(new StageFrame(), store, viewport, width, height,
                new StageOptions("t", presentation, 0, Long.MAX_VALUE, null, caption));
    }

    /** Where the stage's last part ends: the caption's room is what is left, so this is the legend's bottom. */
    private static double legendBottom(StageLayout layout) {
        return layout.legendTop + layout.legendRows * layout.metrics.legendRowHeight();
    }

    @Test
    void aFewLanesTakeTheRoomTheTextLeavesAndReachTheBottom() {
        StageLayout layout = build(threads(3, false, false), 1920, 1080, true, null);
        StageMetrics text = StageMetrics.PRESENTATION.grown(StageMetrics.MAX_GROWTH);
        assertEquals(26, layout.metrics.font(), "text grows to the limit: 19 x 1.375");
        assertEquals(text.withLaneMax(layout.metrics.laneMax()), layout.metrics, "only the lanes grow beyond it");
        assertTrue(layout.laneHeight > 168, "past 96 px grown by 1.75: " + layout.laneHeight);
        List<Legend.Entry> legend = Legend.entries(threads(3, false, false));
        double needed = StageFill.needed(layout.metrics, 1920, 3, 0, false, legend, null, null);
        assertTrue(needed <= 1080 && needed > 1080 - 3, "less than a pixel a lane is left: " + needed);
        assertEquals(layout.metrics.titleHeight() + Math.floor((1080 - needed) / 3), layout.axisTop);
        assertTrue(1080 - layout.captionTop < 3, "the stage's parts reach the bottom: " + layout.captionTop);
    }

    @Test
    void moreLanesGrowLessAndFillTheHeight() {
        TraceStore store = threads(6, true, true);
        StageLayout layout = build(store, 1920, 1080, true, null);
        assertTrue(layout.laneHeight > 96 && layout.laneHeight < 168, "grown, short of the limit: " + layout.laneHeight);
        assertEquals(6, layout.visibleLanes);
        double needed = StageFill.needed(layout.metrics, 1920, 6, 1, true, Legend.entries(store), null, null);
        assertTrue(needed <= 1080 && needed > 1080 - 24, "fills the frame to within a small part: " + needed);
        assertEquals(layout.lanesTop + 6 * layout.laneHeight, layout.lanesBottom);
        assertEquals(layout.metrics.gilHeight(), Math.floor(30 * layout.metrics.laneMax() / 96), 1,
                "the GIL strip grows with the lanes");
        assertEquals(layout.metrics.queueHeight(), Math.floor(84 * layout.metrics.laneMax() / 96), 1,
                "and the queue strip");
    }

    @Test
    void aFullStageKeepsThePresentationSizes() {
        StageLayout layout = build(threads(12, true, false), 1920, 1080, true, null);
        assertSame(StageMetrics.PRESENTATION, layout.metrics);
        assertEquals(StageMetrics.PRESENTATION.titleHeight(), layout.axisTop, "nothing to spare above the axis");
    }

    @Test
    void aCaptionTakesItsLinesFromTheGrowth() {
        String caption = "word ".repeat(400).trim();
        StageLayout with = build(threads(3, false, false), 1920, 1080, true, caption);
        StageLayout without = build(threads(3, false, false), 1920, 1080, true, null);
        assertTrue(with.laneHeight < without.laneHeight, with.laneHeight + " < " + without.laneHeight);
        double lines = StageFill.captionLines(caption, 1920 - 12 - StageLayout.RIGHT_MARGIN, with.metrics.font());
        assertTrue(with.captionTop + StageFill.captionHeight(caption, 1920, with.metrics.font()) <= 1080,
                lines + " lines fit under the legend");
    }

    @Test
    void aReplayKeepsItsLanesWhereTheyAreWhenTheBannerAppearsAtTheEnd() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Left", "target", false).running(1).thread(2, "Right", "target", false).running(2)
                .atMs(5).lock("a", 1).lock("b", 2)
                .atMs(20).waiting(1, Reason.LOCK, "b").waiting(2, Reason.LOCK, "a")
                .atMs(100).terminated(1, Reason.STOPPED).terminated(2, Reason.STOPPED).terminated(0, Reason.STOPPED)
                .end(Outcome.DEADLOCK, "Left waits for lock b held by Right; Right waits for lock a held by Left")
                .store();
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageLayout midway = new FrameBuilder().build(new StageFrame(), store, viewport, 1920, 1080,
                new StageOptions("t", true, 0, 50 * TraceBuilder.MS, "replay 1\u00d7"));
        StageLayout end = new FrameBuilder().build(new StageFrame(), store, viewport, 1920, 1080,
                new StageOptions("t", true, 0, Long.MAX_VALUE, null));
        assertEquals(0, midway.bannerHeight, "no banner before the end");
        assertTrue(end.bannerHeight > 0, "the cycle's message at the end");
        assertEquals(end.metrics, midway.metrics);
        assertEquals(end.lanesTop, midway.lanesTop, "the banner's room was kept from the start");
        assertEquals(end.laneHeight, midway.laneHeight);
    }

    @Test
    void theNormalViewFillsItsHeightToo() {
        StageLayout layout = build(threads(3, false, false), 1600, 900, false, null);
        StageMetrics text = StageMetrics.NORMAL.grown(StageMetrics.MAX_GROWTH);
        assertEquals(text.withLaneMax(layout.metrics.laneMax()), layout.metrics, "three lanes leave room to grow");
        assertTrue(layout.laneHeight > Math.floor(72 * StageMetrics.MAX_GROWTH), "and more: " + layout.laneHeight);
        assertTrue(900 - layout.captionTop < 3, "down to the bottom: " + layout.captionTop);
        StageLayout crowded = build(threads(40, false, false), 1600, 900, false, null);
        assertSame(StageMetrics.NORMAL, crowded.metrics, "forty lanes do not");
    }

    @Test
    void aLiveRunsLanesKeepTheSizeItsScenarioNeedsWhileItsThreadsAppear() {
        // the finished run of eight threads and a queue, and the same run when only MainThread exists yet
        TraceStore finished = threads(8, true, false);
        TraceStore starting = new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0).store();
        Viewport viewport = new Viewport();
        viewport.set(0, 100 * TraceBuilder.MS);
        StageRoom room = new StageRoom(8, 1, false);
        StageLayout whole = new FrameBuilder().build(new StageFrame(), finished, viewport, 1600, 900,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null, null, StageRoom.NONE));
        StageLayout early = new FrameBuilder().build(new StageFrame(), starting, viewport, 1600, 900,
                new StageOptions("t", false, 0, 0, "live", null, room));
        StageLayout unplanned = new FrameBuilder().build(new StageFrame(), starting, viewport, 1600, 900,
                new StageOptions("t", false, 0, 0, "live", null, StageRoom.NONE));
        assertTrue(whole.metrics.laneMax() < Math.floor(72 * StageMetrics.MAX_GROWTH), "eight lanes hold the growth back");
        assertEquals(whole.metrics, early.metrics);
        assertEquals(whole.laneHeight, early.laneHeight);
        assertTrue(unplanned.laneHeight > early.laneHeight, "without the room, one lane would grow and then shrink");
    }

    @Test
    void aScenariosRoomCountsMainEveryWorkerEveryPoolThreadAndItsQueues() {
        io.threadstage.model.Scenario scenario = new io.threadstage.model.Scenario("t", null,
                new io.threadstage.model.Settings(true, 5, 1, io.threadstage.model.Settings.Excepthook.DEFAULT),
                List.of(new io.threadstage.model.Resource.Queue("jobs", 2), new io.threadstage.model.Resource.Lock("l"),
                        new io.threadstage.model.Resource.Executor("pool", 3), new io.threadstage.model.Resource.Queue("done", 0)),
                List.of(worker("a"), worker("b")), List.of(), java.util.Map.of());
        assertEquals(new StageRoom(6, 2, true), StageRoom.of(scenario));
    }

    private static io.threadstage.model.Worker worker(String name) {
        return new io.threadstage.model.Worker(name, null, io.threadstage.model.WorkerStyle.TARGET, "work", null, List.of(),
                List.of(), java.util.Map.of(), false, List.of());
    }

    @Test
    void captionLinesWrapWholeWordsAsTheFrameDrawsThem() {
        // 100 px at 10 px a letter estimate (0.62 x size): 16 letters a line, at least 10
        assertEquals(1, StageFill.captionLines("short", 100, 10));
        assertEquals(2, StageFill.captionLines("aaaaaaaa bbbbbbbb cccc", 100, 10));
        assertEquals(3, StageFill.captionLines("aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbb c", 100, 10));
    }
}
