package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.ViewSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A narrow code pane with a big font wraps long lines; the thread tags on such a line stay whole
 * and inside the pane (they ran past its right edge, cut by the cell).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeViewWrappedTagsTest {

    private static final String LONG = "the downloader fetched every page of the site and now writes them all to disk";

    private final EditorViewModel editor = new EditorViewModel();
    private CodeView code;

    @Start
    void start(Stage stage) {
        editor.open(Scenario.empty("Wrapped").withMain(List.of(new Step.Print(LONG), new Step.Print("short"))), null);
        code = new CodeView(editor);
        code.setStyle(ViewSettings.fontStyle(24));
        Scene scene = new Scene(code, 420, 500);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private int lineOf(String text) {
        List<String> lines = editor.pythonProperty().get().text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + text);
    }

    private ListCell<?> cellOf(FxRobot robot, int line) {
        return robot.lookup(".code-line").queryAll().stream()
                .filter(cell -> cell instanceof ListCell<?> listCell && listCell.getItem() instanceof CodeView.Line shown
                        && shown.number() == line)
                .map(cell -> (ListCell<?>) cell).findFirst().orElseThrow();
    }

    @Test
    void tagsOnAWrappedLineStayWholeInsideThePane(FxRobot robot) {
        int line = lineOf("downloader fetched");
        WaitForAsyncUtils.asyncFx(() -> code.setThreadMarks(Map.of(line, List.of(
                new CodeView.ThreadMark(1, "Downloader"), new CodeView.ThreadMark(2, "Writer-2"),
                new CodeView.ThreadMark(3, "MainThread")))));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tagsShown(robot, line) == 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the tags never showed", e);
        }
        // the tags' place follows their measured width: one more layout pass after they appear
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = cellOf(robot, line);
        Node text = cell.lookup(".code-text");
        assertTrue(text.getLayoutBounds().getHeight() > 2 * 24, "the line wraps: " + text.getLayoutBounds());
        Bounds pane = code.localToScene(code.getLayoutBounds());
        Bounds cellBounds = cell.localToScene(cell.getLayoutBounds());
        TagStrip strip = stripOf(cell);
        assertEquals(List.of("Downloader", "Writer-2", "MainThread"), strip.texts());
        List<Bounds> tags = strip.tagBounds();
        for (int i = 0; i < tags.size(); i++) {
            Bounds b = strip.localToScene(tags.get(i));
            String where = strip.texts().get(i) + " at " + b + " in pane " + pane + ", cell " + cellBounds;
            assertTrue(b.getMinX() >= strip.localToScene(strip.getLayoutBounds()).getMinX()
                    && b.getMaxX() <= strip.localToScene(strip.getLayoutBounds()).getMaxX(), "whole, inside its strip: " + where);
            assertTrue(b.getMinX() >= pane.getMinX() && b.getMaxX() <= pane.getMaxX() - 14, "inside the pane, clear of the scroll bar: " + where);
            assertTrue(b.getMinY() >= cellBounds.getMinY() && b.getMaxY() <= cellBounds.getMaxY(), "inside its line: " + where);
        }
        assertTrue(tags.get(0).getMinY() < tags.get(2).getMinY(), "a narrow pane wraps the tags to rows: " + tags);
    }

    /**
     * The tags line {@code line} shows, read on the FX thread: read from the test's thread, the
     * list's cells could change under the lookup (an index out of bounds, once, in a full build).
     */
    private int tagsShown(FxRobot robot, int line) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stripOf(cellOf(robot, line)).texts().size()).get(10, TimeUnit.SECONDS);
    }

    private static TagStrip stripOf(ListCell<?> cell) {
        return (TagStrip) cell.lookup(".thread-marks");
    }

    @Test
    void aShortLinesTagsStayBesideItsCode(FxRobot robot) throws Exception {
        int line = lineOf("short");
        WaitForAsyncUtils.asyncFx(() -> code.setThreadMarks(Map.of(line, List.of(new CodeView.ThreadMark(0, "MainThread")))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tagsShown(robot, line) == 1);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = cellOf(robot, line);
        Bounds text = cell.lookup(".code-text").localToScene(cell.lookup(".code-text").getLayoutBounds());
        TagStrip strip = stripOf(cell);
        Bounds tag = strip.localToScene(strip.tagBounds().get(0));
        assertTrue(tag.getMinX() >= text.getMaxX() && tag.getMinY() < text.getMaxY(), "beside: " + tag + " after " + text);
    }
}
