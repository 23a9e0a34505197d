package io.threadstage.export;

/**
 * Which instants a video shows: frame {@code k < replayFrames} is the run up to
 * {@code startNanos + k * stepNanos}, at a constant rate (a video has no per-frame delays, unlike
 * a GIF); then the whole run fitted stays for {@link #HOLD_SECONDS}. Past {@link #MAX_FRAMES}
 * the frames spread evenly over the run instead, and the video plays faster than asked
 * ({@link #compressed()}). Immutable; any thread.
 */
public record VideoPlan(long startNanos, long endNanos, int fps, int replayFrames, long stepNanos, int holdFrames,
                        boolean compressed) implements ClipSchedule {

    /** Twenty minutes at 30 frames a second: longer than any lesson, and bounded time to make it. */
    public static final int MAX_FRAMES = 36_000;
    public static final int HOLD_SECONDS = 2;
    public static final int MIN_FPS = 1;
    public static final int MAX_FPS = 60;
    public static final int DEFAULT_FPS = 30;
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;

    public VideoPlan {
        if (replayFrames < 1 || stepNanos < 1 || holdFrames < 1 || fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("not a video: " + replayFrames + " frames of " + stepNanos + " ns at " + fps);
        }
    }

    /** The video of a run from {@code startNanos} to {@code endNanos}, replayed {@code speed} times the recorded pace. */
    public static VideoPlan of(long startNanos, long endNanos, int fps, double speed) {
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be within " + MIN_FPS + ".." + MAX_FPS + ", not " + fps);
        }
        if (!(speed >= ClipPlan.MIN_SPEED && speed <= ClipPlan.MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within " + ClipPlan.MIN_SPEED + ".." + ClipPlan.MAX_SPEED
                    + ", not " + speed);
        }
        int hold = HOLD_SECONDS * fps;
        long step = Math.max(1, Math.round(1e9 * speed / fps));
        long span = Math.max(0, endNanos - startNanos);
        long frames = Math.max(1, -Math.floorDiv(-span, step));
        boolean compressed = frames > MAX_FRAMES - hold;
        if (compressed) {
            frames = MAX_FRAMES - hold;
            step = -Math.floorDiv(-span, frames);
        }
        return new VideoPlan(startNanos, endNanos, fps, (int) frames, step, hold, compressed);
    }

    @Override
    public int frameCount() {
        return replayFrames + holdFrames;
    }

    @Override
    public boolean isFinal(int k) {
        return k >= replayFrames;
    }

    @Override
    public long presentOf(int k) {
        return isFinal(k) ? endNanos : startNanos + k * stepNanos;
    }

    /** How many times the recorded pace the video plays at (the asked speed unless compressed). */
    public double pace() {
        return stepNanos * fps / 1e9;
    }
}
