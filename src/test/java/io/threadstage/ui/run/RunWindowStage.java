package io.threadstage.ui.run;

import io.threadstage.ui.RunWiring;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.editor.WindowFixture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The main window with its run wiring on a test's stage, as the app shows it, with in-memory files. */
final class RunWindowStage {

    final MainWindow window;
    final RunWiring wiring;

    RunWindowStage(Stage stage, Path home) {
        WindowFixture fixture = new WindowFixture(home);
        window = new MainWindow(fixture.editor, fixture.documents, RunWiring.newRuns());
        wiring = RunWiring.attach(window, false);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The Run button's tooltip, which hangs on its holder so a disabled Run still says why. */
    static String runTip(org.testfx.api.FxRobot robot) {
        javafx.scene.layout.StackPane holder = robot.lookup("#run-holder").queryAs(javafx.scene.layout.StackPane.class);
        return ((javafx.scene.control.Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip")).getText();
    }

    /** Runs {@code action} on the FX thread and returns what it returned. */
    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
