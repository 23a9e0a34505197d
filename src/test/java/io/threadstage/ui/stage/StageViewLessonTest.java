package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A built-in lesson run on the real core, drawn live by the real view in a window. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StageViewLessonTest {

    private StageView view;

    @Start
    void start(Stage stage) {
        view = new StageView();
        view.setPresentation(true);
        // Monocle's headless screen is 1280x800: the window must fit in it
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @Test
    void producerConsumerLessonIsDrawnLaneByLane() throws Exception {
        Scenario scenario = new ScenarioLoader().load("lesson:producer-consumer");
        RunOptions options = RunOptions.defaults();
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        onFx(() -> {
            LiveDriver.follow(view, recorder);
            return null;
        });
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        assertTrue(run.awaitEnd(Duration.ofSeconds(30)), "the lesson ends");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.store().outcome() != null));
        TraceStore store = onFx(view::store);
        assertEquals(Outcome.COMPLETED, store.outcome());
        assertEquals("MainThread", store.lane(0).name());
        assertTrue(store.laneCount() >= 3, "producer and consumers: " + store.lanes());
        assertTrue(store.queueCount() >= 1, "the queue strip");

        WritableImage image = onFx(() -> {
            view.fit();
            view.paintNow();
            return view.snapshotCanvas();
        });
        Path pictures = Files.createDirectories(Path.of("target", "pictures"));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", pictures.resolve("lesson-producer-consumer.png").toFile());
        StageLayout layout = onFx(view::stageLayout);
        assertEquals(store.laneCount(), layout.visibleLanes);
        Color ground = StagePalette.defaults().color(Ink.BACKGROUND);
        Color alternate = StagePalette.defaults().color(Ink.LANE_ALTERNATE);
        for (int lane = 0; lane < store.laneCount(); lane++) {
            int drawn = 0;
            for (int x = (int) layout.plotX; x < layout.plotRight(); x += 4) {
                Color pixel = image.getPixelReader().getColor(x, (int) layout.laneCenter(lane));
                if (!pixel.equals(ground) && !pixel.equals(alternate)) {
                    drawn++;
                }
            }
            assertTrue(drawn > 10, "lane " + store.lane(lane).name() + " is drawn (" + drawn + " samples)");
        }
        // MainThread starts every other thread, so its lane is drawn first; where exactly depends on
        // how late the machine started it, and its early GIL waits are hatched
        int mainStarts = firstDrawnX(image, layout, 0, ground, alternate);
        assertNotEquals(-1, mainStarts, "MainThread's lane is drawn");
        for (int lane = 1; lane < store.laneCount(); lane++) {
            int starts = firstDrawnX(image, layout, lane, ground, alternate);
            assertTrue(mainStarts <= starts, "MainThread's lane starts at x " + mainStarts + ", before "
                    + store.lane(lane).name() + "'s at x " + starts);
        }
    }

    private static int firstDrawnX(WritableImage image, StageLayout layout, int lane, Color ground, Color alternate) {
        // a GIL wait is drawn as two bars with the lane's middle row between them: look at a band
        int center = (int) layout.laneCenter(lane);
        for (int x = (int) layout.plotX; x < layout.plotRight(); x++) {
            for (int y = center - 12; y <= center + 12; y += 3) {
                Color pixel = image.getPixelReader().getColor(x, y);
                if (!pixel.equals(ground) && !pixel.equals(alternate)) {
                    return x;
                }
            }
        }
        return -1;
    }
}
