package io.threadstage.ui.inspect;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.editor.WindowFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The main window with its run wiring on a test's stage (the headless screen's size), as the app shows it, with in-memory files. */
final class InspectWindowStage {

    final MainWindow window;
    final RunWiring wiring;

    InspectWindowStage(Stage stage, Path home) {
        WindowFixture fixture = new WindowFixture(home);
        window = new MainWindow(fixture.editor, fixture.documents, RunWiring.newRuns());
        wiring = RunWiring.attach(window, false);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Opens {@code scenario} in the editor and runs it, then waits for its end. */
    void runToEnd(Scenario scenario) throws Exception {
        onFx(() -> {
            window.editor().open(scenario, null);
            return null;
        });
        onFx(() -> {
            window.pressRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && wiring.stage().store().outcome() != null));
    }

    static Scenario parse(String json) throws Exception {
        return new ScenarioLoader().parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code action} on the FX thread and returns what it returned. */
    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
