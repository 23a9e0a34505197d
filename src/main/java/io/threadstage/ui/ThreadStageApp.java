package io.threadstage.ui;

import io.threadstage.ui.editor.DocumentActions;
import io.threadstage.ui.editor.EditorViewModel;
import io.threadstage.ui.editor.LibraryScenarioFiles;
import io.threadstage.ui.editor.RecentFiles;
import io.threadstage.ui.editor.Recovery;
import io.threadstage.ui.run.FileWork;
import io.threadstage.ui.run.RunViewModel;
import java.util.List;
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

    private MainWindow window;
    private FileWork files;

    /**
     * The window's content on a fresh editor, with the app's real files, dialogs and autosave;
     * the autosave, the run's files and the exports share the window's one file thread.
     */
    static MainWindow createWindow(Stage stage, FileWork files) {
        EditorViewModel editor = new EditorViewModel();
        DocumentActions documents = new DocumentActions(editor, new LibraryScenarioFiles(),
                new FxDialogs(() -> stage), RecentFiles.forUser(), Recovery.forUser(), files);
        return new MainWindow(editor, documents, new RunViewModel(files));
    }

    @Override
    public void start(Stage stage) {
        files = RunWiring.newFileWork();
        window = createWindow(stage, files);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        scene.getStylesheets().add(ThreadStageApp.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(window.titleProperty());
        stage.setOnCloseRequest(event -> {
            if (window.documents().confirmClose()) {
                WindowPrefs.forUser().save(window);
                window.documents().closed();
            } else {
                event.consume();
            }
        });
        stage.show();
        List<String> args = getParameters().getRaw();
        boolean runOnOpen = args.contains(RUN_ON_OPEN);
        RunWiring.attach(window, runOnOpen);
        WindowPrefs prefs = WindowPrefs.forUser();
        prefs.restore(window);
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
        if (files != null) {
            files.shutdown();
        }
    }
}
