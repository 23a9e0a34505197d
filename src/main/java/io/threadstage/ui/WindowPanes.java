package io.threadstage.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * The window's columns: the editing tools, the stage and the code. With stage focus the editing
 * tools step aside; every column keeps a minimum width, so no rearrangement can squeeze the code
 * (whose thread marks a lesson is about) or the outline out of sight. The code column keeps its
 * width from one arrangement to the other (the stage takes or gives the editing tools' room), and
 * the editing tools come back where the user left them. Owned by the FX thread.
 */
final class WindowPanes {

    /** The narrowest code column that still shows a generated line and its thread tags. */
    static final double CODE_MIN_WIDTH = 300;
    static final double EDITING_MIN_WIDTH = 200;
    static final double STAGE_MIN_WIDTH = 320;
    /** The share of the window the stage keeps at least when the editing tools come back. */
    private static final double MIN_STAGE_SHARE = 0.2;

    private final SplitPane panes;
    private final Node editing;
    private final Region code;
    private double[] editingDividers = {0.27, 0.70};
    private double[] focusDividers = {0.72};
    private Runnable pendingPlacement;

    WindowPanes(Region editing, Region stage, Region code) {
        this.editing = editing;
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

    /**
     * Shows the stage and code alone ({@code focus}) or with the editing tools, in a pane that
     * will be {@code paneWidth} wide. The code column keeps its width, the editing tools come
     * back where they were left, and the stage takes what is over.
     */
    void arrange(boolean focus, double paneWidth) {
        if (focus == focused()) {
            return;
        }
        double[] leaving = panes.getDividerPositions();
        double width = panes.getWidth();
        // the divider before the code, and the room it takes, measured as the pane lays them out
        double codeWidth = code.getWidth();
        double codeStart = leaving[leaving.length - 1];
        double divider = Math.max(0, width * (1 - codeStart) - codeWidth);
        double codeShare = width > 0 && paneWidth > 0 && codeWidth > 0
                ? 1 - (codeWidth + divider) / paneWidth : codeStart;
        // The code keeps its width and its place in the pane: only the editing column goes or
        // comes. Replacing the items gave the code new parents, and placing the dividers anew
        // laid its lines out at a passing narrow width and then at a new one: two layouts of
        // every visible line, wrapped anew, in the pulse Run was pressed in.
        if (focus) {
            editingDividers = leaving;
            focusDividers = new double[] {codeShare};
            panes.getItems().remove(editing);
        } else {
            focusDividers = leaving;
            editingDividers = new double[] {Math.min(editingDividers[0], codeShare - MIN_STAGE_SHARE), codeShare};
            panes.getItems().add(0, editing);
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
