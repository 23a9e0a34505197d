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
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
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

    private Stage primary;

    @Start
    void start(Stage stage) {
        primary = stage;
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

    /** A start screen of {@link #LESSONS} on a stage of its own; opening records the lesson. */
    private LessonStartScreen startScreen() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            LessonStartScreen screen = new LessonStartScreen(LESSONS, entry -> opened.add(entry.id()));
            primary.getScene().setRoot(screen);
            primary.getScene().getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            return screen;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theStartScreenShowsEveryLessonWithItsCaptionUnderItsSection(FxRobot robot) throws Exception {
        LessonStartScreen screen = startScreen();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = new ArrayList<>();
        for (javafx.scene.Node node : ((javafx.scene.Parent) screen.getContent()).getChildrenUnmodifiable().stream()
                .flatMap(child -> child instanceof javafx.scene.layout.FlowPane cards
                        ? cards.getChildren().stream() : java.util.stream.Stream.of(child)).toList()) {
            if (node instanceof Label section && section.getStyleClass().contains(LessonBrowser.SECTION_STYLE_CLASS)) {
                shown.add("## " + section.getText());
            } else if (node instanceof LessonStartScreen.Card card) {
                shown.add(card.getId());
            }
        }
        assertEquals(List.of("## Four ways to create a thread", "start-target", "start-subclass",
                "## Configuring threads", "start-daemon", "## The GIL and its pitfalls", "start-gil"), shown);
        javafx.scene.Node gil = screen.lookup("#start-gil");
        List<String> texts = gil.lookupAll(".label").stream().map(node -> ((Label) node).getText()).toList();
        assertEquals(List.of("The GIL in action", "Two counters take turns on one interpreter lock."), texts);
        javafx.geometry.Bounds caption = gil.lookupAll(".label").stream().skip(1).findFirst().orElseThrow()
                .localToScene(gil.getLayoutBounds());
        assertTrue(caption.getHeight() > 0, "the caption is laid out");
    }

    @Test
    void oneClickOnAStartScreenCardOpensItsLesson(FxRobot robot) throws Exception {
        startScreen();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#start-daemon");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("daemon"), opened);
    }

    @Test
    void aWindowOpenedWithNothingShowsTheLessonsOverTheStageUntilOneIsOpened(FxRobot robot, @TempDir Path home)
            throws Exception {
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            io.threadstage.ui.editor.EditorViewModel editor = new io.threadstage.ui.editor.EditorViewModel();
            Stage stage = new Stage();
            io.threadstage.ui.editor.DocumentActions documents = new io.threadstage.ui.editor.DocumentActions(editor,
                    new io.threadstage.ui.editor.LibraryScenarioFiles(), new FxDialogs(() -> stage),
                    new io.threadstage.ui.editor.RecentFiles(java.util.prefs.Preferences.userRoot().node("io/threadstage/test-start")),
                    new io.threadstage.ui.editor.Recovery(home), Runnable::run);
            MainWindow shown = new MainWindow(editor, documents, RunWiring.newRuns());
            RunWiring.attach(shown, false);
            Scene scene = new Scene(shown, 1200, 760);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            shown.openInitial(null);
            return shown;
        }).get(60, TimeUnit.SECONDS);
        // the scene graph is read on the FX thread: a lookup from here races the window building itself
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.lookup("#" + LessonStartScreen.ID) != null));
        WaitForAsyncUtils.waitForFxEvents();
        LessonLibrary.Entry daemon = new LessonLibrary().list().stream()
                .filter(entry -> entry.id().equals("daemon-threads")).findFirst().orElseThrow();
        javafx.scene.Node card = onFx(() -> window.lookup("#start-daemon-threads"));
        assertTrue(onFx(() -> window.stageSlot().getChildren().contains(window.lookup("#" + LessonStartScreen.ID))),
                "over the stage");
        // pressed through the card itself: where it is on screen depends on the window's layout
        WaitForAsyncUtils.asyncFx(() -> ((LessonStartScreen.Card) card).open());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.lookup("#" + LessonStartScreen.ID) == null));
        assertEquals(daemon.title(), WaitForAsyncUtils.asyncFx(() -> window.editor().getScenario().title()).get(5, TimeUnit.SECONDS));
        assertEquals("lesson:daemon-threads", WaitForAsyncUtils.asyncFx(() -> window.documents().sourceProperty().get())
                .get(5, TimeUnit.SECONDS));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
