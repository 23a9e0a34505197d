package io.threadstage.ui.run;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunToEnd;
import io.threadstage.io.PythonGenerator;
import io.threadstage.model.Scenario;
import io.threadstage.picture.ComparedRun;
import io.threadstage.picture.RunComparison;
import io.threadstage.pytrace.PythonLaunch;
import io.threadstage.pytrace.PythonRunToEnd;
import io.threadstage.pytrace.PythonTraceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Compare action's view model, with no {@code Node}: runs two finished runs one after the
 * other on a thread of its own ({@code threadstage-compare}: a comparison waits for its runs, which
 * the FX thread must never do) and hands the {@link RunComparison} to the FX thread once. The
 * window's own run is left alone. Owned by the FX thread; results come through {@code fxThread}.
 */
public final class CompareRuns {

    /** A run that has not ended by then is stopped: a comparison is of runs that end. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    /** What the twin's lower half is called. */
    public static final String CPYTHON_LABEL = "CPython";
    public static final String EMULATED_LABEL = "emulated";

    private final Executor fxThread;
    private String python = PythonLaunch.DEFAULT_PYTHON;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "threadstage-compare");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<String> failure = new SimpleObjectProperty<>(this, "failure");

    /** @param fxThread where results go: {@code Platform::runLater} in the window */
    public CompareRuns(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** The open scenario with its GIL on (above), then free-threaded (below). */
    public void compareGil(Scenario scenario) {
        compare(scenario, "GIL", RunOptions.defaults().withGil(true), scenario, "free-threaded",
                RunOptions.defaults().withGil(false));
    }

    /**
     * The twin view: the open scenario on our core (above), then its generated Python run on the
     * machine's CPython, traced (below), so the two can be read on one time axis.
     */
    public void compareWithCPython(Scenario scenario) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        summary.set("comparing: running " + EMULATED_LABEL + ", then the generated Python on " + python + "\u2026");
        String interpreter = python;
        worker.execute(() -> {
            Path program = null;
            try {
                ComparedRun emulated = new ComparedRun(EMULATED_LABEL, RunToEnd.store(scenario,
                        RunOptions.defaults(), RUN_LIMIT));
                program = Files.createTempFile("threadstage-twin-", ".py");
                Files.writeString(program, new PythonGenerator().generate(scenario).text(), StandardCharsets.UTF_8);
                ComparedRun real = new ComparedRun(CPYTHON_LABEL, PythonRunToEnd.store(interpreter, program,
                        RUN_LIMIT));
                RunComparison result = new RunComparison(emulated, real);
                fxThread.execute(() -> show(result));
            } catch (PythonTraceException | IOException | RuntimeException failed) {
                fxThread.execute(() -> fail(failed));
            } finally {
                deleteQuietly(program);
            }
        });
    }

    /** The interpreter "Run on CPython" uses ({@code python3} on the PATH unless set). */
    public void setPython(String python) {
        this.python = python;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the comparison is what matters
        }
    }

    /** Two scenarios as their files say, labelled as given. */
    public void compare(Scenario upper, String upperLabel, Scenario lower, String lowerLabel) {
        compare(upper, upperLabel, RunOptions.defaults(), lower, lowerLabel, RunOptions.defaults());
    }

    private void compare(Scenario upper, String upperLabel, RunOptions upperOptions, Scenario lower, String lowerLabel,
                         RunOptions lowerOptions) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        summary.set("comparing: running " + upperLabel + ", then " + lowerLabel + "\u2026");
        worker.execute(() -> {
            try {
                // one after the other, so neither run's threads compete with the other's for the cores
                ComparedRun first = new ComparedRun(upperLabel, RunToEnd.store(upper, upperOptions, RUN_LIMIT));
                ComparedRun second = new ComparedRun(lowerLabel, RunToEnd.store(lower, lowerOptions, RUN_LIMIT));
                RunComparison result = new RunComparison(first, second);
                fxThread.execute(() -> show(result));
            } catch (RuntimeException failed) {
                fxThread.execute(() -> fail(failed));
            }
        });
    }

    private void show(RunComparison result) {
        comparison.set(result);
        summary.set(result.summary());
        busy.set(false);
    }

    private void fail(Exception failed) {
        summary.set("");
        failure.set("cannot compare: " + failed.getMessage());
        busy.set(false);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What went wrong with the last comparison, or null. */
    public ObjectProperty<String> failureProperty() {
        return failure;
    }
}
