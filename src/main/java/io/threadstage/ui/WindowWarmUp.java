package io.threadstage.ui;

import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.inspect.ThreadInspector;
import io.threadstage.ui.stage.StageView;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

/**
 * The window's half of the warm-up ({@link io.threadstage.ui.run.WarmUp}): a stage and a thread
 * inspector of their own, in a scene no window shows, draw the warm-up run's trace a frame per
 * pulse, and the canvas is snapshotted, so the renderer draws it too. A teacher's first run had
 * its first two pulses spent there cold: 43 ms of CSS and layout for the inspector's first
 * rows, then 30-40 ms of the renderer drawing a thousand new lanes. FX thread; each step is one
 * frame, and the window's pulse stops stepping once anything runs.
 */
final class WindowWarmUp {

    static final int FRAMES = 12;

    private final TraceStore store;
    private final StageView stage = new StageView();
    private final ThreadInspector inspector = new ThreadInspector();
    private final VBox root = new VBox(stage, inspector);
    private int framesLeft = FRAMES;
    /** The canvas's copy, made once and drawn into again. */
    private WritableImage snapshot;

    WindowWarmUp(TraceStore store) {
        this.store = store;
        Scene scene = new Scene(root, 1400, 1000);
        // the window's own styles, so the cells and the stage are styled as they will be in it
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setPrefSize(1400, 760);
        stage.show(store);
    }

    /** Frames the hidden stage drew so far. */
    long framesDrawn() {
        return stage.framesPainted();
    }

    /** Rows the hidden inspector has made cells for and filled: the cells a first run would have made cold. */
    long rowCellsFilled() {
        return inspector.table().lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && !row.isEmpty()).count();
    }

    /** Draws one more frame; false once all are drawn. */
    boolean step() {
        if (framesLeft <= 0) {
            return false;
        }
        framesLeft--;
        long span = Math.max(1, store.endNanos() - store.startNanos());
        long instant = store.startNanos() + span * (FRAMES - framesLeft) / FRAMES;
        inspector.show(ThreadTable.at(store, instant));
        root.applyCss();
        root.layout();
        stage.paintNow();
        snapshot = stage.snapshotCanvas(snapshot);
        return framesLeft > 0;
    }
}
