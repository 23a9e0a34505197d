package io.threadstage.ui;

import io.threadstage.ui.editor.DocumentActions;
import io.threadstage.ui.editor.EditorViewModel;
import io.threadstage.ui.editor.LibraryScenarioFiles;
import io.threadstage.ui.editor.RecentFiles;
import io.threadstage.ui.editor.Recovery;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop application: one window on a scenario (the command line's file, else the
 * producer/consumer lesson), with unsaved work offered back after a crash; the runtime and the
 * stage are attached by {@link RunWiring}. Its parameters are the file or lesson to open, then
 * {@value #RUN_ON_OPEN} to press Run once it has opened. Lifecycle methods run on the FX thread.
 */
public final class ThreadStageApp extends Application {

    /** The last parameter that presses Run once the scenario has opened. */
    public static final String RUN_ON_OPEN = "--run";

    private ExecutorService autosaveThread;
    private MainWindow window;

    /** The window's content on a fresh editor, with the app's real files, dialogs and autosave. */
    static MainWindow createWindow(Stage stage, ExecutorService autosaveThread) {
        EditorViewModel editor = new EditorViewModel();
        DocumentActions documents = new DocumentActions(editor, new LibraryScenarioFiles(),
                new FxDialogs(() -> stage), RecentFiles.forUser(), Recovery.forUser(), autosaveThread);
        return new MainWindow(editor, documents, RunWiring.newRuns());
    }

    @Override
    public void start(Stage stage) {
        autosaveThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "threadstage-autosave");
            thread.setDaemon(true);
            return thread;
        });
        window = createWindow(stage, autosaveThread);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        scene.getStylesheets().add(ThreadStageApp.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(window.titleProperty());
        stage.setOnCloseRequest(event -> {
            if (window.documents().confirmClose()) {
                window.documents().closed();
            } else {
                event.consume();
            }
        });
        stage.show();
        List<String> args = getParameters().getRaw();
        boolean runOnOpen = args.contains(RUN_ON_OPEN);
        RunWiring.attach(window, runOnOpen);
        String initial = args.isEmpty() || args.get(0).equals(RUN_ON_OPEN) ? null : args.get(0);
        // after the first frame, so the recovery question and load errors appear over the window
        Platform.runLater(() -> {
            if (!window.documents().offerRecovery()) {
                window.openInitial(initial);
            }
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        if (autosaveThread != null) {
            autosaveThread.shutdown();
        }
    }
}
