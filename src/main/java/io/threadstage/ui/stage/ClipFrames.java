package io.threadstage.ui.stage;

import io.threadstage.trace.TraceStore;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints a clip's frames on a stage of its own that is never shown, so the window's stage keeps
 * what the user looks at: frame {@code k} is the replay's view at the plan's instant, the last
 * one the whole run fitted, exactly as {@link StagePicture} draws a finished run. FX thread only
 * (snapshots need it).
 */
final class ClipFrames {

    private final StageView view;
    private final TraceStore store;
    private final ClipPlan plan;
    private final ClipSettings settings;
    private WritableImage snapshot;

    ClipFrames(String title, TraceStore store, ClipPlan plan, ClipSettings settings) {
        this.store = store;
        this.plan = plan;
        this.settings = settings;
        view = StagePicture.offscreenView(title, settings.width(), settings.height(), settings.presentation(),
                settings.highContrast(), settings.caption());
        view.show(store);
    }

    /** Frame {@code k}'s pixels, row by row, opaque ARGB. */
    int[] paint(int k) {
        if (plan.isFinal(k)) {
            view.show(store);
        } else {
            view.replayStill(plan.presentOf(k), settings.speed());
        }
        view.paintNow();
        snapshot = view.snapshotCanvas(snapshot);
        int width = (int) snapshot.getWidth();
        int height = (int) snapshot.getHeight();
        if (width != settings.width() || height != settings.height()) {
            // the encoder reads rows of the settings' width: a different snapshot would shear the clip
            throw new IllegalStateException("frame " + k + " is " + width + "x" + height + ", not "
                    + settings.width() + "x" + settings.height());
        }
        int[] argb = new int[width * height];
        snapshot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    /** Where things were on the last frame painted. */
    StageLayout layout() {
        return view.stageLayout();
    }

    /** Lets go of the scene, so its timer stops. */
    void dispose() {
        if (view.getScene() != null) {
            view.getScene().setRoot(new javafx.scene.Group());
        }
    }
}
