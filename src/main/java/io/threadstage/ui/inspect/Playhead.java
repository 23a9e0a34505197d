package io.threadstage.ui.inspect;

import io.threadstage.ui.stage.StageMode;

/**
 * Where a replay stands and how it moves, as the stage modes that say so: playing from an
 * instant is a {@link StageMode.Replay} whose start is set back by the time already played; a
 * paused replay or a scrubbed instant is a {@link StageMode.Still}. No toolkit; any thread.
 */
final class Playhead {

    private Playhead() {
    }

    /** Whether {@code mode} plays (its present moves by itself). */
    static boolean playing(StageMode mode) {
        return mode instanceof StageMode.Replay;
    }

    /** The replay speed {@code mode} uses, or {@code fallback} for a mode without one. */
    static double factor(StageMode mode, double fallback) {
        if (mode instanceof StageMode.Replay replay) {
            return replay.factor();
        }
        if (mode instanceof StageMode.Still still) {
            return still.factor();
        }
        return fallback;
    }

    /**
     * A replay at {@code factor} whose present is {@code atNanos} at wall time {@code wallNanos}
     * and moves on from there; from the start when {@code atNanos} is at or past the end.
     */
    static StageMode.Replay playFrom(long atNanos, long startNanos, long endNanos, double factor, long wallNanos) {
        long from = atNanos >= endNanos ? startNanos : Math.max(startNanos, atNanos);
        return new StageMode.Replay(factor, wallNanos - (long) ((from - startNanos) / factor));
    }

    /** The replay held at {@code atNanos}, clamped to the trace. */
    static StageMode.Still holdAt(long atNanos, long startNanos, long endNanos, double factor) {
        return new StageMode.Still(Math.max(startNanos, Math.min(atNanos, endNanos)), factor);
    }
}
