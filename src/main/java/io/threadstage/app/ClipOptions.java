package io.threadstage.app;

import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.GifClip;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code render} and {@code run} share for {@code --gif}: reading {@code --fps} and
 * {@code --speed}, writing the clip and saying when its time was compressed. Stateless.
 */
final class ClipOptions {

    private ClipOptions() {
    }

    static int fps(String option, String value) {
        try {
            int fps = Integer.parseInt(value);
            if (fps >= ClipPlan.MIN_FPS && fps <= ClipPlan.MAX_FPS) {
                return fps;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number of frames a second from "
                + ClipPlan.MIN_FPS + " to " + ClipPlan.MAX_FPS + ", not " + value);
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
            ClipPlan plan = GifClip.writeGif(header, store, Path.of(gif), settings);
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
}
