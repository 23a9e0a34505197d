package io.threadstage.export;

/**
 * Which instants a clip shows and for how long: frame {@code k < replayFrames} is the run up to
 * {@code startNanos + k * stepNanos}, shown {@code delayCentis} hundredths of a second; the last
 * frame is the whole run fitted, held {@link #HOLD_CENTIS}. A GIF counts delays in hundredths,
 * so a frame's trace time follows from the rounded delay (not from the asked rate) and the clip
 * keeps the asked speed exactly. Past {@link #MAX_FRAMES} the frames spread evenly over the run
 * instead: the clip plays faster than asked ({@link #compressed()}). Immutable; any thread.
 */
public record ClipPlan(long startNanos, long endNanos, int replayFrames, long stepNanos, int delayCentis,
                       boolean compressed) implements ClipSchedule {

    /** All frames of a clip, the held last one included: bounds the file and the time to make it. */
    public static final int MAX_FRAMES = 600;
    /** How long the finished picture stays before the clip loops. */
    public static final int HOLD_CENTIS = 200;
    public static final int MIN_FPS = 1;
    /** GIF viewers slow delays under 2 hundredths down to 10, so faster rates would play slower. */
    public static final int MAX_FPS = 50;
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 20;

    private static final long NANOS_PER_CENTI = 10_000_000L;

    public ClipPlan {
        if (replayFrames < 1 || replayFrames > MAX_FRAMES - 1 || stepNanos < 1 || delayCentis < 1) {
            throw new IllegalArgumentException("not a clip: " + replayFrames + " frames of " + stepNanos + " ns");
        }
    }

    /** The clip of a run from {@code startNanos} to {@code endNanos} at {@code fps} frames a second, replayed {@code speed} times the recorded pace. */
    public static ClipPlan of(long startNanos, long endNanos, int fps, double speed) {
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be within " + MIN_FPS + ".." + MAX_FPS + ", not " + fps);
        }
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within " + MIN_SPEED + ".." + MAX_SPEED + ", not " + speed);
        }
        int delay = (int) Math.max(2, Math.round(100.0 / fps));
        long step = Math.max(1, Math.round(delay * NANOS_PER_CENTI * speed));
        long span = Math.max(0, endNanos - startNanos);
        long frames = Math.max(1, ceilDiv(span, step));
        boolean compressed = frames > MAX_FRAMES - 1;
        if (compressed) {
            frames = MAX_FRAMES - 1;
            step = ceilDiv(span, frames);
        }
        return new ClipPlan(startNanos, endNanos, (int) frames, step, delay, compressed);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Every frame, the held last one included. */
    @Override
    public int frameCount() {
        return replayFrames + 1;
    }

    /** Whether frame {@code k} is the last one: the whole run fitted, as a picture of the finished run shows it. */
    @Override
    public boolean isFinal(int k) {
        return k == replayFrames;
    }

    /** The newest instant frame {@code k} shows (the run's end for the last frame). */
    @Override
    public long presentOf(int k) {
        return isFinal(k) ? endNanos : startNanos + k * stepNanos;
    }

    /** How long frame {@code k} stays, in hundredths of a second. */
    public int delayOf(int k) {
        return isFinal(k) ? HOLD_CENTIS : delayCentis;
    }
}
