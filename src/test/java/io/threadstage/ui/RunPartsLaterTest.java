package io.threadstage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.ui.editor.DocumentActions;
import io.threadstage.ui.editor.EditorViewModel;
import io.threadstage.ui.editor.LibraryScenarioFiles;
import io.threadstage.ui.editor.RecentFiles;
import io.threadstage.ui.editor.Recovery;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window opened with nothing named starts with the lesson start screen over the stage, and the
 * console, time slider and thread inspector under the stage join only once that screen goes: not
 * in the workbench's first frame, and then each as a window wired at once has it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunPartsLaterTest {

    private record Opened(MainWindow window, RunWiring wiring) { }

    private static Opened open(Path home) throws Exception {
        return open(home, true);
    }

    private static Opened open(Path home, boolean deferRunParts) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            EditorViewModel editor = new EditorViewModel();
            Stage stage = new Stage();
            DocumentActions documents = new DocumentActions(editor, new LibraryScenarioFiles(), new FxDialogs(() -> stage),
                    new RecentFiles(Preferences.userRoot().node("io/threadstage/test-run-parts")),
                    new Recovery(home), Runnable::run);
            MainWindow window = new MainWindow(editor, documents, RunWiring.newRuns());
            RunWiring wiring = RunWiring.attach(window, false, deferRunParts);
            Scene scene = new Scene(window, 1200, 760);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            return new Opened(window, wiring);
        }).get(60, TimeUnit.SECONDS);
    }

    private static void assertAbsent(MainWindow window) {
        assertNull(window.lookup("#console"), "console");
        assertNull(window.lookup("#scrub-bar"), "time slider");
        assertNull(window.lookup("#thread-inspector"), "inspector");
    }

    /** Each part in its place under the stage, with the skin and text a window wired at once shows. */
    private static void assertPlaced(Opened opened) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            MainWindow window = opened.window();
            assertSame(opened.wiring().console(), window.lookup("#console"));
            assertSame(opened.wiring().inspection().scrubBar(), window.lookup("#scrub-bar"));
            assertSame(opened.wiring().inspection().inspector(), window.lookup("#thread-inspector"));
            assertTrue(opened.wiring().console().getSkin() != null, "the console is styled and laid out");
            assertTrue(opened.wiring().inspection().inspector().table().getSkin() != null, "the table is styled");
            assertTrue(opened.wiring().inspection().inspector().isVisible(), "the inspector shows, as its toggle says");
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRunPartsJoinWhenALessonIsPickedOnTheStartScreen(@TempDir Path home) throws Exception {
        Opened opened = open(home);
        MainWindow window = opened.window();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            assertAbsent(window);
            window.openInitial(null, opened.wiring()::showRunParts);
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lookup("#" + LessonStartScreen.ID) != null);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            assertAbsent(window); // covered by the start screen: still not made
            return null;
        }).get(10, TimeUnit.SECONDS);
        javafx.scene.Node card = window.lookup("#start-daemon-threads");
        WaitForAsyncUtils.asyncFx(() -> ((LessonStartScreen.Card) card).open());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lookup("#" + LessonStartScreen.ID) == null);
        assertPlaced(opened);
        assertEquals("active_count(): 0", WaitForAsyncUtils.asyncFx(() -> opened.wiring().inspection().inspector().summaryText())
                .get(5, TimeUnit.SECONDS));
    }

    @Test
    void theRunPartsJoinWithTheFirstRunAndShowIt(@TempDir Path home) throws Exception {
        Opened opened = open(home);
        MainWindow window = opened.window();
        WaitForAsyncUtils.asyncFx(() -> {
            window.openInitial(null, opened.wiring()::showRunParts);
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lookup("#" + LessonStartScreen.ID) != null);
        WaitForAsyncUtils.asyncFx(() -> {
            assertAbsent(window);
            window.speedProperty().set(4);
            window.pressRun();
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertPlaced(opened);
        // the producer/consumer lesson prints each upload and main's last line: the console shows them as they come
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.wiring().console().texts().stream()
                .anyMatch(line -> line.contains("main: every job was uploaded")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.wiring().inspection().inspector().table().getItems().isEmpty());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> opened.wiring().inspection().scrubBar().slider().getMax() > 0.1)
                .get(5, TimeUnit.SECONDS), "the slider spans the run");
    }

    @Test
    void aWindowWiredAtOnceHasThemFromTheStart(@TempDir Path home) throws Exception {
        Opened opened = open(home, false);
        WaitForAsyncUtils.waitForFxEvents();
        assertPlaced(opened);
    }
}
