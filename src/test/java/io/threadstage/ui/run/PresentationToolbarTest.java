package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.editor.WindowFixture;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole toolbar (with the run's menus) at 1080p in Presentation, as a teacher records it: the
 * Presentation toggle, the way back, is on the toolbar and not in its overflow. Laid out in a
 * scene of its own, since the headless screen is smaller than 1080p.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PresentationToolbarTest {

    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        // nothing shown: the window under test is laid out off screen
    }

    @Test
    void thePresentationToggleStaysOnTheToolbarAt1080p() throws Exception {
        boolean[] fits = new boolean[2];
        boolean[] focusShown = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> {
            WindowFixture fixture = new WindowFixture(home);
            MainWindow window = new MainWindow(fixture.editor, fixture.documents, RunWiring.newRuns());
            RunWiring.attach(window, false);
            Scene scene = new Scene(window, 1920, 1080);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            for (int mode = 0; mode < 2; mode++) {
                window.presentationModeProperty().set(mode == 1);
                window.applyCss();
                window.layout();
                Node toggle = window.lookup("#presentation-toggle");
                fits[mode] = toggle != null && toggle.getScene() == scene
                        && toggle.localToScene(toggle.getBoundsInLocal()).getMaxX() <= 1920;
            }
            focusShown[0] = window.lookup("#stage-focus-toggle").isVisible();
            window.dispose();
        }).get(30, TimeUnit.SECONDS);
        assertTrue(fits[0], "on the toolbar in the normal layout");
        assertTrue(fits[1], "on the toolbar in Presentation");
        assertFalse(focusShown[0], "Presentation overrides Stage focus: its toggle gives up its room");
    }
}
