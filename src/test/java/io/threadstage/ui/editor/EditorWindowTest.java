package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.ui.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {

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

    private void open(Scenario scenario) {
        WaitForAsyncUtils.asyncFx(() -> fixture.editor.open(scenario, null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Scenario scenario() {
        return fixture.editor.getScenario();
    }

    private static Worker worker(String name, List<Step> steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false, steps);
    }

    private static Scenario with(List<Resource> resources, List<Worker> workers, List<Step> main) {
        return new Scenario("Test", null, Settings.DEFAULT, resources, workers, main, Map.of());
    }

    private static void drag(FxRobot robot, Node from, Node to, Pos where, double dy) {
        javafx.geometry.Bounds box = WindowFixture.screenBounds(to);
        double y = where == Pos.TOP_CENTER ? box.getMinY() : where == Pos.BOTTOM_CENTER ? box.getMaxY() : box.getCenterY();
        robot.drag(from, MouseButton.PRIMARY);
        robot.moveTo(new Point2D(box.getMinX() + 60, y + dy));
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggingAPutTileIntoAWorkerAppendsItToTheWorkersBody(FxRobot robot) {
        open(with(List.of(new Resource.Queue("jobs", 2)),
                List.of(worker("Producer", List.of(new Step.Compute(100)))), List.of()));
        drag(robot, WindowFixture.tile(robot, Tile.Kind.STEP, "put"), WindowFixture.row(robot, "$.workers[0]"),
                Pos.CENTER, 0);
        assertEquals(List.of(new Step.Compute(100), new Step.Put("jobs", Value.of("item"), null)),
                scenario().workers().get(0).steps());
        assertEquals("$.workers[0].steps[1]", fixture.editor.getSelection().path());
    }

    @Test
    void draggingATileIntoAWithBlockPutsItInsideTheBlock(FxRobot robot) {
        open(with(List.of(new Resource.Lock("guard"), new Resource.Counter("hits", 0)),
                List.of(worker("W", List.of(new Step.With("guard", List.of())))), List.of()));
        drag(robot, WindowFixture.tile(robot, Tile.Kind.STEP, "increment"),
                WindowFixture.row(robot, "$.workers[0].steps[0]"), Pos.CENTER, 0);
        assertEquals(List.of(new Step.With("guard", List.of(new Step.Increment("hits", 1)))),
                scenario().workers().get(0).steps());
        // and above the first step inside the block
        drag(robot, WindowFixture.tile(robot, Tile.Kind.STEP, "print"),
                WindowFixture.row(robot, "$.workers[0].steps[0].do[0]"), Pos.TOP_CENTER, 3);
        assertEquals(List.of(new Step.With("guard", List.of(new Step.Print("hello from {thread}"),
                new Step.Increment("hits", 1)))), scenario().workers().get(0).steps());
    }

    @Test
    void draggingStepRowsReordersThem(FxRobot robot) {
        open(with(List.of(), List.of(), List.of(new Step.Compute(1), new Step.Sleep(2), new Step.Print("three"))));
        drag(robot, WindowFixture.row(robot, "$.main[2]"), WindowFixture.row(robot, "$.main[0]"), Pos.TOP_CENTER, 3);
        assertEquals(List.of(new Step.Print("three"), new Step.Compute(1), new Step.Sleep(2)), scenario().main());
        drag(robot, WindowFixture.row(robot, "$.main[0]"), WindowFixture.row(robot, "$.main[2]"), Pos.BOTTOM_CENTER, -3);
        assertEquals(List.of(new Step.Compute(1), new Step.Sleep(2), new Step.Print("three")), scenario().main());
    }

    @Test
    void aDragRestingAtTheOutlinesBottomEdgeScrollsItToTheLastStep(FxRobot robot) {
        List<Step> prints = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            prints.add(new Step.Print("line " + i));
        }
        open(with(List.of(), List.of(), prints));
        OutlineView outline = robot.lookup("#outline").queryAs(OutlineView.class);
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#outline .virtual-flow").queryAs(
                javafx.scene.control.skin.VirtualFlow.class);
        int lastRow = outline.getExpandedItemCount() - 1;
        assertTrue(flow.getLastVisibleCell().getIndex() < lastRow - 20, "the last steps start out of sight");
        javafx.geometry.Bounds box = WindowFixture.screenBounds(outline);
        robot.drag(WindowFixture.tile(robot, Tile.Kind.STEP, "print"), MouseButton.PRIMARY);
        robot.moveTo(new Point2D(box.getMinX() + 60, box.getCenterY()));
        // resting a few pixels above the bottom edge: the pointer stays put, the outline moves
        robot.moveTo(new Point2D(box.getMinX() + 60, box.getMaxY() - 4));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            // about 2 s at 60 pulses a second; a loaded machine pulses less often
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> flow.getPosition() >= 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the outline did not scroll to its end: it shows up to row "
                    + flow.getLastVisibleCell().getIndex() + " of " + lastRow);
        }
        assertEquals(lastRow, flow.getLastVisibleCell().getIndex());
        // onto the lower half of the last step, now in sight
        javafx.geometry.Bounds last = WindowFixture.screenBounds(flow.getLastVisibleCell());
        robot.moveTo(new Point2D(box.getMinX() + 60, last.getMaxY() - 3));
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(81, scenario().main().size());
        assertEquals(new Step.Print("hello from {thread}"), scenario().main().get(80), "dropped after the last step");
        assertTrue(!outline.isEdgeScrolling(), "the scrolling stops with the drag");
    }

    @Test
    void draggingWorkerAndResourceTilesAddsThem(FxRobot robot) {
        open(Scenario.empty("Empty"));
        drag(robot, WindowFixture.tile(robot, Tile.Kind.WORKER, "subclass"), WindowFixture.row(robot, "$.workers"),
                Pos.CENTER, 0);
        drag(robot, WindowFixture.tile(robot, Tile.Kind.RESOURCE, "event"), WindowFixture.row(robot, "$.resources"),
                Pos.CENTER, 0);
        assertEquals(WorkerStyle.SUBCLASS, scenario().workers().get(0).style());
        assertEquals(List.of(new Resource.Event("event")), scenario().resources());
    }

    @Test
    void keyboardInsertsMovesAndDeletesWithoutDragging(FxRobot robot) {
        open(with(List.of(), List.of(worker("W", List.of())), List.of()));
        robot.clickOn(WindowFixture.row(robot, "$.workers[0]"));
        Node compute = WindowFixture.tile(robot, Tile.Kind.STEP, "compute");
        WaitForAsyncUtils.asyncFx(compute::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        Node sleep = WindowFixture.tile(robot, Tile.Kind.STEP, "sleep");
        WaitForAsyncUtils.asyncFx(sleep::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        assertEquals(List.of(new Step.Compute(200), new Step.Sleep(100)), scenario().workers().get(0).steps());
        robot.clickOn(WindowFixture.row(robot, "$.workers[0].steps[1]"));
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Sleep(100), new Step.Compute(200)), scenario().workers().get(0).steps());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Compute(200)), scenario().workers().get(0).steps());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Sleep(100), new Step.Compute(200)), scenario().workers().get(0).steps());
    }

    @Test
    void altRightAndAltLeftMoveAStepIntoAndOutOfTheBlockAbove(FxRobot robot) {
        open(with(List.of(), List.of(), List.of(new Step.Repeat(3, List.of(new Step.Compute(1))), new Step.Sleep(2))));
        robot.clickOn(WindowFixture.row(robot, "$.main[1]"));
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Repeat(3, List.of(new Step.Compute(1), new Step.Sleep(2)))), scenario().main());
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Repeat(3, List.of(new Step.Compute(1))), new Step.Sleep(2)), scenario().main());
    }

    @Test
    void typingAnInvalidNumberMarksTheFieldAndKeepsTheModel(FxRobot robot) {
        open(with(List.of(), List.of(), List.of(new Step.Sleep(100))));
        robot.clickOn(WindowFixture.row(robot, "$.main[0]"));
        Node field = robot.lookup("#field-ms").query();
        robot.doubleClickOn(field).eraseText(3).write("soon");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        robot.write("").type(KeyCode.ENTER);
        assertEquals(List.of(new Step.Sleep(100)), scenario().main());
        robot.doubleClickOn(field).eraseText(10).write("250").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Step.Sleep(250)), scenario().main());
    }
}
