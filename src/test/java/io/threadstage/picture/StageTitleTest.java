package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The title line: the title never runs under the time and thread count, and an empty stage has none. */
class StageTitleTest {

    private static final String LONG_TITLE = "Two threads take two locks in opposite orders and wait for each other forever";

    private static List<StageFrame.Text> titleLine(TraceStore store, double width) {
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), Math.max(store.startNanos() + 1, store.endNanos()));
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, width, 600,
                new StageOptions(LONG_TITLE, false, 0, Long.MAX_VALUE, null));
        double line = StageMetrics.NORMAL.titleHeight();
        return frame.texts().stream().filter(text -> text.y() < line && text.y() > 0 && layout.width > 0).toList();
    }

    @Test
    void anEmptyStageShowsItsTitleAlone() {
        List<StageFrame.Text> line = titleLine(new TraceStore(), 700);
        assertEquals(1, line.size(), "title only: " + line);
        assertTrue(line.get(0).text().startsWith("Two threads"));
    }

    @Test
    void anEmptyStageHasNoAxisAndNoLegend() {
        Viewport viewport = new Viewport();
        viewport.fit(0, 1);
        StageFrame frame = new StageFrame();
        new FrameBuilder().build(frame, new TraceStore(), viewport, 1200, 600,
                new StageOptions(LONG_TITLE, false, 0, Long.MAX_VALUE, null));
        assertEquals(List.of(LONG_TITLE), frame.texts().stream().map(StageFrame.Text::text).toList());
        assertEquals(1, frame.rects(Ink.BACKGROUND).size() / 4, "the background alone");
        for (Ink ink : Ink.values()) {
            if (ink != Ink.BACKGROUND) {
                assertTrue(frame.noShapes(ink), ink + " drawn on an empty stage");
            }
        }
    }

    @Test
    void aLongTitleGivesWayToTheStatus() {
        TraceStore store = new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(200).end(io.threadstage.trace.Outcome.COMPLETED, null).store();
        List<StageFrame.Text> line = titleLine(store, 700);
        assertEquals(2, line.size(), "title and status: " + line);
        StageFrame.Text title = line.get(0);
        StageFrame.Text status = line.get(1);
        double titleRight = title.x() + StageMetrics.textWidth(title.text(), title.size());
        double statusLeft = status.x() - StageMetrics.textWidth(status.text(), status.size());
        assertTrue(titleRight <= statusLeft, "title ends at " + titleRight + ", status starts at " + statusLeft);
    }

    @Test
    void aLiveProgramWithNoThreadYetSaysItIsStarting() {
        Viewport viewport = new Viewport();
        viewport.fit(0, 1);
        StageFrame frame = new StageFrame();
        new FrameBuilder().build(frame, new TraceStore(), viewport, 1200, 600,
                new StageOptions(LONG_TITLE, false, 0, Long.MAX_VALUE, "live"));
        double line = StageMetrics.NORMAL.titleHeight();
        List<String> texts = frame.texts().stream().filter(text -> text.y() < line && text.y() > 0)
                .map(StageFrame.Text::text).toList();
        assertEquals("live  \u00b7  starting\u2026", texts.get(texts.size() - 1), texts.toString());
    }

    @Test
    void aLongCaptionIsCutAtTheEndOfAClauseThatFits() {
        String said = "CPython 3.11.7 running turns.py (pid 27281); the GIL is read from outside: each thread's state";
        assertEquals("CPython 3.11.7 running turns.py\u2026", FrameBuilder.fitClauses(said, 300, 13));
        // no clause fits: cut as any text
        String oneClause = "x".repeat(200);
        assertEquals(FrameBuilder.fit(oneClause, 300, 13), FrameBuilder.fitClauses(oneClause, 300, 13));
        assertEquals("short; enough", FrameBuilder.fitClauses("short; enough", 300, 13));
    }

    @Test
    void aDeadlocksWholeCycleWrapsToASecondBannerLineInPresentation() {
        String cycle = "MainThread waits for Left (join); Left waits for lock b held by Right; Right waits for lock a held by Left";
        TraceStore store = new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(600).end(io.threadstage.trace.Outcome.DEADLOCK, cycle).store();
        Viewport viewport = new Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        StageFrame frame = new StageFrame();
        StageLayout layout = new FrameBuilder().build(frame, store, viewport, 1380, 700,
                new StageOptions(LONG_TITLE, true, 0, Long.MAX_VALUE, null));
        List<StageFrame.Text> banner = frame.texts().stream()
                .filter(text -> text.y() > layout.bannerTop && text.y() < layout.bannerTop + layout.bannerHeight).toList();
        assertEquals(2, banner.size(), banner.toString());
        assertEquals(cycle, banner.get(0).text() + " " + banner.get(1).text(), "the whole cycle, nothing cut");
        assertTrue(banner.get(1).y() > banner.get(0).y());
        assertTrue(layout.axisTop >= banner.get(1).y() + 4, "the axis starts under the second line");
    }
}
