package io.threadstage.ui.run;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonGenerator;
import io.threadstage.io.PythonSource;
import io.threadstage.model.Scenario;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.ui.editor.CodeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Owns at most one run at a time: starts it on a fresh recorder and console, pauses, resumes
 * and stops it without ever waiting for it, and on each {@link #pulse()} hands what the run
 * produced since the last pulse to the views (console lines, the lines each thread is on) and
 * notices its end. Starting a run stops the previous one first, and the previous one's late
 * output goes nowhere. Owned by the FX thread (or a test's thread, consistently).
 */
public final class RunController {

    /** Console lines handed over per pulse at most, so a flood never stalls a frame. */
    static final int CONSOLE_LINES_PER_PULSE = 2_000;
    /** Trace events read per pulse for the code marks; the stage drains the same recorder itself. */
    static final int EVENTS_PER_PULSE = 200_000;

    private final Consumer<TraceRecorder> showLive;
    private final Consumer<List<ConsoleLine>> console;
    private final Consumer<Map<Integer, List<CodeView.ThreadMark>>> codeMarks;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ThreadLines threadLines = new ThreadLines();

    private ScenarioRun run;
    private TraceRecorder recorder;
    private ConsoleFeed feed;
    private PythonSource source;
    private long readSeq;
    private TraceEvent.End end;
    private Runnable onEnd = () -> { };

    /**
     * @param showLive  puts a new run's recorder on the stage
     * @param console   receives each pulse's new console lines (the caller clears its pane when a run starts)
     * @param codeMarks receives the lines the threads are on whenever they moved
     */
    public RunController(Consumer<TraceRecorder> showLive, Consumer<List<ConsoleLine>> console,
                         Consumer<Map<Integer, List<CodeView.ThreadMark>>> codeMarks) {
        this.showLive = showLive;
        this.console = console;
        this.codeMarks = codeMarks;
    }

    /** Called once when a run ends (after the status says how). */
    public void setOnEnd(Runnable action) {
        onEnd = action == null ? () -> { } : action;
    }

    /** Stops whatever runs and starts {@code scenario} at {@code speed} times its settings' pace. */
    public void start(Scenario scenario, double speed) {
        stop();
        source = generate(scenario);
        feed = new ConsoleFeed();
        RunOptions options = new RunOptions(speed, null, feed, RunOptions.DEFAULT_MAX_THREADS,
                source == null ? Map.of() : source.stepLines());
        recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        readSeq = 0;
        end = null;
        threadLines.clear();
        codeMarks.accept(Map.of());
        run = ScenarioRun.start(scenario, options, recorder);
        showLive.accept(recorder);
        running.set(true);
        status.set("running");
    }

    public void pause(boolean paused) {
        if (isRunning()) {
            if (paused) {
                run.pause();
                status.set("paused");
            } else {
                run.resume();
                status.set("running");
            }
        }
    }

    /**
     * Asks the run to stop and returns at once; its threads end within a second and it ends as
     * {@code stopped}. From here on its late console lines are dropped, so nothing spills into
     * the next run.
     */
    public void stop() {
        if (isRunning()) {
            run.stop();
            status.set("stopping");
        }
    }

    /** Moves what the run produced since the last pulse to the views and notices its end. */
    public void pulse() {
        if (run == null) {
            return;
        }
        boolean finished = run.isFinished();
        if (feed != null) {
            List<ConsoleLine> batch = new ArrayList<>();
            feed.drain(CONSOLE_LINES_PER_PULSE, batch::add);
            if (!batch.isEmpty()) {
                console.accept(batch);
            }
        }
        readSeq = recorder.drain(readSeq, EVENTS_PER_PULSE, this::read);
        if (threadLines.takeChanged()) {
            codeMarks.accept(threadLines.lines(source));
        }
        if (finished && running.get() && end != null) {
            running.set(false);
            RunResult result = run.result().orElse(null);
            status.set(RunStatus.describe(result, end.t()));
            onEnd.run();
        }
    }

    private void read(TraceEvent event) {
        threadLines.accept(event);
        if (event instanceof TraceEvent.End ended) {
            end = ended;
        }
    }

    public boolean isRunning() {
        return run != null && running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** {@code running}, {@code paused}, then how the run ended: see {@link RunStatus}. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The current or last run (tests wait on it from their own thread). */
    public Optional<ScenarioRun> currentRun() {
        return Optional.ofNullable(run);
    }

    /** The recorder of the current or last run, for saving and exporting its trace. */
    public Optional<TraceRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    /** Whether the last run has ended (so its trace is whole). */
    public boolean hasFinishedRun() {
        return run != null && !running.get() && end != null;
    }

    private static PythonSource generate(Scenario scenario) {
        try {
            return new PythonGenerator().generate(scenario);
        } catch (RuntimeException notAvailable) {
            // a scenario the generator cannot write still runs; its tracebacks name no lines
            return null;
        }
    }
}
