package io.threadstage.ui.run;

import io.threadstage.ui.RunWiring;
import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.GifFrames;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Trace menu's clip export: made while the window goes on, with progress and Cancel, written whole or not at all. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClipWindowTest {

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
        // pressed through the window, not the robot: after a test in the same JVM started JavaFX
        // headless for a picture, the robot's click on Run never starts the run (RunWindowTest
        // times out that way when it runs after RunPngTest)
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

    @Test
    void theTraceMenuOffersAClipBesideThePicture(FxRobot robot) {
        MenuButton trace = robot.lookup("#trace-menu").queryAs(MenuButton.class);
        List<String> items = trace.getItems().stream().map(MenuItem::getText).toList();
        assertEquals(List.of("Open Trace\u2026", "Record Java Program\u2026", "Show the JVM's Own Threads", "", "Save Trace\u2026", "Export Chrome Trace\u2026",
                "Export Stage as PNG\u2026", "Export Clip (GIF)\u2026", "Export Video (MP4, 1080p, 30 fps)\u2026",
                "Export Video (MP4, 1080p, 60 fps)\u2026"),
                items.stream().map(text -> text == null ? "" : text).toList());
        assertEquals("export-clip", trace.getItems().get(7).getId());
        assertFalse(robot.lookup("#clip-progress").queryAs(HBox.class).isVisible(), "no progress before a clip");
    }

    @Test
    void aClipOfTheFinishedRunIsWrittenWhileTheWindowGoesOn(FxRobot robot) throws Exception {
        runToTheEnd("target-function");
        Path gif = dir.resolve("run.gif");
        onFx(() -> {
            window.presentationModeProperty().set(true);
            return null;
        });
        // the export only starts within the call: frames are painted on later pulses
        assertEquals(List.of(true, true, 0.0), onFx(() -> {
            wiring.exportClip(gif);
            HBox progress = robot.lookup("#clip-progress").queryAs(HBox.class);
            return List.of(wiring.clips().exportingProperty().get(), progress.isVisible(),
                    wiring.clips().current().orElseThrow().progressProperty().get());
        }));
        String lesson = new ScenarioLoader().load("lesson:target-function").lesson().strip();
        assertEquals(new ClipSettings(1280, 720, 10, 1, true, false, lesson),
                onFx(() -> wiring.clips().current().orElseThrow().settings()), "the stage's look and the lesson's text");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.clips().exportingProperty().get()));
        assertEquals("clip written to run.gif", onFx(() -> window.runStatusProperty().get()));
        assertFalse(onFx(() -> robot.lookup("#clip-progress").queryAs(HBox.class).isVisible()));

        TraceStore store = onFx(() -> wiring.stage().store());
        ClipPlan plan = ClipPlan.of(store.startNanos(), store.endNanos(), 10, 1);
        GifFrames clip = GifFrames.read(gif);
        assertEquals(plan.frameCount(), clip.frames().size());
        assertEquals(ClipPlan.HOLD_CENTIS, clip.delays().get(clip.last()));
        assertEquals(10, clip.delays().get(0));
        assertTrue(clip.loopsForever());
        assertEquals(1280, clip.frames().get(0).getWidth());
        assertEquals(720, clip.frames().get(0).getHeight());
        assertEquals(List.of("run.gif"), files());
    }

    @Test
    void aClipOfAnOpenedTraceCarriesNoCaptionOfTheOpenScenario() throws Exception {
        runToTheEnd("target-function");
        Path trace = dir.resolve("run.jsonl");
        TraceFiles.saveJsonl(wiring.controller().recorder().orElseThrow(), trace);
        onFx(() -> {
            wiring.openTrace(trace);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                window.runStatusProperty().get().startsWith("trace run.jsonl")));
        Path gif = dir.resolve("opened.gif");
        assertEquals(java.util.Arrays.asList(false, null), onFx(() -> {
            wiring.exportClip(gif);
            ClipSettings settings = wiring.clips().current().orElseThrow().settings();
            return java.util.Arrays.asList(settings.presentation(), settings.caption());
        }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.clips().exportingProperty().get()));
        assertEquals("clip written to opened.gif", onFx(() -> window.runStatusProperty().get()));
        assertEquals(List.of("opened.gif", "run.jsonl"), files());
    }

    @Test
    void cancelLeavesTheOldFileAsItWasAndNoTemporaryFile(FxRobot robot) throws Exception {
        runToTheEnd("target-function");
        Path gif = dir.resolve("clip.gif");
        Files.writeString(gif, "the clip of last week", StandardCharsets.UTF_8);
        // pressed within the same FX turn as the export, so it cannot have finished first
        onFx(() -> {
            wiring.exportClip(gif);
            robot.lookup("#clip-cancel").queryButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !wiring.clips().exportingProperty().get()));
        assertEquals("clip cancelled; clip.gif left as it was", onFx(() -> window.runStatusProperty().get()));
        assertEquals("the clip of last week", Files.readString(gif, StandardCharsets.UTF_8));
        // the clip thread removes its part file when it sees the cancel, which may come after the window says so
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files().equals(List.of("clip.gif")));
        assertEquals(List.of("clip.gif"), files());
    }
}
