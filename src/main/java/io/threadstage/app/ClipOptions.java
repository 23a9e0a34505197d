package io.threadstage.app;

import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.FileClips;
import io.threadstage.export.VideoPlan;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code render} and {@code run} share for {@code --gif} and {@code --mp4}: reading
 * {@code --fps} and {@code --speed}, writing the clip and saying when its time was compressed.
 * Stateless.
 */
final class ClipOptions {

    private ClipOptions() {
    }

    /** A GIF's rate: viewers play delays under 2 hundredths of a second slower, so 50 is its most. */
    static int fps(String option, String value) {
        return fps(option, value, ClipPlan.MAX_FPS);
    }

    /** A rate for a GIF and a video alike: the video takes up to 60, the GIF is checked when it is written. */
    static int fps(String option, String value, int max) {
        try {
            int fps = Integer.parseInt(value);
            if (fps >= ClipPlan.MIN_FPS && fps <= max) {
                return fps;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number of frames a second from "
                + ClipPlan.MIN_FPS + " to " + max + ", not " + value);
    }

    static double speed(String option, String value) {
        try {
            double speed = Double.parseDouble(value);
            if (speed >= ClipPlan.MIN_SPEED && speed <= ClipPlan.MAX_SPEED) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from " + ClipPlan.MIN_SPEED + " to "
                + (int) ClipPlan.MAX_SPEED + " (0.5 plays the run at half its pace), not " + value);
    }

    /** Writes the clip; on failure says so on {@code err} naming the file, and returns false. */
    static boolean writeGif(TraceHeader header, TraceStore store, String gif, ClipSettings settings,
                            String command, PrintStream err) {
        try {
            ClipPlan plan = FileClips.writeGif(header, store, Path.of(gif), settings);
            if (plan.compressed()) {
                double pace = plan.stepNanos() / (plan.delayCentis() * 10_000_000.0);
                err.println(command + ": " + gif + ": the run needs more than " + ClipPlan.MAX_FRAMES
                        + " frames at " + settings.fps() + " fps; the clip plays it at "
                        + String.format(Locale.ROOT, "%.2f", pace) + "x instead of " + settings.speed() + "x");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            err.println(gif + ": cannot write: " + e.getMessage());
            return false;
        }
    }

    /** Writes the video; on failure says so on {@code err} naming the file, and returns false. */
    static boolean writeMp4(TraceHeader header, TraceStore store, String mp4, ClipSettings settings,
                            String command, PrintStream err) {
        try {
            VideoPlan plan = FileClips.writeMp4(header, store, Path.of(mp4), settings);
            if (plan.compressed()) {
                err.println(command + ": " + mp4 + ": the run needs more than " + VideoPlan.MAX_FRAMES
                        + " frames at " + settings.fps() + " fps; the video plays it at "
                        + String.format(Locale.ROOT, "%.2f", plan.pace()) + "x instead of " + settings.speed() + "x");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            err.println(mp4 + ": cannot write: " + e.getMessage());
            return false;
        }
    }
}
