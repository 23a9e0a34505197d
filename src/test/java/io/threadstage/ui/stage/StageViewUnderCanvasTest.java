package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view is opaque under its canvas, in the colour the canvas paints its background with, so
 * JavaFX redraws a changed frame from the view down and not from the window's panes behind it;
 * and it follows the theme.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StageViewUnderCanvasTest {

    private StageView view;

    @Start
    void start(Stage stage) {
        view = new StageView();
        view.setTitle("under the canvas");
        stage.setScene(new Scene(view, 800, 500));
        stage.show();
    }

    /** The view's background fill, and the canvas's pixel at its bottom right corner, after a paint. */
    private record Seen(int fills, Object fill, Color corner) {
    }

    private Seen paintAndLook() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.paintNow();
            Background background = view.getBackground();
            WritableImage canvas = view.snapshotCanvas();
            Color corner = canvas.getPixelReader().getColor((int) canvas.getWidth() - 1, (int) canvas.getHeight() - 1);
            return new Seen(background == null ? 0 : background.getFills().size(),
                    background == null ? null : background.getFills().get(0).getFill(), corner);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theViewIsFilledInTheCanvasBackgroundOfEachTheme() throws Exception {
        Seen plain = paintAndLook();
        assertEquals(1, plain.fills());
        assertEquals(Color.web("#ffffff"), plain.fill());
        assertEquals(plain.fill(), plain.corner(), "the canvas paints the colour the view is filled with");

        WaitForAsyncUtils.asyncFx(() -> view.setHighContrast(true)).get(10, TimeUnit.SECONDS);
        Seen contrast = paintAndLook();
        assertEquals(1, contrast.fills());
        assertEquals(Color.web("#000000"), contrast.fill());
        assertEquals(contrast.fill(), contrast.corner(), "the canvas paints the colour the view is filled with");
    }
}
