package io.threadstage.ui.run;

import io.threadstage.ui.RunWiring;
import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.stage.StagePalette;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, wired: Run plays a lesson on the stage and in the console; Stop and Pause act on it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunWindowTest {

    @TempDir
    static Path home;

    private MainWindow window;
    private RunWiring wiring;

    /** A worker that sleeps a minute and a main thread that joins it: only Stop ends it early. */
    private static final String LONG = """
            {"format": "threadstage/1", "title": "Long",
             "workers": [{"name": "Sleeper", "style": "target", "function": "doze",
                          "steps": [{"sleep": 60000}]},
                         {"name": "Counter", "style": "target", "function": "count",
                          "steps": [{"repeat": 100000, "do": [{"compute": 50}]}]}],
             "main": [{"start": "Sleeper"}, {"start": "Counter"}, {"join": "Sleeper"}]}
            """;

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    private void open(Scenario scenario) throws Exception {
        onFx(() -> {
            window.editor().open(scenario, null);
            return null;
        });
    }

    private static Scenario lesson(String id) throws Exception {
        return new ScenarioLoader().load("lesson:" + id);
    }

    private static Scenario parse(String json) throws Exception {
        return new ScenarioLoader().parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** A quarter into {@code tid}'s longest interval in {@code state} (and {@code reason} if given), on the run's clock. */
    private static long quarterIntoLongest(List<TraceEvent> events, int tid, ThreadState state, Reason reason) {
        long best = -1;
        long bestLength = 0;
        TraceEvent.State open = null;
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.State s && s.tid() == tid) {
                if (open != null && s.t() - open.t() > bestLength) {
                    bestLength = s.t() - open.t();
                    // a quarter in: clear of the arrows drawn where the interval's steps meet
                    best = open.t() + bestLength / 4;
                }
                open = s.state() == state && (reason == null || s.reason() == reason) ? s : null;
            }
        }
        return best;
    }

    @Test
    void runPlaysTheLessonOnTheStageAndInTheConsole(FxRobot robot) throws Exception {
        Scenario lesson = lesson("producer-consumer");
        open(lesson);
        assertEquals(lesson.lesson(), robot.lookup("#lesson-caption").queryAs(Label.class).getText());
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().isRunning()
                && !window.codeView().threadMarks().isEmpty()));
        assertTrue(onFx(() -> window.runningProperty().get()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && wiring.stage().store().outcome() != null));

        String status = robot.lookup("#status-run").queryAs(Label.class).getText();
        assertTrue(status.matches("completed after \\d+\\.\\d s"), status);
        assertEquals(List.of("Consumer uploaded report.pdf", "Consumer uploaded photo.jpg",
                "Consumer uploaded notes.txt", "Consumer uploaded slides.key", "main: every job was uploaded"),
                onFx(() -> wiring.console().texts()));
        assertEquals(java.util.Map.of(), onFx(() -> window.codeView().threadMarks()), "marks cleared at the end");

        List<TraceEvent> events = wiring.controller().recorder().orElseThrow().events();
        WritableImage image = onFx(() -> {
            wiring.stage().fit();
            wiring.stage().paintNow();
            return wiring.stage().snapshotCanvas();
        });
        StageLayout layout = onFx(() -> wiring.stage().stageLayout());
        TraceStore store = onFx(() -> wiring.stage().store());
        assertEquals(3, store.laneCount());
        PixelReader pixels = image.getPixelReader();
        // each lane at a time its thread is in its longest state: running, waiting on I/O, joining;
        // just under the bar's top edge, where the put-to-get arrows leaving the lane's centre do not pass
        String[] expected = {hex(StagePalette.defaults().color(Ink.JOIN)), hex(StagePalette.defaults().color(Ink.RUNNING)),
                hex(StagePalette.defaults().color(Ink.IO))};
        long[] times = {
            quarterIntoLongest(events, store.lane(0).tid(), ThreadState.WAITING, Reason.JOIN),
            quarterIntoLongest(events, store.lane(1).tid(), ThreadState.RUNNING, null),
            quarterIntoLongest(events, store.lane(2).tid(), ThreadState.WAITING, Reason.IO)};
        for (int lane = 0; lane < 3; lane++) {
            assertTrue(times[lane] >= 0, store.lane(lane).name() + " has the interval");
            double barTop = layout.laneTop(lane) + Math.max(2, Math.floor(layout.laneHeight * 0.1));
            double y = lane == 1 ? barTop + 2 : layout.laneCenter(lane);
            assertEquals(expected[lane], hex(pixels.getColor((int) layout.x(times[lane]), (int) y)),
                    store.lane(lane).name() + " at " + times[lane] + " ns");
        }

        // after the run: replay slowed down, export the picture, save the trace and open it again
        assertTrue(onFx(() -> {
            wiring.replay(0.25);
            return wiring.stage().replaying();
        }), "replays at 0.25x");
        Path png = home.resolve("stage.png");
        onFx(() -> {
            wiring.stage().stopReplay();
            wiring.exportPng(png);
            return null;
        });
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        assertEquals((int) layout.width, picture.getWidth());
        assertEquals((int) layout.height, picture.getHeight());
        Path saved = home.resolve("run.jsonl");
        TraceFiles.saveJsonl(wiring.controller().recorder().orElseThrow(), saved);
        assertEquals(events, new io.threadstage.io.TraceReader().read(saved).events());
        onFx(() -> {
            wiring.openTrace(saved);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                "trace run.jsonl: 3 threads".equals(window.runStatusProperty().get())));
        assertEquals(events.size(), onFx(() -> wiring.stage().store().eventCount()));
        assertEquals(lesson, onFx(() -> window.editor().getScenario()), "the scenario stays open");
    }

    @Test
    void stopEndsALongRunWithinASecondAndRunAgainLeavesNothingOfThePrevious(FxRobot robot) throws Exception {
        open(parse(LONG));
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.stage().store().laneCount() == 3));
        ScenarioRun first = onFx(() -> wiring.controller().currentRun().orElseThrow());

        // Run again while running: the first run is stopped, a second one starts
        robot.clickOn("#run-button");
        ScenarioRun second = onFx(() -> wiring.controller().currentRun().orElseThrow());
        assertFalse(first == second);
        assertTrue(first.awaitEnd(Duration.ofSeconds(1)), "every thread of the first run ended within a second");
        assertEquals(io.threadstage.trace.Outcome.STOPPED, first.result().orElseThrow().outcome());
        assertTrue(onFx(() -> wiring.controller().isRunning()));

        robot.clickOn("#stop-button");
        assertTrue(second.awaitEnd(Duration.ofSeconds(1)), "Stop ended every thread of the run within a second");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !window.runningProperty().get()));
        assertEquals("stopped", robot.lookup("#status-run").queryAs(Label.class).getText());
    }

    @Test
    void pauseHoldsTheRunAndMarksTheTrace(FxRobot robot) throws Exception {
        open(parse(LONG));
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.stage().store().laneCount() == 3));
        robot.clickOn("#pause-button");
        ScenarioRun run = onFx(() -> wiring.controller().currentRun().orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, run::isPaused);
        assertEquals("paused", robot.lookup("#status-run").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wiring.controller().recorder().orElseThrow().events()
                .stream().anyMatch(e -> e instanceof TraceEvent.Marker m && m.text().startsWith("paused")));
        assertTrue(onFx(() -> wiring.controller().isRunning()), "a paused run is still a run");
        robot.clickOn("#stop-button");
        assertTrue(run.awaitEnd(Duration.ofSeconds(2)));
    }

    @Test
    void aJavaRecordingOpensAsLanesWhereATraceDoesAndTheTraceMenuShowsTheJvmsThreads(FxRobot robot) throws Exception {
        Path naps = JvmThreadsShownTest.recordNaps(home.resolve("naps.jfr"));
        open(lesson("producer-consumer"));
        javafx.scene.control.Label caption = robot.lookup("#lesson-caption").queryAs(javafx.scene.control.Label.class);
        assertTrue(onFx(caption::isVisible), "the lesson's caption over its own scenario");
        // routed by the window as a drop or the command line's file would be
        onFx(() -> {
            window.openFile(naps);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                String.valueOf(window.runStatusProperty().get()).startsWith("trace naps.jfr: ")));
        assertEquals(List.of(true, false), onFx(() -> List.of(laneNames().contains("Napper"),
                laneNames().contains("system/Housekeeper"))), "the JVM's threads are hidden at first");
        assertEquals(List.of("", false), onFx(() -> List.of(caption.getText(), caption.isVisible())),
                "the lesson's caption is not about a recording");
        // the code column does not show the scenario's Python beside a Java program's lanes
        javafx.scene.control.Label title = robot.lookup("#code-title").queryAs(javafx.scene.control.Label.class);
        assertEquals(List.of(true, "Java program \u2014 recorded with the Flight Recorder", true),
                onFx(() -> List.of(title.isVisible(), title.getText(), window.stageFocusProperty().get())));
        assertEquals("# naps.jfr", onFx(() -> window.codeView().getItems().get(0).text()));

        javafx.scene.control.CheckMenuItem jvmThreads = onFx(() -> (javafx.scene.control.CheckMenuItem)
                ((javafx.scene.control.MenuButton) window.lookup("#" + RunMenus.TRACE_ID)).getItems().stream()
                        .filter(item -> RunMenus.JVM_THREADS_ID.equals(item.getId())).findFirst().orElseThrow());
        assertEquals(List.of("Show the JVM's Own Threads", false, false),
                onFx(() -> List.of(jvmThreads.getText(), jvmThreads.isSelected(), jvmThreads.isDisable())));
        robot.clickOn("#" + RunMenus.TRACE_ID).clickOn("Show the JVM's Own Threads");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> laneNames().contains("system/Housekeeper")));
        assertTrue(onFx(jvmThreads::isSelected));
        assertTrue(onFx(() -> laneNames().contains("Napper")));
        assertTrue(onFx(() -> window.runStatusProperty().get()).endsWith(" of them the JVM's own)"));

        open(lesson("target-function"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !title.isVisible()));
        assertTrue(onFx(() -> window.codeView().getItems().get(0).text()).startsWith("\"\"\""),
                "a scenario opened gives the code column back to its Python");
        assertEquals(List.of(false, 0, true), onFx(() -> List.of(window.stageFocusProperty().get(),
                wiring.stage().store().laneCount(), caption.isVisible())), "and the editor its room, the stage its scenario");
    }

    @Test
    void aRecordingAndAPythonProgramOpenedInTurnEachHaveTheirCodeColumnAndTheStagesRoom(FxRobot robot)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PythonProgramRunTest.pythonRuns(), "python3 is not installed");
        Path program = java.nio.file.Files.writeString(home.resolve("hello.py"), "print('hello')\n");
        Path naps = JvmThreadsShownTest.recordNaps(home.resolve("naps.jfr"));
        javafx.scene.control.Label title = robot.lookup("#code-title").queryAs(javafx.scene.control.Label.class);
        assertFalse(onFx(() -> window.stageFocusProperty().get()));

        openAndAwait(naps, "trace naps.jfr: ");
        assertEquals(List.of(true, "# naps.jfr"), onFx(() -> List.of(window.stageFocusProperty().get(),
                window.codeView().getItems().get(0).text())), "the recording takes the stage's room");

        openAndAwait(program, "exited 0");
        assertEquals(List.of(true, true, "print('hello')"), onFx(() -> List.of(window.stageFocusProperty().get(),
                title.getText().startsWith("hello.py"), window.codeView().getItems().get(0).text())),
                "a program opened after the recording keeps the room the recording took");

        openAndAwait(naps, "trace naps.jfr: ");
        assertEquals(List.of(true, "Java program \u2014 recorded with the Flight Recorder", "# naps.jfr"),
                onFx(() -> List.of(title.isVisible(), title.getText(), window.codeView().getItems().get(0).text())),
                "the program's leaving does not put the scenario's Python beside the recording's lanes");
    }

    private void openAndAwait(Path file, String statusStart) throws Exception {
        onFx(() -> {
            window.openFile(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() ->
                String.valueOf(window.runStatusProperty().get()).startsWith(statusStart)));
    }

    private List<String> laneNames() {
        return wiring.stage().store().lanes().stream().map(io.threadstage.trace.TraceStore.Lane::name).toList();
    }

    @Test
    void aBadTraceIsNamedAndTheScenarioStays(FxRobot robot) throws Exception {
        Scenario lesson = lesson("producer-consumer");
        open(lesson);
        Path bad = home.resolve("bad.jsonl");
        java.nio.file.Files.writeString(bad, "{\"ev\": \"header\"}\nnot json\n");
        onFx(() -> {
            wiring.openTrace(bad);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#status-run").queryAs(Label.class).getText();
        assertTrue(status.startsWith("cannot open the trace: ") && status.contains("bad.jsonl: line 1: "), status);
        assertEquals(lesson, onFx(() -> window.editor().getScenario()));
    }

    @Test
    void theCodeViewMarksTheLineEachThreadIsOn() throws Exception {
        open(parse(LONG));
        onFx(() -> {
            window.pressRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.codeView().threadMarks().values()
                .stream().flatMap(List::stream).map(CodeView.ThreadMark::thread).toList().contains("Sleeper")));
        java.util.Map<Integer, List<CodeView.ThreadMark>> marks = onFx(() -> window.codeView().threadMarks());
        int sleeperLine = marks.entrySet().stream().filter(e -> e.getValue().stream()
                .anyMatch(m -> m.thread().equals("Sleeper"))).findFirst().orElseThrow().getKey();
        String text = onFx(() -> window.codeView().getItems().get(sleeperLine - 1).text());
        assertEquals("time.sleep(60)", text.strip());
        onFx(() -> {
            wiring.controller().stop();
            return null;
        });
        assertTrue(wiring.controller().currentRun().orElseThrow().awaitEnd(Duration.ofSeconds(2)));
    }
}
