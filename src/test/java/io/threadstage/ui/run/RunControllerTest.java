package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonSource;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.StepIndex;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.ui.editor.CodeView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The controller's logic without a window: the test thread plays the FX thread and pulses by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunControllerTest {

    private final List<TraceRecorder> shown = new ArrayList<>();
    private final List<ConsoleLine> console = new ArrayList<>();
    private final List<Map<Integer, List<CodeView.ThreadMark>>> marks = new ArrayList<>();
    private final RunController controller = new RunController(shown::add, console::addAll, marks::add);

    private static Scenario parse(String json) throws Exception {
        return new ScenarioLoader().parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String PRINTS = """
            {"format": "threadstage/1", "title": "Prints",
             "workers": [{"name": "W", "style": "target", "function": "work",
                          "steps": [{"print": "hello from {thread}"}, {"raise": "ValueError", "message": "boom"}]}],
             "main": [{"start": "W"}, {"join": "W"}, {"print": "main done"}]}
            """;

    private static final String SLEEPS = """
            {"format": "threadstage/1", "title": "Sleeps",
             "workers": [{"name": "S", "style": "target", "function": "doze", "steps": [{"sleep": 60000}]}],
             "main": [{"start": "S"}, {"join": "S"}]}
            """;

    /** Pulses (as the FX thread would, once a frame) until the run has ended, at most 30 s. */
    private void pulseUntilEnded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (controller.isRunning() && System.nanoTime() < deadline) {
            controller.pulse();
            Thread.sleep(16); // one frame: this stands in for the FX pulse, not for a condition
        }
        assertFalse(controller.isRunning(), "the run ended");
    }

    @Test
    void aRunShowsItsRecorderFeedsTheConsoleAndSaysHowItEnded() throws Exception {
        controller.start(parse(PRINTS), 4);
        assertEquals(1, shown.size());
        assertTrue(controller.runningProperty().get());
        assertEquals("running", controller.statusProperty().get());
        int[] ends = {0};
        controller.setOnEnd(() -> ends[0]++);
        pulseUntilEnded();
        assertEquals(1, ends[0]);
        assertEquals("hello from W", console.get(0).text());
        assertFalse(console.get(0).error());
        assertTrue(console.get(1).text().startsWith("Exception in thread W"), console.get(1).text());
        assertTrue(console.get(1).error());
        ConsoleLine last = console.get(console.size() - 1);
        assertEquals(new ConsoleLine("main done", false), last);
        assertTrue(console.stream().anyMatch(line -> line.error() && line.text().equals("ValueError: boom")), console.toString());
        assertTrue(controller.statusProperty().get().matches("completed after \\d+\\.\\d s"), controller.statusProperty().get());
        assertTrue(controller.hasFinishedRun());
        assertEquals(Map.of(), marks.get(marks.size() - 1), "no thread is on a line once the run is over");
    }

    @Test
    void startingAgainStopsThePreviousRunAndDropsItsLateOutput() throws Exception {
        controller.start(parse(SLEEPS), 1);
        ScenarioRun first = controller.currentRun().orElseThrow();
        TraceRecorder firstRecorder = controller.recorder().orElseThrow();
        controller.start(parse(PRINTS), 4);
        ScenarioRun second = controller.currentRun().orElseThrow();
        assertNotSame(first, second);
        assertNotSame(firstRecorder, controller.recorder().orElseThrow());
        assertTrue(first.awaitEnd(Duration.ofSeconds(1)), "the first run's threads are gone within a second");
        assertEquals(Outcome.STOPPED, first.result().orElseThrow().outcome());
        pulseUntilEnded();
        assertSame(second, controller.currentRun().orElseThrow());
        assertEquals("hello from W", console.get(0).text(), "nothing of the first run in the console");
    }

    @Test
    void stopAndPauseAreForwardedAndTheEndIsStopped() throws Exception {
        controller.start(parse(SLEEPS), 1);
        ScenarioRun run = controller.currentRun().orElseThrow();
        controller.pause(true);
        assertEquals("paused", controller.statusProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, run::isPaused);
        controller.pause(false);
        assertEquals("running", controller.statusProperty().get());
        controller.stop();
        assertEquals("stopping", controller.statusProperty().get());
        assertTrue(run.awaitEnd(Duration.ofSeconds(1)));
        pulseUntilEnded();
        assertEquals("stopped", controller.statusProperty().get());
        assertTrue(controller.recorder().orElseThrow().events().stream()
                .anyMatch(e -> e instanceof TraceEvent.Marker m && m.text().startsWith("paused")), "the pause is in the trace");
    }

    @Test
    void statusWords() {
        assertEquals("completed after 2.4 s", RunStatus.describe(new RunResult(Outcome.COMPLETED, null, null, false), 2_449_000_000L));
        assertEquals("completed after 0.1 s (the main thread raised)",
                RunStatus.describe(new RunResult(Outcome.COMPLETED, null, null, true), 100_000_000L));
        assertEquals("deadlock: MainThread waits for Worker-1 (join)", RunStatus.describe(
                new RunResult(Outcome.DEADLOCK, "deadlock", "MainThread waits for Worker-1 (join)", false), 5));
        assertEquals("stopped", RunStatus.describe(new RunResult(Outcome.STOPPED, "stopped", null, false), 5));
        assertEquals("error: too many threads", RunStatus.describe(new RunResult(Outcome.ERROR, "too many threads", null, false), 5));
    }

    @Test
    void consoleFeedSplitsReportsAndDrainsInOrderUpToTheLimit() {
        ConsoleFeed feed = new ConsoleFeed();
        feed.out("a");
        feed.err("Traceback:\n  line 3\nValueError: x");
        feed.out("b");
        List<ConsoleLine> got = new ArrayList<>();
        assertEquals(3, feed.drain(3, got::add));
        assertEquals(List.of(new ConsoleLine("a", false), new ConsoleLine("Traceback:", true),
                new ConsoleLine("  line 3", true)), got);
        got.clear();
        assertEquals(2, feed.drain(10, got::add));
        assertEquals(List.of(new ConsoleLine("ValueError: x", true), new ConsoleLine("b", false)), got);
    }

    @Test
    void threadLinesFollowTheLatestStepAndForgetTerminatedThreads() {
        ThreadLines lines = new ThreadLines();
        Scenario scenario = new Scenario("t", null, Settings.DEFAULT, List.of(), List.of(new Worker("W", null,
                WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false, List.of(new Step.Compute(1)))),
                List.of(new Step.Start("W")), Map.of());
        // ids in document order: the worker's step is 0, main's is 1
        PythonSource source = new PythonSource("x\ny\nz\n", StepIndex.of(scenario), Map.of(1, 2, 0, 3));
        lines.accept(new TraceEvent.ThreadInfo(0, 0, 0, "MainThread", "main", false, 1L, 1L));
        lines.accept(new TraceEvent.StepBegin(1, 1, 0, "MainThread", "$.main[0]"));
        lines.accept(new TraceEvent.StepBegin(2, 2, 1, "W", "$.workers[0].steps[0]"));
        lines.accept(new TraceEvent.StepBegin(3, 3, 2, "V", "$.workers[0].steps[0]"));
        assertTrue(lines.takeChanged());
        assertFalse(lines.takeChanged());
        assertEquals(Map.of(2, List.of(new CodeView.ThreadMark(0, "MainThread")),
                3, List.of(new CodeView.ThreadMark(1, "W"), new CodeView.ThreadMark(2, "V"))), lines.lines(source));
        lines.accept(new TraceEvent.State(4, 4, 1, "W", ThreadState.TERMINATED, Reason.RETURNED, null));
        assertTrue(lines.takeChanged());
        assertEquals(Map.of(2, List.of(new CodeView.ThreadMark(0, "MainThread")),
                3, List.of(new CodeView.ThreadMark(2, "V"))), lines.lines(source));
        lines.accept(new TraceEvent.End(5, 5, Outcome.COMPLETED, null));
        assertEquals(Map.of(), lines.lines(source));
    }
}
