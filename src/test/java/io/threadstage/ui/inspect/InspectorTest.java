package io.threadstage.ui.inspect;

import static io.threadstage.ui.inspect.InspectWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.RunWiring;
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

/** The thread inspector: the chapter's Thread-properties table, live during a run and at a replay's instant. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InspectorTest {

    /** Main starts a sleeper and joins it; Stop ends it. */
    private static final String SLEEPER = """
            {"format": "threadstage/1", "title": "Sleeper",
             "workers": [{"name": "Sleeper", "style": "target", "function": "doze",
                          "steps": [{"sleep": 60000}]}],
             "main": [{"start": "Sleeper"}, {"join": "Sleeper"}]}
            """;

    @TempDir
    static Path home;

    private RunWiring wiring;
    private InspectWindowStage shown;

    @Start
    void start(Stage stage) {
        shown = new InspectWindowStage(stage, home);
        wiring = shown.wiring;
    }

    private ThreadInspector inspector() {
        return wiring.inspection().inspector();
    }

    private static ThreadRow row(ThreadTable table, String name) {
        return table.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void followsTheLiveRunAndItsEnd(FxRobot robot) throws Exception {
        onFx(() -> {
            shown.window.editor().open(InspectWindowStage.parse(SLEEPER), null);
            shown.window.pressRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            ThreadTable table = inspector().shown();
            return table.rows().size() == 2 && table.rows().get(1).reason() == io.threadstage.trace.Reason.SLEEP
                    && table.rows().get(0).reason() == io.threadstage.trace.Reason.JOIN;
        }));
        ThreadTable live = onFx(() -> inspector().shown());
        ThreadRow main = row(live, "MainThread");
        ThreadRow sleeper = row(live, "Sleeper");
        assertTrue(main.alive());
        assertTrue(sleeper.alive());
        assertNotNull(sleeper.ident(), "a started thread has its ident");
        assertNotNull(sleeper.nativeId(), "and its native_id");
        assertEquals("waiting: sleep", ThreadRowText.state(sleeper));
        assertTrue(ThreadRowText.state(main).startsWith("waiting: join"), ThreadRowText.state(main));
        assertEquals(2, live.activeCount());
        String summary = onFx(() -> inspector().summaryText());
        assertTrue(summary.startsWith("main_thread(): MainThread (ident " + main.ident() + ")"), summary);
        assertTrue(summary.contains("active_count(): 2"), summary);
        assertEquals(2, onFx(() -> inspector().table().getItems().size()), "a row per thread on screen");
        assertTrue(onFx(() -> wiring.inspection().scrubBar().isDisabled()), "no scrubbing while the run goes on");

        robot.clickOn("#stop-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && inspector().shown().activeCount() == 0));
        ThreadTable ended = onFx(() -> inspector().shown());
        assertFalse(row(ended, "Sleeper").alive(), "after Stop no thread is alive");
        assertEquals(io.threadstage.trace.ThreadState.TERMINATED, row(ended, "Sleeper").state());
        assertEquals(row(live, "Sleeper").ident(), row(ended, "Sleeper").ident(), "ident stays after the end");
    }

    @Test
    void showsWhoHoldsAndWhoWaitsAtAReplaysInstant() throws Exception {
        shown.runToEnd(new ScenarioLoader().load("lesson:deadlock"));
        TraceStore store = onFx(() -> wiring.stage().store());
        // a moment before the end, where the run is stopped: each holds one lock and waits for the other
        double before = (store.endNanos() - store.startNanos() - 5_000_000L) / 1e9;
        onFx(() -> {
            wiring.inspection().scrubBar().slider().setValue(before);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ThreadTable table = onFx(() -> inspector().shown());
        assertEquals("waiting: lock b (held by Right)", ThreadRowText.state(row(table, "Left")));
        assertEquals("waiting: lock a (held by Left)", ThreadRowText.state(row(table, "Right")));
        assertEquals(List.of("a"), row(table, "Left").holds());
        assertEquals(List.of("b"), row(table, "Right").holds());
        assertEquals(3, table.activeCount(), "main joins, the two wait: all alive");
    }

    @Test
    void theThreadsToggleHidesAndShowsTheInspector(FxRobot robot) throws Exception {
        assertTrue(onFx(() -> inspector().isVisible()), "shown by default");
        robot.clickOn("#inspector-toggle");
        assertFalse(onFx(() -> inspector().isVisible()));
        assertFalse(onFx(() -> inspector().isManaged()), "hidden, it leaves its room to the console");
        robot.clickOn("#inspector-toggle");
        assertTrue(onFx(() -> inspector().isVisible()));
    }
}
