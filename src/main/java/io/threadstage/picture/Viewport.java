package io.threadstage.picture;

/**
 * The time window the stage shows, {@code [startNanos, endNanos)}, and whether it follows the
 * present. Zoom and pan stop the following; {@link #follow()} resumes it. Owned by the FX thread
 * (or the thread drawing a picture).
 */
public final class Viewport {

    /** The narrowest window: a few microseconds is below anything a lesson shows. */
    public static final long MIN_SPAN_NANOS = 2_000;
    /** While following, the window shows the whole run until it is this long, then slides. */
    public static final long FOLLOW_WINDOW_NANOS = 20_000_000_000L;
    /** The smallest window while following, so a run's first instants are not stretched. */
    public static final long FOLLOW_MIN_NANOS = 1_000_000_000L;

    private long startNanos;
    private long endNanos = FOLLOW_MIN_NANOS;
    private boolean following = true;

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    public long spanNanos() {
        return endNanos - startNanos;
    }

    public boolean following() {
        return following;
    }

    /** Resumes following the present. */
    public void follow() {
        following = true;
    }

    /** Stops following without moving (the user took over). */
    public void takeOver() {
        following = false;
    }

    /** While following: puts {@code presentNanos} at the right edge. */
    public void present(long runStartNanos, long presentNanos) {
        long span = presentNanos - runStartNanos;
        if (span <= FOLLOW_WINDOW_NANOS) {
            startNanos = runStartNanos;
            endNanos = runStartNanos + Math.max(FOLLOW_MIN_NANOS, span);
        } else {
            startNanos = presentNanos - FOLLOW_WINDOW_NANOS;
            endNanos = presentNanos;
        }
    }

    /** Shows {@code [from, to]} with a small margin at the right, so the last change is visible. */
    public void fit(long from, long to) {
        long span = Math.max(MIN_SPAN_NANOS, to - from);
        set(from, from + span + span / 50);
    }

    public void set(long from, long to) {
        startNanos = from;
        endNanos = Math.max(to, from + MIN_SPAN_NANOS);
    }

    /** Zooms by {@code factor} (> 1 zooms in) keeping the instant at {@code anchor} (0 left, 1 right) in place. */
    public void zoom(double factor, double anchor) {
        following = false;
        long span = spanNanos();
        long newSpan = Math.max(MIN_SPAN_NANOS, (long) (span / factor));
        long anchorNanos = startNanos + (long) (span * anchor);
        long from = anchorNanos - (long) (newSpan * anchor);
        set(from, from + newSpan);
    }

    /** Moves the window by {@code fraction} of its width (positive: later). */
    public void pan(double fraction) {
        following = false;
        long shift = (long) (spanNanos() * fraction);
        set(startNanos + shift, endNanos + shift);
    }
}
