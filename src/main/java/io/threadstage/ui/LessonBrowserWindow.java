package io.threadstage.ui;

import io.threadstage.io.LessonLibrary;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The lesson browser in a window of its own over the main one (File > Lessons, Ctrl+L). Not
 * waited on: the main window's FX thread stays free, and the browser closes once a lesson is
 * open (it stays when opening was cancelled, say at the unsaved-changes question). FX thread.
 */
final class LessonBrowserWindow {

    static final String TITLE = "Lessons from the threading chapter";

    private LessonBrowserWindow() {
    }

    /** Shows the browser; {@code open} opens one lesson and says whether it did. */
    static Stage show(Window owner, Predicate<LessonLibrary.Entry> open) {
        Stage stage = new Stage();
        LessonBrowser browser = new LessonBrowser(new LessonLibrary().list(), entry -> {
            if (open.test(entry)) {
                stage.close();
            }
        });
        Scene scene = new Scene(browser, 980, 620);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setTitle(TITLE);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.show();
        browser.focusFilter();
        return stage;
    }
}
