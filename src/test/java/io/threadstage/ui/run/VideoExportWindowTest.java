package io.threadstage.ui.run;

import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.export.ClipSettings;
import io.threadstage.export.VideoPlan;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Trace menu's video: a 1080p MP4 made off the FX thread while the window goes on, with
 * progress and Cancel, written whole or not at all.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class VideoExportWindowTest {

    @TempDir
    static Path home;

    @TempDir
    Path dir;

    private MainWindow window;
    private RunWiring wiring;

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    private void runToTheEnd(String lesson) throws Exception {
        var scenario = new ScenarioLoader().load("lesson:" + lesson);
        onFx(() -> {
            window.editor().open(scenario, null);
            return null;
        });
        onFx(() -> {
            window.pressRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && wiring.stage().store().outcome() != null));
    }

    private List<String> files() throws Exception {
        try (var listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private boolean exporting() throws Exception {
        return onFx(() -> wiring.clips().exportingProperty().get());
    }

    @Test
    void theTraceMenuOffersVideosAtThirtyAndSixtyFramesASecond(FxRobot robot) {
        MenuButton trace = robot.lookup("#trace-menu").queryAs(MenuButton.class);
        List<String> videos = trace.getItems().stream().map(MenuItem::getId)
                .filter(id -> id != null && id.startsWith("export-video")).toList();
        assertEquals(List.of("export-video-30", "export-video-60"), videos);
        assertEquals("Export Video (MP4, 1080p, 60 fps)\u2026", trace.getItems().stream()
                .filter(item -> "export-video-60".equals(item.getId())).findFirst().orElseThrow().getText());
    }

    @Test
    void aVideoOfTheFinishedRunDecodesWithAFrameForEveryThirtiethOfASecond(FxRobot robot) throws Exception {
        runToTheEnd("target-function");
        Path video = dir.resolve("run.mp4");
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        assertEquals(List.of(true, true), onFx(() -> {
            wiring.exportVideo(video, 30);
            counter.start();
            return List.of(exporting(), robot.lookup("#clip-progress").queryAs(HBox.class).isVisible());
        }));
        String lesson = new ScenarioLoader().load("lesson:target-function").lesson().strip();
        assertEquals(new ClipSettings(1920, 1080, 30, 1, false, false, lesson),
                onFx(() -> wiring.clips().currentVideo().orElseThrow().settings()), "1080p, the stage's look, the caption");
        assertEquals("making video run.mp4 (30 frames a second)", onFx(() -> window.runStatusProperty().get()));
        // the window keeps its pulse while the frames are painted and encoded elsewhere
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !exporting());
        onFx(() -> {
            counter.stop();
            return null;
        });
        assertEquals("video written to run.mp4", onFx(() -> window.runStatusProperty().get()));
        assertFalse(onFx(() -> robot.lookup("#clip-progress").queryAs(HBox.class).isVisible()));
        assertTrue(pulses.get() >= 10, "the FX thread went on pulsing: " + pulses.get());

        TraceStore store = onFx(() -> wiring.stage().store());
        VideoPlan plan = VideoPlan.of(store.startNanos(), store.endNanos(), 30, 1);
        assertTrue(plan.replayFrames() >= 30, "the lesson lasts more than a second: " + plan);
        assertEquals(List.of("run.mp4"), files());
        try (FileChannelWrapper in = NIOUtils.readableChannel(video.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            assertEquals(plan.frameCount(), meta.getTotalFrames());
            assertEquals(plan.frameCount() / 30.0, meta.getTotalDuration(), 0.001);
            Picture first = grab.getNativeFrame();
            assertEquals(1920, first.getCroppedWidth());
            assertEquals(1080, first.getCroppedHeight());
            int decoded = 1;
            while (grab.getNativeFrame() != null) {
                decoded++;
            }
            assertEquals(plan.frameCount(), decoded);
        }
    }

    @Test
    void cancelDeletesThePartFileAndLeavesNoVideo(FxRobot robot) throws Exception {
        runToTheEnd("target-function");
        Path video = dir.resolve("cancelled.mp4");
        onFx(() -> {
            wiring.exportVideo(video, 60);
            return null;
        });
        // cancelled once the part file holds frames, so there is something to delete; the window's
        // pulse has moved the bar by then
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() ->
                wiring.clips().currentVideo().map(job -> job.progress() > 0).orElse(false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                robot.lookup("#clip-progress-bar").queryAs(ProgressBar.class).getProgress() > 0));
        List<String> during = files();
        assertEquals(1, during.size(), "one part file while the video is made: " + during);
        assertTrue(during.get(0).startsWith(".cancelled.mp4.") && during.get(0).endsWith(".part"), during.get(0));
        onFx(() -> {
            ((javafx.scene.control.Button) window.lookup("#clip-cancel")).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !exporting());
        assertEquals("video cancelled; cancelled.mp4 left as it was", onFx(() -> window.runStatusProperty().get()));
        assertEquals(List.of(), files());
    }

    @Test
    void cancelLeavesAnOlderVideoAsItWas() throws Exception {
        runToTheEnd("target-function");
        Path video = dir.resolve("lesson.mp4");
        Files.writeString(video, "the video of last week", StandardCharsets.UTF_8);
        onFx(() -> {
            wiring.exportVideo(video, 30);
            wiring.clips().cancel();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !exporting());
        assertEquals("video cancelled; lesson.mp4 left as it was", onFx(() -> window.runStatusProperty().get()));
        assertEquals("the video of last week", Files.readString(video, StandardCharsets.UTF_8));
        assertEquals(List.of("lesson.mp4"), files());
    }

    @Test
    void aFolderThatCannotBeWrittenGivesOurMessageAndLeavesNothing() throws Exception {
        runToTheEnd("target-function");
        Path video = dir.resolve("gone").resolve("lesson.mp4");
        onFx(() -> {
            wiring.exportVideo(video, 30);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !exporting());
        String status = onFx(() -> window.runStatusProperty().get());
        assertTrue(status.startsWith("cannot export the video: " + video + ": "), status);
        assertNotEquals("cannot export the video: " + video + ": ", status, "says why");
        assertEquals(List.of(), files());
    }
}
