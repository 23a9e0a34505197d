package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A counter's strip under the lanes: its steps at the right heights, its last value and writes labelled. */
class ValueStripsTest {

    private static TraceStore lostUpdate() {
        return new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).running(0).counter(0, "total", 0)
                .atMs(100).counter(0, "total", 1).atMs(200).counter(0, "total", 1).atMs(300).counter(0, "total", 2)
                .local(0, "data", "7").atMs(400).end(Outcome.COMPLETED, null).store();
    }

    private static StageFrame frame(TraceStore store, StageLayout[] layout) {
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        layout[0] = new FrameBuilder().build(frame, store, viewport, 1600, 900,
                new StageOptions("t", false, 0, Long.MAX_VALUE, null));
        return frame;
    }

    @Test
    void theStripStepsUpAtEachChangeAndLabelsTheLastValue() {
        StageLayout[] layout = new StageLayout[1];
        StageFrame frame = frame(lostUpdate(), layout);
        assertEquals(1, layout[0].queueCount, "one strip under the lanes");
        StageFrame.Doubles fills = frame.rects(Ink.COUNTER_FILL);
        // rects are (x, y, w, h): steps to 1 and to 2 (the second write of 1 changes nothing; 0 has no area)
        assertEquals(2 * 4, fills.size());
        double bottom = layout[0].queueTop(0) + layout[0].metrics.queueHeight() - 6;
        double h1 = fills.get(3);
        double h2 = fills.get(7);
        assertTrue(h1 > 0 && Math.abs(h2 - 2 * h1) <= 1, "heights " + h1 + ", " + h2);
        assertEquals(bottom, fills.get(5) + h2, 0.01);
        // the value changes at 100 ms and 300 ms: a quarter and three quarters of the run
        assertEquals(layout[0].x(100 * TraceBuilder.MS), fills.get(0), 1.0);
        assertEquals(layout[0].x(300 * TraceBuilder.MS), fills.get(4), 1.0);
        assertTrue(frame.rects(Ink.COUNTER_LINE).size() >= 3 * 4, "the line runs over the zero step too");
        List<String> texts = frame.texts().stream().map(StageFrame.Text::text).toList();
        assertTrue(texts.contains("total"), texts.toString());
        assertTrue(texts.contains("3 writes"), texts.toString());
        assertTrue(texts.contains("2"), texts.toString());
        assertTrue(texts.contains("data = 7"), "the local's chip: " + texts);
    }

    @Test
    void hoveringALocalsChipShowsItsWholeValueAndWhenItWasSet() {
        String value = "'" + "x".repeat(200) + "'";
        TraceStore store = new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Reader", "target", false).running(1)
                .atMs(100).local(1, "data", value).atMs(400).end(Outcome.COMPLETED, null).store();
        StageLayout[] layout = new StageLayout[1];
        StageFrame frame = frame(store, layout);
        List<String> texts = frame.texts().stream().map(StageFrame.Text::text).toList();
        assertTrue(texts.stream().noneMatch(text -> text.equals("data = " + value)), "the chip cuts a long value");
        double x = layout[0].x(100 * TraceBuilder.MS) + 6;
        double y = layout[0].laneTop(1) + 4;
        assertEquals("Reader (tid 1)\nlocal data = " + value + "\nset at 100.000 ms",
                StageHover.describe(store, layout[0], x, y, Long.MAX_VALUE));
        String below = StageHover.describe(store, layout[0], x, layout[0].laneCenter(1) + layout[0].laneHeight / 3, Long.MAX_VALUE);
        assertTrue(below.startsWith("Reader (tid 1)\nrunning"), "off the chip, the lane's interval: " + below);
    }
}
