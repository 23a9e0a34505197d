package io.threadstage.picture;

import java.util.Locale;

/**
 * Two runs of one question on one time scale, one above the other: their durations and how many
 * times longer the slower took ("free-threaded: 0.61 s, GIL: 1.20 s, 1.97x"), and each stage's
 * viewport so a pixel column stands for the same time in both. Pure; the thread that owns the
 * stores.
 */
public final class RunComparison {

    private final ComparedRun upper;
    private final ComparedRun lower;

    public RunComparison(ComparedRun upper, ComparedRun lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public ComparedRun upper() {
        return upper;
    }

    public ComparedRun lower() {
        return lower;
    }

    /** The faster run first, then the slower, then how many times longer the slower took. */
    public String summary() {
        ComparedRun faster = upper.durationNanos() <= lower.durationNanos() ? upper : lower;
        ComparedRun slower = faster == upper ? lower : upper;
        return faster.label() + ": " + seconds(faster.durationNanos()) + ", " + slower.label() + ": "
                + seconds(slower.durationNanos()) + ", " + ratio(slower.durationNanos(), faster.durationNanos());
    }

    /** A stage's title: its label and its duration, so each half reads on its own ("GIL: 1.20 s"). */
    public static String title(ComparedRun run) {
        return run.label() + ": " + seconds(run.durationNanos());
    }

    /**
     * One scale for both stages: nanoseconds per pixel column such that the longer run fits its
     * plot, whichever of the two plots is narrower (lane names can differ between two scenarios).
     */
    public double nanosPerColumn(int upperColumns, int lowerColumns) {
        long longest = Math.max(Math.max(upper.durationNanos(), lower.durationNanos()), Viewport.MIN_SPAN_NANOS);
        // the same 2% margin at the right as a fitted stage has
        double span = longest + longest / 50.0;
        return span / Math.max(1, Math.min(upperColumns, lowerColumns));
    }

    /** Sets {@code viewport} to show {@code run} from its start at {@code nanosPerColumn} over {@code columns}. */
    public static void scale(Viewport viewport, ComparedRun run, double nanosPerColumn, int columns) {
        long start = run.store().startNanos();
        viewport.takeOver();
        viewport.set(start, start + Math.max(Viewport.MIN_SPAN_NANOS, Math.round(nanosPerColumn * columns)));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String ratio(long slower, long faster) {
        return faster <= 0 ? "\u2013" : String.format(Locale.ROOT, "%.2fx", (double) slower / faster);
    }
}
