package io.threadstage.app;

import io.threadstage.ui.RunWiring;
import io.threadstage.ui.StartTimes;
import io.threadstage.ui.ThreadStageApp;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Opens the window on a scenario file, a {@code lesson:ID}, a trace ({@code .jsonl}, handed to
 * the stage), or with no file the default lesson. The window is wired to the runtime and the
 * stage by {@link RunWiring}, which {@link ThreadStageApp} attaches (no hook: both live in ui). Runs on the main thread
 * and returns when the window closes.
 */
final class DesktopLauncher {

    /**
     * Held so the level sticks: on a new account the JDK's preferences (the recent files) announce
     * at INFO that they made their folder, which on the terminal of a first start reads like a fault.
     */
    private static final Logger PREFERENCES_LOG = Logger.getLogger("java.util.prefs");

    private DesktopLauncher() {
    }

    static int open(String fileOrNull) {
        return open(fileOrNull, List.of());
    }

    /** With {@code runOnOpen} (the {@code --run} flag) Run is pressed once the scenario has opened. */
    static int open(String fileOrNull, boolean runOnOpen) {
        return open(fileOrNull, runOnOpen ? List.of(ThreadStageApp.RUN_ON_OPEN) : List.of());
    }

    /** A Java recording, its lanes with the JVM's own threads when {@code jvmThreads} (the {@code --all-threads} flag). */
    static int openRecording(String recording, boolean jvmThreads) {
        return open(recording, jvmThreads ? List.of(ThreadStageApp.JVM_THREADS) : List.of());
    }

    private static int open(String fileOrNull, List<String> flags) {
        StartTimes.mark("launching");
        PREFERENCES_LOG.setLevel(Level.WARNING);
        List<String> parameters = new ArrayList<>();
        if (fileOrNull != null) {
            parameters.add(fileOrNull);
        }
        parameters.addAll(flags);
        try {
            Application.launch(ThreadStageApp.class, parameters.toArray(new String[0]));
            return 0;
        } catch (RuntimeException noDisplay) {
            System.err.println("threadstage: cannot open the window: " + noDisplay.getMessage());
            return 1;
        }
    }
}
