package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.ui.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two workers whose steps are equal records: the property sheet must follow the step the
 * teacher selected (its place), not the first step equal to it.
 */
@ExtendWith(ApplicationExtension.class)
class PropertySheetIdentityTest {

    @TempDir
    static Path home;

    private WindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new WindowFixture(home);
        MainWindow window = new MainWindow(fixture.editor, fixture.documents, fixture.runs);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static Worker worker(String name) {
        return new Worker(name, null, WorkerStyle.TARGET, "work_" + name, null, List.of(), List.of(), Map.of(), false,
                List.of(new Step.Compute(200)));
    }

    @Test
    void anEditLandsOnTheSelectedStepWhenAnotherWorkerHasAnEqualOne(FxRobot robot) {
        Scenario twins = new Scenario("Twins", null, Settings.DEFAULT, List.of(),
                List.of(worker("t1"), worker("t2")), List.of(), Map.of());
        WaitForAsyncUtils.asyncFx(() -> fixture.editor.open(twins, null));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(WindowFixture.row(robot, "$.workers[0].steps[0]"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(WindowFixture.row(robot, "$.workers[1].steps[0]"));
        WaitForAsyncUtils.waitForFxEvents();

        Label heading = robot.lookup(".properties-heading").queryAs(Label.class);
        assertTrue(heading.getText().endsWith("$.workers[1].steps[0]"), heading.getText());
        Node field = robot.lookup("#field-ms").query();
        robot.doubleClickOn(field).eraseText(10).write("300").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Scenario edited = fixture.editor.getScenario();
        assertEquals(List.of(new Step.Compute(200)), edited.workers().get(0).steps());
        assertEquals(List.of(new Step.Compute(300)), edited.workers().get(1).steps());
    }
}
