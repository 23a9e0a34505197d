package io.threadstage.ui;

import io.threadstage.ui.run.CompareRuns;
import io.threadstage.ui.stage.ComparisonView;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window a comparison is shown in, beside the main window so the lesson's own stage stays as
 * it was: a {@link ComparisonView} bound to the {@link CompareRuns} view model. Made once per main
 * window and shown again on each comparison. Owned by the FX thread.
 */
final class CompareWindow {

    static final String TITLE = "Compare runs";

    private final CompareRuns compare;
    /** Made on first use: most windows never compare, and the window's start need not build it. */
    private ComparisonView view;
    private Stage stage;

    CompareWindow(CompareRuns compare) {
        this.compare = compare;
    }

    /** Shows the window (made on first use, owned by {@code owner}) in front. */
    void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(TITLE);
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setScene(new Scene(view(), 1280, 800));
        }
        stage.show();
        stage.toFront();
    }

    ComparisonView view() {
        if (view == null) {
            view = new ComparisonView();
            view.comparisonProperty().bind(compare.comparisonProperty());
            view.summaryProperty().bind(compare.summaryProperty());
        }
        return view;
    }

    Stage stage() {
        return stage;
    }
}
