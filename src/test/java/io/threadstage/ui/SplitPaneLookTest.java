package io.threadstage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's split panes draw their frame with one background fill and a border, which the
 * software pipeline paints directly (two fills are painted from a cached image stretched over
 * the pane, which cost a live run's every frame tens of milliseconds), and look exactly as
 * Modena's two fills did: the window's columns, a pane inside another's item (the editing
 * column), and one nested deeper (the run's stage over its console).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SplitPaneLookTest {

    /** Modena's own split pane frame, restored over the window's stylesheet. */
    private static final String MODENA_FRAME = """
            .split-pane {
                -fx-background-color: -fx-box-border, -fx-background;
                -fx-background-insets: 0, 1;
                -fx-border-color: transparent;
                -fx-border-width: 0;
                -fx-padding: 1;
            }
            .split-pane > * > .split-pane {
                -fx-background-insets: 0, 0;
                -fx-padding: 0;
            }
            """;

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        // the panes are drawn off-screen; the stage only starts the toolkit
    }

    /** What a scene of the window's split panes drew, and how many fills each pane's background has. */
    private record Drawn(WritableImage image, List<Integer> fills) {
    }

    @Test
    void theSplitPanesPaintOneFillAndTheSamePixelsAsModenasTwo() throws Exception {
        Path modena = dir.resolve("modena-frame.css");
        Files.writeString(modena, MODENA_FRAME);
        Drawn ours = draw(null);
        Drawn reference = draw(modena.toUri().toString());

        assertEquals(List.of(1, 1, 1), ours.fills(), "each split pane has one background fill");
        assertEquals(List.of(2, 2, 2), reference.fills(), "the reference draws Modena's two fills");
        PixelReader a = ours.image().getPixelReader();
        PixelReader b = reference.image().getPixelReader();
        int width = (int) ours.image().getWidth();
        int height = (int) ours.image().getHeight();
        assertEquals(width, (int) reference.image().getWidth());
        assertEquals(height, (int) reference.image().getHeight());
        int differing = 0;
        String first = null;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (a.getArgb(x, y) != b.getArgb(x, y)) {
                    if (first == null) {
                        first = String.format("(%d,%d): %08x, Modena %08x", x, y, a.getArgb(x, y), b.getArgb(x, y));
                    }
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "pixels differing from Modena's frame, first at " + first);
        // the frame is there to compare: Modena's border colour runs down the outer pane's left edge
        assertTrue(b.getArgb(0, height / 2) != b.getArgb(width / 2, 5), "the outer pane's border shows");
    }

    private static Drawn draw(String extraStylesheet) throws Exception {
        AtomicReference<Drawn> drawn = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            SplitPane editing = new SplitPane(new StackPane(), new StackPane());
            editing.setOrientation(Orientation.VERTICAL);
            editing.setDividerPositions(0.58);
            SplitPane run = new SplitPane(new StackPane(), new StackPane());
            run.setOrientation(Orientation.VERTICAL);
            run.setDividerPositions(0.8);
            StackPane slot = new StackPane(new BorderPane(run));
            slot.getStyleClass().add("stage-slot");
            SplitPane columns = new SplitPane(editing, slot, new StackPane());
            columns.setDividerPositions(0.27, 0.70);
            Scene scene = new Scene(columns, 640, 400);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            if (extraStylesheet != null) {
                scene.getStylesheets().add(extraStylesheet);
            }
            columns.applyCss();
            columns.layout();
            WritableImage image = scene.snapshot(null);
            drawn.set(new Drawn(image, List.of(fills(columns), fills(editing), fills(run))));
        }).get(30, TimeUnit.SECONDS);
        return drawn.get();
    }

    private static int fills(Node pane) {
        return ((SplitPane) pane).getBackground().getFills().size();
    }
}
