package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.ui.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Timeout(value = 90, unit = java.util.concurrent.TimeUnit.SECONDS)
class MainWindowTest {

    @TempDir
    static Path home;

    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = new WindowFixture(home);
        fixture.files.stored.put(DocumentActions.DEFAULT_LESSON, Scenario.empty("Producer and consumer")
                .withMain(List.of(new Step.Print("done"))));
        window = new MainWindow(fixture.editor, fixture.documents, fixture.runs);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void fx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tip(FxRobot robot) {
        StackPane holder = robot.lookup("#run-holder").queryAs(StackPane.class);
        Tooltip tooltip = (Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip");
        return tooltip.getText();
    }

    @Test
    void withNoFileTheDefaultLessonOpens(FxRobot robot) {
        fx(() -> window.openInitial(null));
        assertEquals("Producer and consumer", fixture.editor.getScenario().title());
        assertEquals("Producer and consumer \u2014 lesson:producer-consumer \u2014 ThreadStage", window.titleProperty().get());
    }

    @Test
    void aBadFileOnTheCommandLineLeavesTheLessonOpenAndSaysWhy(FxRobot robot) {
        fx(() -> window.openInitial("missing.json"));
        assertEquals("Producer and consumer", fixture.editor.getScenario().title());
        assertEquals(List.of("Cannot open missing.json | missing.json: no such file"), fixture.dialogs.errors);
    }

    @Test
    void aTraceGoesToTheRunsStage(FxRobot robot) {
        fx(() -> window.openInitial("run.jsonl"));
        assertEquals("opening run.jsonl", window.runStatusProperty().get());
    }

    @Test
    void runSaysWhyItIsDisabledAndRunsTheScenarioWhenItCan(FxRobot robot) {
        fx(() -> window.openInitial(null));
        Button run = robot.lookup("#run-button").queryButton();
        assertFalse(run.isDisabled());
        assertEquals("Run the scenario (F5)", tip(robot));

        fx(() -> fixture.editor.insertStep(new Step.Start("nobody"), BodyPath.main(), 0));
        assertTrue(run.isDisabled());
        assertEquals("Cannot run: 1 problem. $.main[0]: unknown worker \"nobody\"", tip(robot));
        Label status = robot.lookup("#status-problems").queryAs(Label.class);
        assertEquals("1 problem: $.main[0]: unknown worker \"nobody\"", status.getText());

        fx(() -> fixture.editor.undo());
        robot.clickOn(run);
        assertSame(fixture.editor.getScenario(), fixture.runs.runScenarioProperty().get());
        assertTrue(window.runningProperty().get());
        assertTrue(window.stageFocusProperty().get(), "the stage takes the room while running");
    }

    @Test
    void pauseAndStopFollowTheRun(FxRobot robot) {
        List<String> statuses = new ArrayList<>();
        fx(() -> {
            window.openInitial(null);
            window.runStatusProperty().addListener((obs, was, now) -> statuses.add(now));
        });
        ToggleButton pause = robot.lookup("#pause-button").queryAs(ToggleButton.class);
        assertTrue(pause.isDisabled());
        robot.clickOn("#run-button");
        robot.clickOn(pause);
        assertEquals("Resume", pause.getText());
        robot.clickOn(pause);
        robot.clickOn("#stop-button");
        assertEquals(List.of("running", "paused", "running", "stopping"), statuses.subList(0, 4));
        // no window pulse here: the test reads the run until it has ended
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (window.runningProperty().get() && System.nanoTime() < deadline) {
            fx(fixture.runs::pulse);
        }
        assertTrue(pause.isDisabled());
        assertFalse(pause.isSelected());
    }

    @Test
    void theStageSlotTakesTheStageAndPresentationModeEnlargesText(FxRobot robot) {
        Label stage = new Label("lanes");
        fx(() -> {
            window.setStageContent(stage);
            window.presentationModeProperty().set(true);
            // the style class changes now; the fonts follow at the next CSS pass, which a loaded
            // machine may not have run yet when the test reads them
            window.applyCss();
        });
        assertEquals(List.of(stage), window.stageSlot().getChildren());
        assertTrue(window.getStyleClass().contains(MainWindow.PRESENTATION_STYLE));
        Button save = robot.lookup("#save-button").queryButton();
        assertEquals(19.0, save.getFont().getSize(), 0.01);
        // Presentation gives the stage the room anyway: its Stage focus toggle has nothing to do
        ToggleButton focus = robot.lookup("#stage-focus-toggle").queryAs(ToggleButton.class);
        assertFalse(focus.isVisible());
        fx(() -> {
            window.presentationModeProperty().set(false);
            window.applyCss();
        });
        assertEquals(15.0, save.getFont().getSize(), 0.01);
        assertTrue(focus.isVisible());
    }

    @Test
    void aRecentFileKeepsItsUnderscoresAndTheLessonsItemOpensTheBrowser(FxRobot robot) {
        Path file = home.resolve("counter_lock.json");
        fixture.files.stored.put(file.toString(), Scenario.empty("Counter"));
        fx(() -> fixture.documents.open(file));
        SplitMenuButton open = robot.lookup("#open-button").queryAs(SplitMenuButton.class);
        MenuItem recent = open.getItems().get(0);
        assertEquals("counter_lock.json  \u2014  " + home.toAbsolutePath(), recent.getText());
        assertFalse(recent.isMnemonicParsing());
        assertEquals("lessons-item", open.getItems().get(open.getItems().size() - 1).getId());

        fixture.files.stored.put("lesson:gil", Scenario.empty("The GIL: CPU-bound threads do not speed up"));
        fx(window::showLessons);
        robot.clickOn("#lesson-filter").write("CPU-bound threads do not").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The GIL: CPU-bound threads do not speed up", fixture.editor.getScenario().title());
        assertTrue(robot.listTargetWindows().stream().noneMatch(w -> w instanceof Stage s
                && s.isShowing() && "Lessons from the threading chapter".equals(s.getTitle())));
    }
}
