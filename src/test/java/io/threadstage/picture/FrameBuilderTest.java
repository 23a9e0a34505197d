package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.PixelColumns;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The frame's drawing orders, without JavaFX: bounded by the pixels, whatever the trace's length. */
class FrameBuilderTest {

    private static TraceStore dense(int lanes, int events) {
        TraceStore store = new TraceStore();
        Random random = new Random(3);
        long seq = 0;
        for (int tid = 0; tid < lanes; tid++) {
            store.append(new TraceEvent.ThreadInfo(seq++, 0, tid, "T" + tid, "target", false, null, null));
        }
        Reason[] reasons = {Reason.SLEEP, Reason.LOCK, Reason.IO, Reason.QUEUE_PUT};
        for (int e = 0; e < events; e++) {
            int tid = random.nextInt(lanes);
            boolean run = random.nextBoolean();
            store.append(new TraceEvent.State(seq++, e * 1000L, tid, null, run ? ThreadState.RUNNING : ThreadState.WAITING,
                    run ? Reason.NONE : reasons[random.nextInt(reasons.length)], null));
            if (e % 7 == 0) {
                store.append(new TraceEvent.Print(seq++, e * 1000L, tid, null, "x"));
            }
        }
        return store;
    }

    private static int operations(TraceStore store) {
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        new FrameBuilder().build(frame, store, viewport, 1600, 900, new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        return frame.operations();
    }

    @Test
    void drawingOrdersAreBoundedByLanesTimesColumns() {
        // once every pixel column of every lane holds several intervals, more events add no orders
        int dense = operations(dense(20, 200_000));
        int denser = operations(dense(20, 2_000_000));
        StageLayout layout = new StageLayout(1600, 900, StageMetrics.NORMAL, 20, 0, 0, false, 1, 0, 1, 0);
        assertTrue(denser <= layout.visibleLanes * layout.columns * 3 + 500, "orders: " + denser);
        assertTrue(denser < dense * 1.2, "10x the events, orders " + dense + " -> " + denser);
    }

    @Test
    void printsCloserThanAMarkersWidthShowAsOneMarker() {
        io.threadstage.trace.TraceBuilder trace = new io.threadstage.trace.TraceBuilder()
                .atMs(0).thread(0, "MainThread", "main", false).running(0);
        for (double ms : new double[] {10, 12.5, 15, 100, 150}) {
            trace.atMs(ms).print(0, "p" + ms);
        }
        TraceStore store = trace.atMs(200).end(io.threadstage.trace.Outcome.COMPLETED, null).store();
        Viewport viewport = new Viewport();
        viewport.set(store.startNanos(), store.startNanos() + 200 * io.threadstage.trace.TraceBuilder.MS);
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1000, 600,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        double size = Math.max(8, Math.round(layout.laneHeight * 0.42));
        double pixelsApart = 2.5 * io.threadstage.trace.TraceBuilder.MS / layout.nanosPerColumn();
        assertTrue(pixelsApart > 8 && size > 2 * pixelsApart + 2, "the first three prints " + pixelsApart
                + " px apart, under a glyph of " + size + " px");
        assertTrue(50 * io.threadstage.trace.TraceBuilder.MS / layout.nanosPerColumn() > size, "the others far apart");
        // each print glyph is a stem and a flag: the three prints at 10-15 ms make one glyph
        StageFrame.Doubles prints = frame.rects(Ink.MARKER_PRINT);
        java.util.List<Double> stems = new java.util.ArrayList<>();
        for (int i = 0; i < prints.size(); i += 4) {
            if (prints.get(i + 1) < layout.laneTop(0) + layout.laneHeight && prints.get(i + 2) == 4) {
                stems.add(prints.get(i) + 2);
            }
        }
        long ms = io.threadstage.trace.TraceBuilder.MS;
        assertEquals(java.util.List.of((double) Math.round(layout.x(store.startNanos() + 10 * ms)),
                (double) Math.round(layout.x(store.startNanos() + 100 * ms)),
                (double) Math.round(layout.x(store.startNanos() + 150 * ms))), stems);
    }

    @Test
    void aJoinsOutcomeSitsOnTheJoinersEdgeAndAPrintAtTheEndKeepsInside() {
        long ms = io.threadstage.trace.TraceBuilder.MS;
        // main joins the third lane: its label must not sit on the second lane, which the arrow crosses
        TraceStore store = new io.threadstage.trace.TraceBuilder()
                .atMs(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Producer", "target", false).running(1)
                .thread(2, "Consumer", "target", false).running(2)
                .atMs(10).join(0, 2, true, false).waiting(0, Reason.JOIN, "Consumer")
                .atMs(50).join(0, 2, false, false).running(0)
                .atMs(100).print(0, "done")
                .end(io.threadstage.trace.Outcome.COMPLETED, null).store();
        Viewport viewport = new Viewport();
        viewport.set(store.startNanos(), store.startNanos() + 100 * ms);
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1000, 600,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        StageFrame.Text returned = frame.texts().stream().filter(t -> t.text().equals("returned")).findFirst().orElseThrow();
        double laneBoundary = layout.laneTop(1);
        double labelHeight = layout.metrics.smallFont() * 1.4;
        assertEquals(laneBoundary + layout.metrics.smallFont() * 0.36, returned.y(), 0.01,
                "centred on the joiner's lower edge, " + labelHeight + " px high");
        assertTrue(returned.x() > layout.x(store.startNanos() + 50 * ms), "right of the returning arrow");
        // the print's flag at the right edge turns back into the plot
        StageFrame.Doubles prints = frame.rects(Ink.MARKER_PRINT);
        double rightmost = 0;
        for (int i = 0; i < prints.size(); i += 4) {
            rightmost = Math.max(rightmost, prints.get(i) + prints.get(i + 2));
        }
        assertTrue(rightmost <= layout.plotRight() + 2, "print glyph ends at " + rightmost + ", plot at "
                + layout.plotRight());
    }

    @Test
    void viewportZoomKeepsTheAnchorAndFollowSlides() {
        Viewport viewport = new Viewport();
        viewport.set(0, 1_000_000);
        viewport.zoom(2, 0.25);
        assertEquals(125_000, viewport.startNanos());
        assertEquals(625_000, viewport.endNanos());
        assertEquals(false, viewport.following());
        viewport.pan(0.5);
        assertEquals(375_000, viewport.startNanos());
        viewport.follow();
        viewport.present(0, 300_000_000L);
        assertEquals(0, viewport.startNanos());
        assertEquals(Viewport.FOLLOW_MIN_NANOS, viewport.endNanos());
        viewport.present(0, 50_000_000_000L);
        assertEquals(50_000_000_000L - Viewport.FOLLOW_WINDOW_NANOS, viewport.startNanos());
        assertEquals(50_000_000_000L, viewport.endNanos());
    }

    @Test
    void layoutMapsTimeToPixelColumnsLikeTheStore() {
        StageLayout layout = new StageLayout(1600, 900, StageMetrics.PRESENTATION, 4, 0, 1, true, 2, 1_000, 1_001_000, 0);
        assertEquals(270, layout.plotX);
        assertEquals(1600 - 270 - 24, layout.columns);
        for (int c : new int[] {0, 1, 100, layout.columns - 1}) {
            long t = PixelColumns.columnStart(layout.startNanos, layout.endNanos, layout.columns, c);
            assertEquals(layout.plotX + c, layout.x(t), 0.01, "column " + c);
        }
        assertEquals(StageMetrics.PRESENTATION.laneMax(), layout.laneHeight);
        assertEquals(2, layout.laneAt(layout.laneTop(2) + 1));
        assertEquals(-1, layout.laneAt(layout.lanesBottom + 1));
        assertEquals(0, layout.queueAt(layout.queueTop(0) + 1));
        assertTrue(layout.inGil(layout.gilTop + 1));
    }

    @Test
    void ticksReadInTheWindowsUnit() {
        assertEquals(200_000_000L, TimeFormat.step(150_000_000L));
        assertEquals("1.2 s", TimeFormat.tick(1_200_000_000L, 200_000_000L, 5_000_000_000L));
        assertEquals("0.25 s", TimeFormat.tick(250_000_000L, 50_000_000L, 1_000_000_000L));
        assertEquals("250 ms", TimeFormat.tick(250_000_000L, 50_000_000L, 999_000_000L));
        assertEquals("12.500 ms", TimeFormat.human(12_500_000L));
    }

    @Test
    void joinsOfOneThreadReturningTogetherShareOneLabel() {
        long ms = io.threadstage.trace.TraceBuilder.MS;
        // main joins two workers that end a millisecond apart, then a third much later
        TraceStore store = new io.threadstage.trace.TraceBuilder()
                .atMs(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "A", "target", false).running(1)
                .thread(2, "B", "target", false).running(2)
                .thread(3, "C", "target", false).running(3)
                .atMs(10).join(0, 1, true, false).waiting(0, Reason.JOIN, "A")
                .atMs(50).terminated(1, Reason.RETURNED).join(0, 1, false, false).running(0)
                .join(0, 2, true, false).waiting(0, Reason.JOIN, "B")
                .atMs(51).terminated(2, Reason.RETURNED).join(0, 2, false, false).running(0)
                .join(0, 3, true, false).waiting(0, Reason.JOIN, "C")
                .atMs(90).terminated(3, Reason.RETURNED).join(0, 3, false, false).running(0)
                .atMs(100).end(io.threadstage.trace.Outcome.COMPLETED, null).store();
        Viewport viewport = new Viewport();
        viewport.set(store.startNanos(), store.startNanos() + 100 * ms);
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1000, 600,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        List<String> labels = frame.texts().stream().map(StageFrame.Text::text)
                .filter(text -> text.startsWith("returned")).toList();
        assertEquals(List.of("returned \u00d72", "returned"), labels);
        StageFrame.Text pair = frame.texts().stream().filter(t -> t.text().equals("returned \u00d72")).findFirst().orElseThrow();
        assertTrue(pair.x() > layout.x(store.startNanos() + 51 * ms), "right of the later of the two arrows");
    }

    /**
     * Main and {@code workers} threads that all end at 10 ms; main then joins each (at once: it
     * has ended) at {@code joinAtMs} of its tid, in tid order; the run ends a millisecond after.
     */
    private static TraceStore mainJoiningFinishedWorkers(int workers, java.util.function.IntToDoubleFunction joinAtMs) {
        io.threadstage.trace.TraceBuilder trace = new io.threadstage.trace.TraceBuilder()
                .atMs(0).thread(0, "MainThread", "main", false).running(0);
        for (int tid = 1; tid <= workers; tid++) {
            trace.thread(tid, "W" + tid, "target", false).running(tid);
        }
        trace.atMs(10);
        for (int tid = 1; tid <= workers; tid++) {
            trace.terminated(tid, Reason.RETURNED);
        }
        for (int tid = 1; tid <= workers; tid++) {
            trace.atMs(joinAtMs.applyAsDouble(tid)).join(0, tid, true, false).join(0, tid, false, false);
        }
        return trace.atMs(joinAtMs.applyAsDouble(workers) + 1).end(io.threadstage.trace.Outcome.COMPLETED, null).store();
    }

    @Test
    void joinsOfWorkersScrolledAwayThatFallOnTheSamePixelsAreDrawnOnce() {
        // main joins a thousand workers that ended long before: every join returns at once, and
        // the arrows to the workers below the stage all run down one pixel column to its edge
        int workers = 1_000;
        TraceStore store = mainJoiningFinishedWorkers(workers, tid -> 100.0);
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1920, 1080,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));

        StageFrame.Doubles heads = frame.triangles(Ink.ARROW_JOIN);
        java.util.Set<List<Double>> distinct = new java.util.HashSet<>();
        for (int k = 0; k < heads.size(); k += 8) {
            List<Double> head = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                head.add(heads.get(k + i));
            }
            assertTrue(distinct.add(head), "an arrowhead drawn twice: " + head);
        }
        int visibleWorkers = layout.visibleLanes - 1;
        assertTrue(visibleWorkers > 0 && visibleWorkers < workers, "some workers shown, most scrolled away: " + visibleWorkers);
        // a head on each shown worker's edge and one at the stage's bottom edge for all the others;
        // every return ends at main's lower edge, in that one column: one head
        long onLanes = distinct.stream().filter(head -> head.get(1) <= layout.lanesBottom).count();
        assertEquals(visibleWorkers + 2, onLanes, "the legend's sample arrow aside");
        StageFrame.Doubles shafts = frame.lines(Ink.ARROW_JOIN);
        int shaftsOnLanes = 0;
        for (int k = 0; k < shafts.size(); k += 4) {
            shaftsOnLanes += shafts.get(k + 1) <= layout.lanesBottom ? 1 : 0;
        }
        // there and back for each shown worker, one pair for all the others
        assertEquals(2 * visibleWorkers + 2, shaftsOnLanes);
    }

    @Test
    void joinsOfWorkersScrolledAwayStandAFewPixelsApartAtTheStagesEdge() {
        // main joins a thousand workers scrolled off the stage, one every 0.1 ms: a pixel or less apart
        int workers = 1_000;
        TraceStore store = mainJoiningFinishedWorkers(workers, tid -> 20 + tid * 0.1);
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1920, 1080,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        assertTrue(layout.x(store.startNanos() + 100 * io.threadstage.trace.TraceBuilder.MS) - layout.x(store.startNanos())
                < workers * 1.5, "the joins are about a pixel apart");

        // the shafts from main down to the stage's bottom edge (the joins' starts), for the workers scrolled away
        StageFrame.Doubles shafts = frame.lines(Ink.ARROW_JOIN);
        List<Double> toEdge = new java.util.ArrayList<>();
        for (int k = 0; k < shafts.size(); k += 4) {
            if (shafts.get(k + 3) == layout.lanesBottom) {
                toEdge.add(shafts.get(k));
            }
        }
        assertTrue(toEdge.size() > 10, "a comb of arrows stands for them: " + toEdge.size());
        java.util.Collections.sort(toEdge);
        for (int i = 1; i < toEdge.size(); i++) {
            assertTrue(toEdge.get(i) - toEdge.get(i - 1) >= ArrowLayer.ARROW_GAP_PX / 2,
                    "arrows to the edge " + toEdge.get(i - 1) + " and " + toEdge.get(i));
        }
    }

    @Test
    void aDaemonKilledInTheColumnOfItsLastSleepStillShowsItsCutOff() {
        // the kill comes 0.05 ms after the sleep it cuts short: both fall in one pixel column
        TraceStore store = new io.threadstage.trace.TraceBuilder()
                .atMs(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Heartbeat", "target", true).running(1)
                .atMs(200).waiting(1, Reason.SLEEP, null)
                .atMs(1499.9).terminated(1, Reason.KILLED_AT_EXIT)
                .atMs(1499.95).terminated(0, Reason.RETURNED)
                .atMs(1500).end(io.threadstage.trace.Outcome.COMPLETED, null).store();
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1920, 1080,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        assertTrue(layout.nanosPerColumn() > 0.05 * io.threadstage.trace.TraceBuilder.MS, "one column holds both");
        assertEquals(1, frame.texts().stream().filter(t -> t.text().equals("cut off at exit")).count());
        // the cap stands at the kill, on Heartbeat's lane
        StageFrame.Doubles caps = frame.rects(Ink.KILLED);
        int lane = store.laneOfTid(1);
        double killX = layout.x(store.startNanos() + Math.round(1499.9 * io.threadstage.trace.TraceBuilder.MS));
        boolean capOnLane = false;
        for (int r = 0; r < caps.size(); r += 4) {
            double x = caps.get(r);
            double y = caps.get(r + 1);
            capOnLane |= y >= layout.laneTop(lane) && y < layout.laneTop(lane) + layout.laneHeight
                    && x <= killX && killX <= x + caps.get(r + 2) && caps.get(r + 3) > layout.laneHeight / 2;
        }
        assertTrue(capOnLane, "a cap at " + killX + " on Heartbeat's lane");
    }
}
