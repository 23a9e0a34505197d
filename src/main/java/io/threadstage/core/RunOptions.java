package io.threadstage.core;

import io.threadstage.model.Settings;
import java.util.Map;

/**
 * How to run a scenario, beside its own settings. Immutable; any thread.
 *
 * @param speed      overrides {@code settings.speed} when not null (0.05..20)
 * @param gil        overrides {@code settings.gil} when not null
 * @param maxThreads the most Python threads a run may start, MainThread and pool threads included
 * @param stepLines  1-based line of each step in the generated Python program (from the Python
 *                   generator), keyed by the step's id ({@code model.StepIndex}, which gives the
 *                   run the same ids), used for the traceback frame lines; may be empty
 */
public record RunOptions(Double speed, Boolean gil, int maxThreads, Map<Integer, Integer> stepLines) {

    public static final int DEFAULT_MAX_THREADS = 2000;

    public RunOptions {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1");
        }
        if (speed != null && !(speed >= 0.05 && speed <= 20)) {
            throw new IllegalArgumentException("speed must be within 0.05..20, not " + speed);
        }
        stepLines = stepLines == null ? Map.of() : Map.copyOf(stepLines);
    }

    /** The scenario's own settings, 2,000 threads at most. */
    public static RunOptions defaults() {
        return new RunOptions(null, null, DEFAULT_MAX_THREADS, Map.of());
    }

    public RunOptions withSpeed(Double factor) {
        return new RunOptions(factor, gil, maxThreads, stepLines);
    }

    public RunOptions withGil(Boolean on) {
        return new RunOptions(speed, on, maxThreads, stepLines);
    }

    public RunOptions withMaxThreads(int most) {
        return new RunOptions(speed, gil, most, stepLines);
    }

    public RunOptions withStepLines(Map<Integer, Integer> lines) {
        return new RunOptions(speed, gil, maxThreads, lines);
    }

    /** The speed this run uses: the override, else the scenario's. */
    public double effectiveSpeed(Settings settings) {
        return speed != null ? speed : settings.speed();
    }

    /** Whether this run emulates the GIL: the override, else the scenario's. */
    public boolean effectiveGil(Settings settings) {
        return gil != null ? gil : settings.gil();
    }
}
