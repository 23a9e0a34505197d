package io.threadstage.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * The window's columns: the editing tools, the stage and the code. With stage focus the editing
 * tools step aside; every column keeps a minimum width, so no rearrangement can squeeze the code
 * (whose thread marks a lesson is about) or the outline out of sight. Each arrangement remembers
 * where the user left its dividers. Owned by the FX thread.
 */
final class WindowPanes {

    /** The narrowest code column that still shows a generated line and its thread tags. */
    static final double CODE_MIN_WIDTH = 300;
    static final double EDITING_MIN_WIDTH = 200;
    static final double STAGE_MIN_WIDTH = 320;

    private final SplitPane panes;
    private final Node editing;
    private final Node stage;
    private final Node code;
    private double[] editingDividers = {0.27, 0.70};
    private double[] focusDividers = {0.72};
    private Runnable pendingPlacement;

    WindowPanes(Region editing, Region stage, Region code) {
        this.editing = editing;
        this.stage = stage;
        this.code = code;
        editing.setMinWidth(EDITING_MIN_WIDTH);
        stage.setMinWidth(STAGE_MIN_WIDTH);
        code.setMinWidth(CODE_MIN_WIDTH);
        panes = new SplitPane(editing, stage, code);
        panes.setDividerPositions(editingDividers);
        SplitPane.setResizableWithParent(editing, false);
        SplitPane.setResizableWithParent(code, false);
    }

    SplitPane node() {
        return panes;
    }

    boolean focused() {
        return !panes.getItems().contains(editing);
    }

    /** Shows the stage and code alone ({@code focus}) or with the editing tools, each at its remembered dividers. */
    void arrange(boolean focus) {
        if (focus == focused()) {
            return;
        }
        double[] leaving = panes.getDividerPositions();
        if (focus) {
            editingDividers = leaving;
            panes.getItems().setAll(stage, code);
        } else {
            focusDividers = leaving;
            panes.getItems().setAll(editing, stage, code);
        }
        place(focus ? focusDividers : editingDividers);
    }

    /** The dividers of the arrangement shown now, then of the other one: what a restart restores. */
    double[] dividers(boolean focus) {
        if (focus == focused()) {
            return panes.getDividerPositions();
        }
        return (focus ? focusDividers : editingDividers).clone();
    }

    /** Puts the dividers where a previous start left them (positions that do not fit are ignored). */
    void restore(double[] editingAt, double[] focusAt) {
        if (editingAt != null && editingAt.length == 2) {
            editingDividers = editingAt.clone();
        }
        if (focusAt != null && focusAt.length == 1) {
            focusDividers = focusAt.clone();
        }
        place(focused() ? focusDividers : editingDividers);
    }

    /**
     * Sets the dividers now and once more after the scene's next layout pass: a pane whose items
     * just changed lays them out anew on that pass, over positions set before it, and on a busy
     * machine that pass may come several frames later than a {@code runLater}. The latest
     * placement wins over one still pending.
     */
    private void place(double[] dividers) {
        double[] wanted = dividers.clone();
        panes.setDividerPositions(wanted);
        Scene scene = panes.getScene();
        if (scene == null) {
            Platform.runLater(() -> panes.setDividerPositions(wanted));
            return;
        }
        if (pendingPlacement != null) {
            scene.removePostLayoutPulseListener(pendingPlacement);
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                if (pendingPlacement == this) {
                    pendingPlacement = null;
                }
                panes.setDividerPositions(wanted);
            }
        };
        pendingPlacement = once;
        scene.addPostLayoutPulseListener(once);
    }
}
