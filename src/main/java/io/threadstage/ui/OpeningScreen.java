package io.threadstage.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What the window shows for the moment between mapping and the workbench being built: the
 * window's background and one line. Two nodes and no control: a control's class loads the
 * platform's default stylesheet and its skin, and the scene has no stylesheet yet, so the first
 * frame costs almost no CSS or layout and the window is on screen while the editor, stage and
 * code view are made. Its colours and text size are the workbench's (app.css's {@code -ts-bg},
 * {@code -ts-text-muted} and root font size), so the window does not flash when it fills in.
 */
final class OpeningScreen {

    static final Color BACKGROUND = Color.web("#f6f7f9");
    static final Color TEXT = Color.web("#5a6370");
    static final double FONT_SIZE = 15;

    private OpeningScreen() {
    }

    static Parent root() {
        Text opening = new Text("Opening ThreadStage\u2026");
        opening.getStyleClass().add("opening-label");
        opening.setFill(TEXT);
        opening.setFont(Font.font(FONT_SIZE));
        StackPane root = new StackPane(opening);
        root.setId("opening-screen");
        root.getStyleClass().add("opening-screen");
        root.setBackground(new Background(new BackgroundFill(BACKGROUND, null, null)));
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
