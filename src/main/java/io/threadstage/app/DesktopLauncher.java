package io.threadstage.app;

import io.threadstage.ui.ThreadStageApp;
import javafx.application.Application;

/**
 * Opens the window on a scenario file, a {@code lesson:ID}, a trace ({@code .jsonl}, handed to
 * the stage through {@code MainWindow.setTraceHandler}), or with no file the default lesson.
 * Runs on the main thread and returns when the window closes.
 */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static int open(String fileOrNull) {
        try {
            Application.launch(ThreadStageApp.class, fileOrNull == null ? new String[0] : new String[] {fileOrNull});
            return 0;
        } catch (RuntimeException noDisplay) {
            System.err.println("threadstage: cannot open the window: " + noDisplay.getMessage());
            return 1;
        }
    }
}
