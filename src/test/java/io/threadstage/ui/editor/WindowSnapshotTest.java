package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Draws the whole window at 1080p on the spec's producer/consumer example and writes it to
 * {@code target/editor-window.png}, so the layout can be looked at; checks that the selected
 * step's line is marked in the code view.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSnapshotTest {

    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        // the window under test is drawn off-screen at full size; the stage only starts the toolkit
    }

    static Scenario producerConsumer() {
        Worker producer = new Worker("Producer", null, WorkerStyle.TARGET, "produce", null, List.of(), List.of(Value.of(3)),
                Map.of(), false, List.of(
                        new Step.Repeat(3, List.of(new Step.Compute(200), new Step.Put("jobs", Value.of("job"), null))),
                        new Step.Put("jobs", Value.NONE, null)));
        Worker consumer = new Worker("Consumer", null, WorkerStyle.SUBCLASS, null, "Consumer", List.of(), List.of(),
                Map.of(), false, List.of(new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Io(300, "save")))));
        return new Scenario("Producer and consumer", "Optional text shown as the caption while the scenario plays.",
                Settings.DEFAULT, List.of(new Resource.Queue("jobs", 2), new Resource.Lock("counter_lock"),
                new Resource.Event("stop")), List.of(producer, consumer),
                List.of(new Step.Start("Producer"), new Step.Start("Consumer"), new Step.Join("Producer", null),
                        new Step.Join("Consumer", null), new Step.Print("done")), Map.of());
    }

    @Test
    void theWindowAt1080pMarksTheSelectedStepsLine() throws Exception {
        shoot(false, "editor-window.png");
    }

    @Test
    void presentationModeAt1080pMarksTheSelectedStepsLine() throws Exception {
        shoot(true, "editor-window-presentation.png");
    }

    private void shoot(boolean presentation, String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        AtomicReference<Integer> line = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            WindowFixture fixture = new WindowFixture(home);
            fixture.editor.open(producerConsumer(), null);
            fixture.editor.select(new Selection.OfStep(BodyPath.worker(0).into(0, BodyPath.DO).at(1)));
            MainWindow window = new MainWindow(fixture.editor, fixture.documents, fixture.runs);
            window.presentationModeProperty().set(presentation);
            Scene scene = new Scene(window, 1920, 1080);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            window.applyCss();
            window.layout();
            line.set(fixture.editor.selectedLineProperty().get());
            image.set(scene.snapshot(null));
            window.dispose();
        }).get();
        WritableImage shot = image.get();
        assertEquals(1920, (int) shot.getWidth());
        assertEquals(1080, (int) shot.getHeight());
        Path png = Path.of("target", name);
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());

        assertTrue(line.get() > 0, "the generator gives the put step a line");
        // the marked line's background, looked up in the right-hand third where the code view is
        PixelReader pixels = shot.getPixelReader();
        Color marked = Color.web("#fff1c2");
        int found = 0;
        for (int y = 0; y < 1080; y++) {
            if (pixels.getColor(1880, y).equals(marked)) {
                found++;
            }
        }
        assertTrue(found >= 16, "a full line's height of the marked colour, found " + found + " rows");
    }
}
