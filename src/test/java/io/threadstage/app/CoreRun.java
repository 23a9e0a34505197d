package io.threadstage.app;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonGenerator;
import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario run in-process on the core, as {@code threadstage run} runs it: prints and
 * exception reports captured line by line, the outcome mapped to the command's exit code
 * (0 completed, 1 main raised, or SystemExit's status, 130 for KeyboardInterrupt; 3 deadlock, 4 timed out).
 */
record CoreRun(int exitCode, List<String> stdout, List<String> stderr, RunResult result) {

    static CoreRun of(Scenario scenario, Duration limit) {
        RunOptions options = RunOptions.defaults()
                .withStepLines(new PythonGenerator().generate(scenario).stepLines());
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        if (!run.awaitEnd(limit)) {
            run.stop();
            run.awaitEnd(Duration.ofSeconds(5));
            return new CoreRun(4, printed(recorder), lines(reports(recorder)), run.result().orElse(null));
        }
        RunResult result = run.result().orElseThrow();
        int exit;
        if (result.outcome() == Outcome.DEADLOCK) {
            exit = 3;
        } else if (result.outcome() != Outcome.COMPLETED) {
            exit = 4;
        } else {
            exit = result.exitStatus();
        }
        return new CoreRun(exit, printed(recorder), lines(reports(recorder)), result);
    }

    /** The run's stdout: its print events, as the console shows them. */
    private static List<String> printed(TraceRecorder recorder) {
        List<String> out = new ArrayList<>();
        for (TraceEvent event : recorder.events()) {
            if (event instanceof TraceEvent.Print print) {
                out.add(print.text());
            }
        }
        return out;
    }

    /** The run's stderr: its error reports. */
    private static List<String> reports(TraceRecorder recorder) {
        List<String> err = new ArrayList<>();
        for (TraceEvent event : recorder.events()) {
            if (event instanceof TraceEvent.ErrorReport report) {
                err.add(report.text());
            }
        }
        return err;
    }

    /** Reports may hold several lines each. */
    private static List<String> lines(List<String> reports) {
        List<String> lines = new ArrayList<>();
        for (String report : reports) {
            lines.addAll(report.lines().toList());
        }
        return lines;
    }
}
