package io.threadstage.bench;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonGenerator;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.io.TraceWriter;
import io.threadstage.model.Scenario;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One cold {@code threadstage run FILE --trace OUT [--gil]}, done step by step as {@code RunCommand}
 * does it, with the time of each step: for {@link CPythonSpeedBench}, which starts it as a child
 * process to show where the process's time goes. Prints the program's output, then one line
 * {@code phases start=MS load=MS python=MS run=MS events=MS write=MS} on stderr; {@code start} is
 * from the parent's clock reading (its first argument, epoch ms) to {@code main}.
 *
 * <p>{@code java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.RunPhases
 * EPOCH_MS FILE OUT.jsonl gil|no-gil}. Owned by its main thread.
 */
public final class RunPhases {

    private RunPhases() {
    }

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long parentMillis = Long.parseLong(args[0]);
        Scenario scenario = new ScenarioLoader().load(Path.of(args[1]));
        long t1 = System.nanoTime();
        Map<Integer, Integer> stepLines = new PythonGenerator().generate(scenario).stepLines();
        long t2 = System.nanoTime();
        RunOptions options = new RunOptions(null, args[3].equals("gil"), RunOptions.DEFAULT_MAX_THREADS, stepLines);
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        if (!run.awaitEnd(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the run did not end within 10 minutes");
        }
        long t3 = System.nanoTime();
        System.out.flush();
        List<TraceEvent> events = recorder.events();
        // the program's output is the run's print and error-report events
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Print print) {
                System.out.println(print.text());
            } else if (event instanceof TraceEvent.ErrorReport report) {
                System.err.println(report.text());
            }
        }
        System.out.flush();
        long t4 = System.nanoTime();
        TraceWriter.write(Path.of(args[2]), recorder.header(), events);
        long t5 = System.nanoTime();
        System.err.printf("phases start=%d load=%.1f python=%.1f run=%.1f events=%.1f write=%.1f count=%d%n",
                mainMillis - parentMillis, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
                (t5 - t4) / 1e6, events.size());
        System.exit(0);
    }
}
