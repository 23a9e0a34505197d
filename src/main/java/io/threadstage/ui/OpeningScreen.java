package io.threadstage.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * What the window shows for the moment between mapping and the workbench being built: the
 * window's background and one line. A handful of nodes, so the first frame costs almost no CSS
 * or layout and the window is on screen while the editor, stage and code view are made.
 */
final class OpeningScreen {

    private OpeningScreen() {
    }

    static Parent root() {
        Label opening = new Label("Opening ThreadStage\u2026");
        opening.getStyleClass().add("opening-label");
        StackPane root = new StackPane(opening);
        root.setId("opening-screen");
        root.getStyleClass().add("opening-screen");
        return root;
    }

    /**
     * Runs {@code action} once on the FX thread after the scene's next pulse has laid out its frame
     * and handed it to the renderer, so what that frame shows reaches the screen before the action's
     * work holds the FX thread.
     */
    static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        boolean[] done = {false};
        listener[0] = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            // removed after this pulse: the scene is going through its listeners now
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
