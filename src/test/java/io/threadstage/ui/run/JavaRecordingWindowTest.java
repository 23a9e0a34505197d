package io.threadstage.ui.run;

import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.jfr.JavaRecordingSession;
import io.threadstage.jfr.programs.LiveTicker;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The real window recording a Java program through Trace > Record Java Program...: its lanes grow
 * while it runs, Pause holds the JVM, Stop ends it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JavaRecordingWindowTest {

    @TempDir
    static Path home;
    @TempDir
    Path folder;

    private MainWindow window;
    private RunWiring wiring;

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    @Test
    void aJavaProgramRecordedFromTheMenuGrowsLanesLiveAndStopEndsIt(FxRobot robot) throws Exception {
        String command = "java -Xmx64m -cp \"" + System.getProperty("java.class.path") + "\" "
                + LiveTicker.class.getName() + " \"" + folder.resolve("never") + "\"";
        robot.clickOn("#" + RunMenus.TRACE_ID);
        robot.clickOn("Record Java Program\u2026");
        TextField typed = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        onFx(() -> {
            // the class path is long: set, not typed key by key
            typed.setText(command);
            typed.requestFocus();
            return null;
        });
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> wiring.stage().store().lanes().stream()
                .map(TraceStore.Lane::name).toList().containsAll(List.of("main", "Sleeper", "Keeper", "Grabber"))));
        JavaRecordingSession session = onFx(() -> (JavaRecordingSession) wiring.controller().liveRun().orElseThrow());
        assertFalse(session.isFinished(), "the lanes are there while the program runs");
        assertEquals("main", onFx(() -> wiring.stage().store().lanes().get(0).name()));
        Label title = robot.lookup("#code-title").queryAs(Label.class);
        assertTrue(title.isVisible());
        assertTrue(title.getText().startsWith("Java program"), title.getText());

        robot.clickOn("#pause-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, session::isPaused);
        assertEquals('T', PythonProgramRunTest.processState(session.pid()), "the JVM is held");
        assertTrue(robot.lookup("#step-button").queryAs(Button.class).isDisabled(), "a process cannot be stepped");

        long pid = session.pid();
        robot.clickOn("#stop-button");
        // from the click's handling on: the robot's own motion to the button is no part of Stop
        long asked = System.nanoTime();
        assertTrue(session.awaitEnd(Duration.ofSeconds(2)), "the recording ended soon after Stop");
        long tookMillis = (System.nanoTime() - asked) / 1_000_000;
        System.out.println("Stop of a paused Java program: ended " + tookMillis + " ms after the click");
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "its process is gone");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !window.runningProperty().get()));
        assertEquals("stopped", robot.lookup("#status-run").queryAs(Label.class).getText());

        // Run records the program again, not the scenario the editor holds behind it
        assertEquals("Record the Java program again: " + command + " (F5)", RunWindowStage.runTip(robot));
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().liveRun()
                .map(again -> again != session && again instanceof JavaRecordingSession).orElse(false)));
        assertEquals(null, onFx(() -> wiring.controller().runScenarioProperty().get()), "no scenario ran");
        robot.clickOn("#stop-button");
        JavaRecordingSession again = onFx(() -> (JavaRecordingSession) wiring.controller().liveRun().orElseThrow());
        assertTrue(again.awaitEnd(Duration.ofSeconds(5)), "the second recording ended after Stop");
    }
}
