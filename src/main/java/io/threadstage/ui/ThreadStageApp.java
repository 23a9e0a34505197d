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
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop application: one window on a scenario (the command line's file, else the
 * producer/consumer lesson), with unsaved work offered back after a crash; the runtime and the
 * stage are attached by {@link RunWiring}. Its parameters are the file or lesson to open, then
 * {@value #RUN_ON_OPEN} to press Run once it has opened or {@value #JVM_THREADS} to show a Java
 * recording's JVM threads. Lifecycle methods run on the FX thread.
 */
public final class ThreadStageApp extends Application {

    /** The last parameter that presses Run once the scenario has opened. */
    public static final String RUN_ON_OPEN = "--run";
    /** A parameter after the file: a Java recording's lanes include the JVM's own threads. */
    public static final String JVM_THREADS = "--all-threads";

    /** The window's title until the workbench names its scenario. */
    static final String APP_TITLE = "ThreadStage";

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
        StartTimes.mark("toolkit started");
        files = RunWiring.newFileWork();
        // The window maps first with a screen of a few nodes; the workbench (editor, stage, code
        // view: most of a start's CSS and layout) is built once that frame is out, so the window
        // is on screen a second or more sooner and then fills in.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // the stylesheet comes with the workbench: parsing it is work the opening screen does not need
        Scene scene = new Scene(OpeningScreen.root(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        stage.setScene(scene);
        stage.setTitle(APP_TITLE);
        stage.setOnCloseRequest(this::closeRequested);
        StartTimes.markPulses(scene, 3);
        OpeningScreen.afterNextFrame(scene, () -> buildWorkbench(stage, scene));
        stage.show();
        StartTimes.mark("shown");
    }

    private void buildWorkbench(Stage stage, Scene scene) {
        window = createWindow(stage, files);
        StartTimes.mark("workbench built");
        scene.getStylesheets().add(ThreadStageApp.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        scene.setRoot(window);
        List<String> args = getParameters().getRaw();
        boolean runOnOpen = args.contains(RUN_ON_OPEN);
        String initial = args.isEmpty() || args.get(0).startsWith("--") ? null : args.get(0);
        window.runs().jvmThreadsShownProperty().set(args.contains(JVM_THREADS));
        // with nothing named the lesson start screen will cover the stage: the console, time slider
        // and inspector under it join when it goes, and the workbench's first frame is without them
        RunWiring wiring = RunWiring.attach(window, runOnOpen, initial == null);
        WindowPrefs.forUser().restore(window);
        StartTimes.mark("wired");
        // after the workbench's first frame, as the stage sizes itself there before it draws a scenario;
        // the window's title names the scenario from then on (until then it is only "ThreadStage")
        OpeningScreen.afterNextFrame(scene, () -> {
            stage.titleProperty().bind(window.titleProperty());
            if (window.documents().offerRecovery()) {
                wiring.showRunParts();
            } else {
                window.openInitial(initial, wiring::showRunParts);
            }
            StartTimes.mark("opened");
            if (!runOnOpen) {
                wiring.warmUpSoon();
            }
        });
    }

    private void closeRequested(WindowEvent event) {
        if (window == null) {
            return; // closed before the workbench was built: nothing to save or ask
        }
        if (window.documents().confirmClose()) {
            WindowPrefs.forUser().save(window);
            window.documents().closed();
        } else {
            event.consume();
        }
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
