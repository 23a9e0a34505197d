package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code view's thread marks: a line holding many threads names a few and counts the rest,
 * and a frame that changes nothing on a line leaves its tags as they were (a run of 1,000
 * threads rebuilt every cell each frame and held the window at two frames a second).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeViewMarksTest {

    private final EditorViewModel editor = new EditorViewModel();
    private CodeView code;

    @Start
    void start(Stage stage) {
        editor.open(Scenario.empty("Marks").withMain(List.of(new Step.Print("a"), new Step.Print("b"))), null);
        code = new CodeView(editor);
        stage.setScene(new Scene(code, 900, 400));
        stage.show();
    }

    private static List<CodeView.ThreadMark> threads(int from, int count) {
        List<CodeView.ThreadMark> marks = new ArrayList<>();
        for (int tid = from; tid < from + count; tid++) {
            marks.add(new CodeView.ThreadMark(tid, "T" + tid));
        }
        return marks;
    }

    private List<Label> tagsOn(FxRobot robot, int line) {
        return robot.lookup(".code-line").queryAll().stream()
                .filter(cell -> cell instanceof javafx.scene.control.ListCell<?> listCell
                        && listCell.getItem() instanceof CodeView.Line shown && shown.number() == line)
                .findFirst().map(cell -> cell.lookupAll(".thread-mark").stream().map(Label.class::cast).toList())
                .orElseThrow();
    }

    private void marks(Map<Integer, List<CodeView.ThreadMark>> marks) {
        WaitForAsyncUtils.asyncFx(() -> code.setThreadMarks(marks));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCrowdedLineNamesFourThreadsAndCountsTheRest(FxRobot robot) {
        marks(Map.of(1, threads(0, 1000)));
        assertEquals(List.of("T0", "T1", "T2", "T3", "+996"), tagsOn(robot, 1).stream().map(Label::getText).toList());
    }

    @Test
    void aFrameThatMovesOtherThreadsKeepsThisLinesTags(FxRobot robot) {
        marks(Map.of(1, threads(0, 2), 2, threads(2, 1)));
        List<Label> before = tagsOn(robot, 1);
        marks(Map.of(1, threads(0, 2), 2, threads(3, 1)));
        List<Label> after = tagsOn(robot, 1);
        assertEquals(2, after.size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "tag " + i + " of line 1 was rebuilt");
        }
        assertEquals(List.of("T3"), tagsOn(robot, 2).stream().map(Label::getText).toList());
        List<Node> cleared = new ArrayList<>();
        marks(Map.of());
        cleared.addAll(tagsOn(robot, 1));
        assertEquals(List.of(), cleared);
    }
}
