package io.threadstage.export;

import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.TraceStore;

/**
 * Paints a clip's frames: frame {@code k} is the replay's view at the plan's instant, the last
 * one the whole run fitted, exactly as {@link PngPicture} draws a finished run. Each frame is a
 * new array, as the encoder keeps the one before to write only what changed. Owned by the
 * thread that owns the store.
 */
public final class ClipFrames {

    private final StageImage image;
    private final ClipSchedule plan;
    private final ClipSettings settings;

    public ClipFrames(String title, TraceStore store, ClipSchedule plan, ClipSettings settings) {
        this.plan = plan;
        this.settings = settings;
        image = new StageImage(store, title, settings.width(), settings.height(), settings.presentation(),
                settings.caption(), StageColours.of(settings.highContrast()));
    }

    /** Frame {@code k}'s pixels, row by row, opaque ARGB. */
    public int[] paint(int k) {
        if (plan.isFinal(k)) {
            image.whole();
        } else {
            image.replayAt(plan.presentOf(k), settings.speed());
        }
        int[] rgb = image.pixels();
        int[] argb = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            argb[i] = 0xFF000000 | rgb[i];
        }
        return argb;
    }

    /** Where things were on the last frame painted. */
    public StageLayout layout() {
        return image.layout();
    }
}
