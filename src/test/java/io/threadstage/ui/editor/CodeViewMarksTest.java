package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

    private List<String> tagsOn(int line) {
        return onFx(() -> code.shownTags().getOrDefault(line, List.of()));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private TagStrip stripOn(FxRobot robot, int line) {
        return robot.lookup(".code-line").queryAll().stream()
                .filter(cell -> cell instanceof javafx.scene.control.ListCell<?> listCell
                        && listCell.getItem() instanceof CodeView.Line shown && shown.number() == line)
                .findFirst().map(cell -> (TagStrip) cell.lookup(".thread-marks")).orElseThrow();
    }

    private void marks(Map<Integer, List<CodeView.ThreadMark>> marks) {
        WaitForAsyncUtils.asyncFx(() -> code.setThreadMarks(marks));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCrowdedLineNamesFourThreadsAndCountsTheRest() {
        marks(Map.of(1, threads(0, 1000)));
        assertEquals(List.of("T0", "T1", "T2", "T3", "+996"), tagsOn(1));
    }

    @Test
    void aFrameThatMovesOtherThreadsLeavesThisLineAlone(FxRobot robot) {
        marks(Map.of(1, threads(0, 2), 2, threads(2, 1)));
        TagStrip before = stripOn(robot, 1);
        long drawn = before.draws();
        marks(Map.of(1, threads(0, 2), 2, threads(3, 1)));
        assertSame(before, stripOn(robot, 1));
        assertEquals(drawn, before.draws(), "line 1's tags were drawn again though its threads stayed");
        assertEquals(List.of("T0", "T1"), tagsOn(1));
        assertEquals(List.of("T3"), tagsOn(2));
        marks(Map.of());
        assertEquals(Map.of(), onFx(code::shownTags));
    }

    /**
     * Threads moving between lines change only drawn tags and bars: no line is laid out again.
     * A tag or bar that changed its colour class was styled again and laid its line out, and the
     * list then laid out and restyled every visible line (most of a pulse with 1,000 threads).
     */
    @Test
    void threadsMovingBetweenLinesLayNoLineOutAgain(FxRobot robot) {
        marks(Map.of(1, threads(0, 2), 2, threads(2, 1)));
        List<String> laidOut = new ArrayList<>();
        onFx(() -> {
            // every line laid out first, so any request after this one is seen
            code.applyCss();
            code.layout();
            var cells = robot.lookup(".code-line").queryAll();
            cells.forEach(cell ->
                    ((javafx.scene.Parent) cell).needsLayoutProperty().addListener((obs, was, now) -> {
                        if (now) {
                            laidOut.add(String.valueOf(((javafx.scene.control.ListCell<?>) cell).getItem()));
                        }
                    }));
            return cells.size();
        });
        marksLaidOut(Map.of(1, threads(5, 7), 2, threads(1, 1)));
        assertEquals(List.of("T5", "T6", "T7", "T8", "+3"), tagsOn(1));
        marksLaidOut(Map.of(2, threads(3, 3)));
        assertEquals(List.of("T3", "T4", "T5"), tagsOn(2));
        marksLaidOut(Map.of(1, threads(9, 1), 2, threads(10, 1)));
        assertEquals(List.of("T9"), tagsOn(1));
        assertEquals(List.of("T10"), tagsOn(2));
        assertEquals(List.of(), laidOut);
    }

    /** New marks, then the view laid out at once, as the next pulse would. */
    private void marksLaidOut(Map<Integer, List<CodeView.ThreadMark>> marks) {
        onFx(() -> {
            code.setThreadMarks(marks);
            code.applyCss();
            code.layout();
            return null;
        });
    }
}
