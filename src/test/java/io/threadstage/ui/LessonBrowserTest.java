package io.threadstage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.LessonLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LessonBrowserTest {

    private static final List<LessonLibrary.Entry> LESSONS = List.of(
            new LessonLibrary.Entry("target", "A thread from a function", "Four ways to create a thread",
                    "Thread(target=...) runs a function."),
            new LessonLibrary.Entry("subclass", "A Thread subclass", "Four ways to create a thread",
                    "Override run()."),
            new LessonLibrary.Entry("daemon", "Daemon threads", "Configuring threads",
                    "The interpreter does not wait for a daemon at exit."),
            new LessonLibrary.Entry("gil", "The GIL in action", "The GIL and its pitfalls",
                    "Two counters take turns on one interpreter lock."));

    private final List<String> opened = new ArrayList<>();
    private LessonBrowser browser;

    @Start
    void start(Stage stage) {
        browser = new LessonBrowser(LESSONS, entry -> opened.add(entry.id()));
        stage.setScene(new Scene(browser, 900, 600));
        stage.show();
    }

    private static List<String> rows(FxRobot robot) {
        ListView<?> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        List<String> rows = new ArrayList<>();
        for (Object row : list.getItems()) {
            rows.add(row instanceof LessonBrowser.Heading heading ? "## " + heading.section()
                    : ((LessonBrowser.Lesson) row).entry().id());
        }
        return rows;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void lessonsAreListedUnderTheirSectionsAndTheFirstIsPreviewed(FxRobot robot) {
        assertEquals(List.of("## Four ways to create a thread", "target", "subclass",
                "## Configuring threads", "daemon", "## The GIL and its pitfalls", "gil"), rows(robot));
        assertEquals("A thread from a function", text(robot, "#lesson-preview-title"));
        assertEquals("Thread(target=...) runs a function.", text(robot, "#lesson-preview-caption"));
    }

    @Test
    void typingFiltersByTitleOrCaptionAndKeepsTheSectionHeading(FxRobot robot) {
        robot.clickOn("#lesson-filter").write("interpreter");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("## Configuring threads", "daemon", "## The GIL and its pitfalls", "gil"), rows(robot));
        assertEquals("Daemon threads", text(robot, "#lesson-preview-title"));

        robot.write("xyz");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), rows(robot));
        assertEquals("No lesson matches", text(robot, "#lesson-preview-title"));
        assertTrue(robot.lookup("#lesson-open").queryAs(Button.class).isDisabled());
    }

    @Test
    void enterInTheFilterOpensTheFirstMatch(FxRobot robot) {
        robot.clickOn("#lesson-filter").write("subclass").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("subclass"), opened);
    }

    @Test
    void aHeadingCannotBeChosenTheKeysStepOverIt(FxRobot robot) {
        robot.clickOn(robot.lookup(".lesson-title").nth(1).queryLabeled());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Daemon threads", text(robot, "#lesson-preview-title"));
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("A Thread subclass", text(robot, "#lesson-preview-title"));
        assertEquals("subclass", browser.selected().orElseThrow().id());
    }

    @Test
    void doubleClickAndTheButtonOpenTheChosenLesson(FxRobot robot) {
        robot.doubleClickOn("The GIL in action");
        robot.clickOn("A Thread subclass").clickOn("#lesson-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("gil", "subclass"), opened);
    }
}
