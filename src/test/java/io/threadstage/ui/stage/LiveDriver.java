package io.threadstage.ui.stage;

import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import javafx.animation.AnimationTimer;

/**
 * A window's pulse for a stage alone: reads a recorder into the stage's live store once a frame,
 * then lets the stage draw, as the run view model and the window's timer do. FX thread.
 */
final class LiveDriver {

    private LiveDriver() {
    }

    /** Shows {@code recorder}'s run live on {@code view} until the view leaves its scene. */
    static void follow(StageView view, TraceRecorder recorder) {
        TraceStore store = TraceStore.forRun(recorder);
        view.showLive(store, recorder::elapsedNanos);
        new AnimationTimer() {
            private long next;

            @Override
            public void handle(long now) {
                if (view.getScene() == null) {
                    stop();
                    return;
                }
                next = recorder.read(next, 200_000, store::append);
                store.quietUntil(recorder.completeUntilNanos(next));
                view.pulse(System.nanoTime());
            }
        }.start();
    }
}
