package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.RunResult;
import io.threadstage.core.RunStatus;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonGenerator;
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
import io.threadstage.ui.stage.StageMode;
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
class RunViewModelTest {

    /** File work's results come back on the test's thread, at the next {@link #pulseUntilEnded} or {@link #awaitFiles}. */
    private final java.util.concurrent.BlockingQueue<Runnable> handedBack = new java.util.concurrent.LinkedBlockingQueue<>();
    private final FileWork files = new FileWork(handedBack::add);
    private final RunViewModel controller = new RunViewModel(files);
    private final List<ConsoleLine> console = controller.consoleLines();
    private final List<StageMode> modes = new ArrayList<>();

    {
        controller.stageModeProperty().addListener((obs, was, now) -> modes.add(now));
    }

    /** Runs the next result handed back by the file thread, as the FX thread would. */
    private void awaitFiles() throws InterruptedException {
        Runnable next = handedBack.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "the file work came back");
        next.run();
    }

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
        controller.run(parse(PRINTS), 4);
        assertEquals(1, modes.size());
        StageMode.Live live = (StageMode.Live) modes.get(0);
        assertSame(controller.store(), live.store(), "the stage shows the store the pulse fills");
        assertTrue(controller.runningProperty().get());
        assertEquals("running", controller.statusProperty().get());
        pulseUntilEnded();
        assertEquals(Outcome.COMPLETED, live.store().outcome(), "one read fed the stage's store too");
        assertTrue(live.store().laneCount() >= 2);
        assertEquals("hello from W", console.get(0).text());
        assertFalse(console.get(0).error());
        assertTrue(console.get(1).text().startsWith("Exception in thread W"), console.get(1).text());
        assertTrue(console.get(1).error());
        ConsoleLine last = console.get(console.size() - 1);
        assertEquals(new ConsoleLine("main done", false), last);
        assertTrue(console.stream().anyMatch(line -> line.error() && line.text().equals("ValueError: boom")), console.toString());
        assertTrue(controller.statusProperty().get().matches("completed after \\d+\\.\\d s"), controller.statusProperty().get());
        assertTrue(controller.hasFinishedRun());
        assertEquals(Map.of(), controller.threadMarksProperty().get(), "no thread is on a line once the run is over");
    }

    /** The editor's Python, written once per edit, is the run's: Run does not write it again on the FX thread. */
    @Test
    void aRunTakesThePythonItIsGivenAndTracebacksNameItsLines() throws Exception {
        io.threadstage.model.Scenario scenario = parse(PRINTS);
        io.threadstage.io.PythonSource python = new io.threadstage.io.PythonGenerator().generate(scenario);
        controller.run(scenario, python, 4);
        assertSame(python, controller.runPython());
        pulseUntilEnded();
        assertTrue(console.stream().anyMatch(line -> line.text().matches("  File \".*\", line \\d+, in .*")), console.toString());
        controller.run(scenario, null, 4);
        assertEquals(null, controller.runPython());
        pulseUntilEnded();
    }

    @Test
    void startingAgainStopsThePreviousRunAndDropsItsLateOutput() throws Exception {
        controller.run(parse(SLEEPS), 1);
        ScenarioRun first = controller.currentRun().orElseThrow();
        TraceRecorder firstRecorder = controller.recorder().orElseThrow();
        controller.run(parse(PRINTS), 4);
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
        controller.run(parse(SLEEPS), 1);
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

    private static final String LOOPS = """
            {"format": "threadstage/1", "title": "Loops",
             "main": [{"repeat": 10000, "do": [{"sleep": 2}]}]}
            """;

    @Test
    void stepWhilePausedRunsOneStepOfAHeldThread() throws Exception {
        controller.run(parse(LOOPS), 1);
        ScenarioRun run = controller.currentRun().orElseThrow();
        TraceRecorder recorder = controller.recorder().orElseThrow();
        controller.step();
        org.testfx.util.WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> recorder.events().stream().anyMatch(e -> e instanceof TraceEvent.StepBegin));
        assertTrue(recorder.events().stream().noneMatch(e -> e instanceof TraceEvent.Marker),
                "no step while the run goes on");
        controller.pause(true);
        org.testfx.util.WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heldOnPause(recorder.events()));
        long before = recorder.events().stream().filter(e -> e instanceof TraceEvent.StepBegin).count();
        controller.step();
        org.testfx.util.WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            List<TraceEvent> events = recorder.events();
            return heldOnPause(events) && events.stream().filter(e -> e instanceof TraceEvent.StepBegin).count() > before;
        });
        assertEquals(before + 1, recorder.events().stream().filter(e -> e instanceof TraceEvent.StepBegin).count());
        controller.stop();
        assertTrue(run.awaitEnd(Duration.ofSeconds(1)));
    }

    private static boolean heldOnPause(List<TraceEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof TraceEvent.State state && state.tid() == 0) {
                return state.state() == ThreadState.WAITING && state.reason() == Reason.PAUSED;
            }
        }
        return false;
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
    void replayIsRefusedWhileRunningAndShowsTheFinishedRunAgainAfterwards() throws Exception {
        controller.replay(0.5);
        assertTrue(modes.isEmpty(), "nothing to replay before a run");
        controller.run(parse(PRINTS), 4);
        controller.replay(0.5);
        assertEquals(1, modes.size(), "no replay while the run goes on");
        pulseUntilEnded();
        controller.replay(0.5);
        assertEquals(0.5, ((StageMode.Replay) modes.get(modes.size() - 1)).factor());
    }

    @Test
    void aReplayTheStageEndsByItselfIsTheModelsModeTooAndNothingElseIsTaken() throws Exception {
        controller.run(parse(PRINTS), 4);
        StageMode live = controller.stageModeProperty().get();
        controller.stageShows(new StageMode.WholeRun(null));
        assertSame(live, controller.stageModeProperty().get(), "a live run is not ended by the stage");
        pulseUntilEnded();
        controller.replay(1);
        StageMode.WholeRun ended = new StageMode.WholeRun(null);
        controller.stageShows(ended);
        assertSame(ended, controller.stageModeProperty().get());
        controller.stageShows(StageMode.Replay.from(2));
        assertSame(ended, controller.stageModeProperty().get(), "only a replay ends by itself");
    }

    @Test
    void openingATraceReadsItOnTheFileThreadAndShowsItWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        controller.run(parse(PRINTS), 4);
        pulseUntilEnded();
        java.nio.file.Path saved = dir.resolve("run.jsonl");
        TraceFiles.saveJsonl(controller.recorder().orElseThrow(), saved);
        controller.openTrace(saved);
        assertEquals("opening run.jsonl", controller.statusProperty().get());
        awaitFiles();
        StageMode.WholeRun whole = (StageMode.WholeRun) modes.get(modes.size() - 1);
        assertEquals(whole.store().laneCount() + " threads", controller.statusProperty().get().replace("trace run.jsonl: ", ""));
        assertEquals("Prints", controller.openedTitleProperty().get());

        controller.openTrace(dir.resolve("missing.jsonl"));
        awaitFiles();
        assertEquals("Cannot open the trace", controller.complaintProperty().get().header());
        assertSame(whole, modes.get(modes.size() - 1), "a bad file leaves the stage as it was");
    }

    @Test
    void saveAndExportWriteTheOpenedRecordingNotTheRunBeforeItAndNeverOverTheFileShown(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        controller.run(parse(PRINTS), 4);
        pulseUntilEnded();
        java.nio.file.Path naps = JvmThreadsShownTest.recordNaps(dir.resolve("naps.jfr"));
        controller.openTrace(naps);
        awaitFiles();
        assertTrue(controller.wholeTraceShown());

        java.nio.file.Path saved = dir.resolve("naps.jsonl");
        controller.saveTrace(saved);
        awaitFiles();
        assertEquals("trace written to naps.jsonl", controller.statusProperty().get());
        io.threadstage.io.TraceFile trace = new io.threadstage.io.TraceReader().read(saved);
        assertEquals("naps (Java)", trace.header().title());
        List<String> threads = trace.events().stream().filter(e -> e instanceof TraceEvent.ThreadInfo)
                .map(e -> ((TraceEvent.ThreadInfo) e).thread()).distinct().toList();
        assertTrue(threads.contains("Napper") && !threads.contains("W"), "the recording, not the run: " + threads);

        java.nio.file.Path chrome = dir.resolve("naps.json");
        controller.exportChrome(chrome);
        awaitFiles();
        assertEquals("Chrome trace written to naps.json", controller.statusProperty().get());
        assertTrue(java.nio.file.Files.readString(chrome).contains("\"Napper\""));

        byte[] recording = java.nio.file.Files.readAllBytes(naps);
        controller.saveTrace(naps);
        awaitFiles();
        assertEquals(new RunViewModel.Complaint("Cannot write the trace", naps + ": it is the file shown;"
                + " choose another name, so that it is not overwritten"), controller.complaintProperty().get());
        assertTrue(java.util.Arrays.equals(recording, java.nio.file.Files.readAllBytes(naps)), "nothing was written");
    }

    @Test
    void theConsoleShowsPrintsAndSplitsErrorReportsIntoLines() throws Exception {
        controller.run(parse(PRINTS), 4);
        pulseUntilEnded();
        List<ConsoleLine> reportLines = console.stream().filter(ConsoleLine::error).toList();
        assertEquals("Exception in thread W:", reportLines.get(0).text());
        assertEquals(new ConsoleLine("ValueError: boom", true), reportLines.get(reportLines.size() - 1));
    }

    @Test
    void equalStepsOfTwoWorkersMarkTheirOwnLines() throws Exception {
        Scenario twins = parse("""
                {"format": "threadstage/1", "title": "Twins",
                 "workers": [{"name": "A", "style": "target", "function": "a", "steps": [{"compute": 200}]},
                             {"name": "B", "style": "target", "function": "b", "steps": [{"compute": 200}]}],
                 "main": [{"start": "A"}, {"start": "B"}]}
                """);
        PythonSource source = new PythonGenerator().generate(twins);
        StepIndex index = source.steps();
        TraceRecorder recorder = new TraceRecorder(new io.threadstage.trace.TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, true));
        recorder.thread(1, "A", io.threadstage.trace.ThreadStyle.TARGET, false, null, null);
        recorder.thread(2, "B", io.threadstage.trace.ThreadStyle.TARGET, false, null, null);
        recorder.step(1, index.worker(0).get(0));
        recorder.step(2, index.worker(1).get(0));
        ThreadLines lines = new ThreadLines();
        recorder.read(0, 100, lines::accept);

        Map<Integer, List<CodeView.ThreadMark>> marks = lines.lines(source);
        List<String> text = source.text().lines().toList();
        assertEquals(2, marks.size(), "one line each: " + marks);
        marks.forEach((line, threads) -> assertEquals("    compute(200)", text.get(line - 1)));
        int lineOfA = source.lineOf(index.worker(0).get(0)).getAsInt();
        int lineOfB = source.lineOf(index.worker(1).get(0)).getAsInt();
        assertNotEquals(lineOfA, lineOfB);
        assertEquals(Map.of(lineOfA, List.of(new CodeView.ThreadMark(1, "A")),
                lineOfB, List.of(new CodeView.ThreadMark(2, "B"))), marks);
    }

    @Test
    void threadLinesFollowTheLatestStepAndForgetTerminatedThreads() {
        ThreadLines lines = new ThreadLines();
        Scenario scenario = new Scenario("t", null, Settings.DEFAULT, List.of(), List.of(new Worker("W", null,
                WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false, List.of(new Step.Compute(1)))),
                List.of(new Step.Start("W")), Map.of());
        // ids in document order: the worker's step is 0, main's is 1
        PythonSource source = new PythonSource("x\ny\nz\n", StepIndex.of(scenario), Map.of(1, 2, 0, 3));
        TraceRecorder recorder = new TraceRecorder(new io.threadstage.trace.TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, true));
        recorder.thread(0, "MainThread", io.threadstage.trace.ThreadStyle.MAIN, false, 1L, 1L);
        recorder.thread(1, "W", io.threadstage.trace.ThreadStyle.TARGET, false, null, null);
        recorder.thread(2, "V", io.threadstage.trace.ThreadStyle.TARGET, false, null, null);
        recorder.step(0, 1);
        recorder.step(1, 0);
        recorder.step(2, 0);
        long next = recorder.read(0, 100, lines::accept);
        assertTrue(lines.takeChanged());
        assertFalse(lines.takeChanged());
        assertEquals(Map.of(2, List.of(new CodeView.ThreadMark(0, "MainThread")),
                3, List.of(new CodeView.ThreadMark(1, "W"), new CodeView.ThreadMark(2, "V"))), lines.lines(source));
        recorder.state(1, ThreadState.TERMINATED, Reason.RETURNED, null);
        next = recorder.read(next, 100, lines::accept);
        assertTrue(lines.takeChanged());
        assertEquals(Map.of(2, List.of(new CodeView.ThreadMark(0, "MainThread")),
                3, List.of(new CodeView.ThreadMark(2, "V"))), lines.lines(source));
        recorder.end(Outcome.COMPLETED, null);
        recorder.read(next, 100, lines::accept);
        assertEquals(Map.of(), lines.lines(source));
    }
}
