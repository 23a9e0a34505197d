package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run nobody sees: it is a valid run that completes, it ends when cancelled, and it leaves no thread behind. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WarmUpTest {

    @Test
    void itsScenarioIsOneTheLoaderAcceptsAndTheCoreCompletes() throws Exception {
        Scenario scenario = new ScenarioLoader().parse("warm-up.json", WarmUp.scenarioJson(20));
        assertEquals(20, scenario.workers().size());
        RunOptions options = new RunOptions(10.0, null, RunOptions.DEFAULT_MAX_THREADS, Map.of());
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("warm-up", "2026-12-06T03:00:00Z", 10.0, true));
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        // the end, not isFinished: a run is over a moment before its end line is recorded
        assertTrue(run.awaitEnd(java.time.Duration.ofSeconds(60)), "the warm-up's scenario ends");
        TraceStore store = TraceStore.forRun(recorder);
        recorder.read(0, Integer.MAX_VALUE, store::append);
        assertEquals(Outcome.COMPLETED, store.outcome());
        assertEquals(21, store.laneCount());
    }

    @Test
    void warmsUpOnItsOwnThreadAndLeavesNoThreadOfItsRun() throws Exception {
        WarmUp warmUp = WarmUp.start();
        assertTrue(warmUp.awaitDone(90, TimeUnit.SECONDS), "the warm-up ends");
        assertNull(warmUp.failure());
        assertEquals(List.of(), runThreadsStillAlive(5_000));
    }

    @Test
    void aCancelledWarmUpEndsWithinASecondOrTwo() throws Exception {
        WarmUp warmUp = WarmUp.start();
        // let its run get going: threads started, some waiting, some computing
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runThreadsStillAlive(0).size() < 10 && !warmUp.awaitDone(0, TimeUnit.MILLISECONDS)
                && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        long asked = System.nanoTime();
        warmUp.cancel();
        assertTrue(warmUp.awaitDone(2, TimeUnit.SECONDS), "cancel ends the warm-up");
        assertNull(warmUp.failure());
        assertEquals(List.of(), runThreadsStillAlive(2_000 - (System.nanoTime() - asked) / 1_000_000));
    }

    @Test
    void aRunStartedWhileWarmingUpCancelsIt() throws Exception {
        RunViewModel runs = new RunViewModel(new FileWork(Runnable::run));
        runs.warmUp();
        WarmUp warmUp = runs.warmUpStarted().orElseThrow();
        runs.stop();
        assertTrue(warmUp.awaitDone(2, TimeUnit.SECONDS), "Stop (as every run's start does) ends the warm-up");
        runs.warmUp();
        assertEquals(warmUp, runs.warmUpStarted().orElseThrow(), "once only");
    }

    /** Names of the run threads (the core names them {@code threadstage NAME}) alive after waiting up to {@code millis} for them to end. */
    private static List<String> runThreadsStillAlive(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, millis) * 1_000_000L;
        while (true) {
            List<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("threadstage W") || name.equals("threadstage MainThread"))
                    .collect(Collectors.toList());
            if (alive.isEmpty() || System.nanoTime() >= deadline) {
                return alive;
            }
            Thread.sleep(10);
        }
    }
}
