package io.threadstage.bench;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lesson the GIL emulation must show: N threads of {@code compute MS} each, started and
 * joined by MainThread, timed from start to the end line. With the GIL the run takes about the
 * sum of the computes (N x MS), whatever the cores; without it, about the sum divided by
 * min(cores, N). One run per invocation (single shot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class GilBench {

    @Param({"true", "false"})
    public boolean gil;

    @Param({"4"})
    public int threads;

    @Param({"500"})
    public int computeMs;

    private Scenario scenario;

    @Setup
    public void buildScenario() {
        List<Worker> workers = new ArrayList<>();
        List<Step> main = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker("Cruncher-" + i, null, WorkerStyle.TARGET, "crunch", null, List.of(), List.of(),
                    Map.of(), false, List.of(new Step.Compute(computeMs))));
            main.add(new Step.Start("Cruncher-" + i));
        }
        for (int i = 0; i < threads; i++) {
            main.add(new Step.Join("Cruncher-" + i, null));
        }
        scenario = new Scenario("gil bench", null, Settings.DEFAULT, List.of(), workers, main, Map.of());
    }

    @Benchmark
    public RunResult run() {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("gil bench", "2026-11-25T21:00:00Z", 1.0, gil));
        ScenarioRun run = ScenarioRun.start(scenario, RunOptions.defaults().withGil(gil), recorder);
        if (!run.awaitEnd(Duration.ofMinutes(1))) {
            run.stop();
            throw new IllegalStateException("run did not end within a minute");
        }
        RunResult result = run.result().orElseThrow();
        if (result.outcome() != Outcome.COMPLETED) {
            throw new IllegalStateException("run ended " + result);
        }
        return result;
    }
}
