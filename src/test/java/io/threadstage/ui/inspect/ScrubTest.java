package io.threadstage.ui.inspect;

import static io.threadstage.ui.inspect.InspectWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.stage.StageMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The time slider: play, pause and scrub a finished run; the console and the inspector follow the replay's time. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScrubTest {

    private static final long SECOND = 1_000_000_000L;

    /** One line early, one after two seconds: the console of 1.0 s holds the first only. */
    private static final String TWO_LINES = """
            {"format": "threadstage/1", "title": "Two lines",
             "main": [{"print": "early"}, {"sleep": 2000}, {"print": "late"}]}
            """;

    @TempDir
    static Path home;

    private MainWindow window;
    private RunWiring wiring;
    private InspectWindowStage shown;

    @Start
    void start(Stage stage) {
        shown = new InspectWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    private long elapsed() {
        TraceStore store = wiring.stage().store();
        return Math.min(wiring.stage().presentNanos(), store.endNanos()) - store.startNanos();
    }

    private List<String> console() {
        return wiring.console().texts();
    }

    @Test
    void replayShowsTheConsoleOfItsTimeNotItsEnd() throws Exception {
        shown.runToEnd(InspectWindowStage.parse(TWO_LINES));
        assertEquals(List.of("early", "late"), onFx(this::console), "the finished run's console is whole");

        onFx(() -> {
            wiring.replay(0.25);
            return null;
        });
        // at 0.25x, 1.0 s to 1.5 s of the run lasts two seconds of the wall clock: wide enough for a loaded machine
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> elapsed() >= SECOND));
        Object[] seen = onFx(() -> new Object[] {elapsed(), console(), wiring.stage().replaying()});
        assertTrue((Boolean) seen[2], "still replaying");
        assertTrue((Long) seen[0] < 2 * SECOND, "read before the late line: " + seen[0]);
        assertEquals(List.of("early"), seen[1], "at " + seen[0] + " ns of the replay");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !wiring.stage().replaying()));
        assertEquals(List.of("early", "late"), onFx(this::console), "the replay's end shows the whole console");
    }

    @Test
    void pauseHoldsTheReplayAndPlayGoesOnFromThere(FxRobot robot) throws Exception {
        shown.runToEnd(InspectWindowStage.parse(TWO_LINES));
        assertFalse(onFx(() -> wiring.inspection().scrubBar().isDisabled()), "a finished run can be scrubbed");

        robot.clickOn("#scrub-play");
        assertTrue(onFx(() -> wiring.stage().mode() instanceof StageMode.Replay), "Play replays the finished run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> elapsed() > SECOND / 10));
        robot.clickOn("#scrub-play");
        assertTrue(onFx(() -> wiring.stage().mode() instanceof StageMode.Still), "Pause holds it");
        long held = onFx(this::elapsed);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(held, onFx(this::elapsed), "a paused replay stands still");
        assertEquals("Play", onFx(() -> wiring.inspection().scrubBar().playButton().getText()));

        robot.clickOn("#scrub-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> elapsed() > held));
        assertTrue(onFx(() -> elapsed() < held + SECOND), "Play goes on from the paused instant, not the start");
    }

    @Test
    void scrubbingMovesTheStageTheConsoleAndTheInspectorBothWays() throws Exception {
        shown.runToEnd(InspectWindowStage.parse(TWO_LINES));

        onFx(() -> {
            wiring.inspection().scrubBar().slider().setValue(1.0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> wiring.stage().mode() instanceof StageMode.Still), "a scrubbed instant holds still");
        assertEquals(List.of("early"), onFx(this::console));
        onFx(() -> {
            wiring.inspection().scrubBar().slider().setValue(wiring.inspection().scrubBar().slider().getMax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("early", "late"), onFx(this::console), "the end's console is whole");

        onFx(() -> {
            wiring.inspection().scrubBar().slider().setValue(0.5);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SECOND / 2, onFx(this::elapsed), 1_000_000L);
        assertEquals(List.of("early"), onFx(this::console), "back in time, the late line is not written yet");
        assertTrue(onFx(() -> wiring.inspection().scrubBar().timeText()).startsWith("0.50 s / "));
        ThreadTable table = onFx(() -> wiring.inspection().inspector().shown());
        TraceStore store = onFx(() -> wiring.stage().store());
        assertEquals(ThreadTable.at(store, store.startNanos() + SECOND / 2).rows(), table.rows(),
                "the inspector shows the scrubbed instant");
        assertEquals("waiting: sleep", onFx(() -> ThreadRowText.state(table.rows().get(0))));
        java.util.Map<Integer, List<io.threadstage.ui.editor.CodeView.ThreadMark>> marks =
                onFx(() -> window.codeView().threadMarks());
        assertEquals(1, marks.size(), "the code marks the line MainThread sleeps on: " + marks);
        assertEquals("MainThread", marks.values().iterator().next().get(0).thread());
        String sleepLine = onFx(() -> window.codeView().getItems().get(marks.keySet().iterator().next() - 1).text());
        assertTrue(sleepLine.contains("sleep("), sleepLine);
    }
}
