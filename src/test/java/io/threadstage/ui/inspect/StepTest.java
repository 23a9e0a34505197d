package io.threadstage.ui.inspect;

import static io.threadstage.ui.inspect.InspectWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.editor.CodeView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step, the scheduler in the teacher's hand: while paused, each press runs one step of the held
 * thread and holds it again; the code mark moves to the step's line and the inspector follows.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StepTest {

    /** Main alternates a sleep and a print for a long while: two steps are always one print. */
    private static final String TICKS = """
            {"format": "threadstage/1", "title": "Ticks",
             "main": [{"repeat": 100000, "do": [{"sleep": 5}, {"print": "tick"}]}]}
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

    private TraceRecorder recorder() throws Exception {
        return onFx(() -> wiring.controller().recorder().orElseThrow());
    }

    private static long count(List<TraceEvent> events, Class<? extends TraceEvent> kind) {
        return events.stream().filter(kind::isInstance).count();
    }

    /** MainThread's last state is the pause's hold. */
    private static boolean held(List<TraceEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof TraceEvent.State state && state.tid() == 0) {
                return state.state() == ThreadState.WAITING && state.reason() == Reason.PAUSED;
            }
        }
        return false;
    }

    /** The line the code view marks for MainThread. */
    private int mainThreadLine() throws Exception {
        Map<Integer, List<CodeView.ThreadMark>> marks = onFx(() -> shown.window.codeView().threadMarks());
        return marks.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(mark -> mark.thread().equals("MainThread")))
                .map(Map.Entry::getKey).findFirst().orElse(-1);
    }

    /**
     * Presses Step and waits until one more step began and the thread is held again, and its
     * mark has left {@code line} (the loop's two steps stand on two lines); returns the new line.
     */
    private int stepOnce(FxRobot robot, TraceRecorder recorder, int line) throws Exception {
        long before = count(recorder.events(), TraceEvent.StepBegin.class);
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<TraceEvent> events = recorder.events();
            return held(events) && count(events, TraceEvent.StepBegin.class) == before + 1;
        });
        // the next pulse hands the new step to the code marks
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> mainThreadLine() > 0 && mainThreadLine() != line);
        assertEquals(before + 1, count(recorder.events(), TraceEvent.StepBegin.class), "one step a press");
        return mainThreadLine();
    }

    @Test
    void eachStepRunsOneStepOfTheHeldThreadAndMovesItsMark(FxRobot robot) throws Exception {
        onFx(() -> {
            shown.window.editor().open(InspectWindowStage.parse(TICKS), null);
            shown.window.pressRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().isRunning()));
        TraceRecorder recorder = recorder();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(recorder.events(), TraceEvent.Print.class) >= 2);
        robot.clickOn("#pause-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> held(recorder.events()));
        assertTrue(onFx(() -> !robot.lookup("#step-button").queryAs(Button.class).isDisabled()), "Step is offered while paused");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> mainThreadLine() > 0);
        int held = mainThreadLine();
        long printsBefore = count(recorder.events(), TraceEvent.Print.class);
        int first = stepOnce(robot, recorder, held);
        int second = stepOnce(robot, recorder, first);

        // the loop's body is a sleep and a print on two lines: two steps run each once
        assertEquals(printsBefore + 1, count(recorder.events(), TraceEvent.Print.class));
        assertNotEquals(first, second, "the mark moved to the next step's line");
        assertEquals(held, second, "two steps of the loop come back to its line");
        ThreadRow main = onFx(() -> wiring.inspection().inspector().shown()).rows().get(0);
        assertEquals("MainThread", main.name());
        assertTrue(main.alive());
        assertEquals(Reason.PAUSED, main.reason(), "the inspector shows the thread held again");

        onFx(() -> {
            wiring.controller().stop();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()));
    }
}
