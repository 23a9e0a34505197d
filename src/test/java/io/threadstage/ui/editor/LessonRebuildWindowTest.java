package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.StepPath;
import io.threadstage.model.WorkerStyle;
import io.threadstage.ui.MainWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lesson 15 built in the window from an empty scenario, by hand: workers dragged from the
 * palette, steps dragged into worker bodies and into the consumer loop, main's steps and the
 * resource added from the keyboard, every field typed into the property sheet. The result must
 * equal the library's file, loaded.
 */
@ExtendWith(ApplicationExtension.class)
class LessonRebuildWindowTest {

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

    @Test
    void producerConsumerRebuiltByHandEqualsTheLibrarysFile(FxRobot robot) throws Exception {
        Scenario target = new LibraryScenarioFiles().load("lesson:producer-consumer");
        new Rebuild(fixture.editor, new RobotHands(robot), target).run();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Rebuild.withoutExtensions(target), fixture.editor.getScenario());
        assertEquals(List.of(), fixture.editor.problemsProperty().get());
    }

    /** A teacher's hands: drags and keys on the window, never the view model. */
    private static final class RobotHands implements Rebuild.Hands {

        private final FxRobot robot;

        RobotHands(FxRobot robot) {
            this.robot = robot;
        }

        @Override
        public void addResource(String kind) {
            press(WindowFixture.tile(robot, Tile.Kind.RESOURCE, kind));
        }

        @Override
        public void addWorker(WorkerStyle style) {
            drag(WindowFixture.tile(robot, Tile.Kind.WORKER, style.json()), WindowFixture.row(robot, "$.workers"));
        }

        @Override
        public void appendStep(String tileId, BodyPath body) {
            if (body.isMain()) {
                robot.clickOn(WindowFixture.row(robot, "$.main"), Motion.DIRECT);
                press(WindowFixture.tile(robot, Tile.Kind.STEP, tileId));
                return;
            }
            String row = body.owner().map(StepPath::toString).orElse("$.workers[" + body.worker() + "]");
            drag(WindowFixture.tile(robot, Tile.Kind.STEP, tileId), WindowFixture.row(robot, row));
        }

        @Override
        public void select(Selection selection) {
            String path = selection instanceof Selection.Scenario ? "$.resources" : selection.path();
            robot.clickOn(WindowFixture.row(robot, path), Motion.DIRECT);
        }

        @Override
        public void setField(EditorField field, String text) {
            String id = "field-" + field.key();
            Node editor = robot.lookup((Node node) -> id.equals(node.getId())).query();
            if (editor instanceof CheckBox box) {
                robot.clickOn(box, Motion.DIRECT);
            } else if (editor instanceof ComboBox<?> combo && combo.isEditable()) {
                type(combo.getEditor(), text);
            } else if (editor instanceof ComboBox<?> combo) {
                robot.clickOn(combo, Motion.DIRECT);
                robot.clickOn((Node cell) -> cell.getStyleClass().contains("list-cell")
                        && cell instanceof javafx.scene.control.ListCell<?> listCell && text.equals(listCell.getText()));
            } else {
                type((TextField) editor, text);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }

        private void type(TextField field, String text) {
            robot.clickOn(field, Motion.DIRECT);
            robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            if (text.isEmpty()) {
                robot.type(KeyCode.BACK_SPACE);
            } else if (text.length() > 16) {
                // long captions arrive as if pasted: typing them key by key adds only minutes
                WaitForAsyncUtils.asyncFx(() -> field.replaceSelection(text));
                WaitForAsyncUtils.waitForFxEvents();
            } else {
                robot.write(text);
            }
            robot.type(KeyCode.ENTER);
        }

        private void press(Node tile) {
            WaitForAsyncUtils.asyncFx(tile::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }

        private void drag(Node from, Node to) {
            Bounds box = WindowFixture.screenBounds(to);
            robot.moveTo(from, Motion.DIRECT);
            robot.press(MouseButton.PRIMARY);
            // a few steps, so the drag is detected on the tile before the pointer reaches the row
            Bounds start = WindowFixture.screenBounds(from);
            robot.moveTo(new Point2D(start.getCenterX() + 12, start.getCenterY() + 6), Motion.DIRECT);
            robot.moveTo(new Point2D(box.getMinX() + 60, box.getCenterY() + 1), Motion.DIRECT);
            robot.moveTo(new Point2D(box.getMinX() + 80, box.getCenterY()), Motion.DIRECT);
            robot.release(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
