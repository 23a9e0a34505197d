package io.threadstage.ui.stage;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.SkinBase;

/**
 * The look of a {@link StageControl}: its {@link StageView} filling the control, the view's
 * mode, presentation, contrast and title following the control's properties, and the mode the
 * view takes by itself (a replay that reached its end) written back into the control's, so the
 * mode is one two-way property. {@link #dispose()}
 * lets go of all of it, so a control can change skins without the old one still reacting.
 * FX thread.
 */
public final class StageSkin extends SkinBase<StageControl> {

    private final StageView view;
    private final ChangeListener<StageMode> onMode = (obs, was, now) -> applyMode(now);
    private final ChangeListener<StageMode> onViewMode = (obs, was, now) -> {
        StageControl control = getSkinnable();
        if (control != null && control.modeProperty().get() != now) {
            control.modeProperty().set(now);
        }
    };

    public StageSkin(StageControl control) {
        super(control);
        view = control.view();
        getChildren().setAll(view);
        view.presentationProperty().bind(control.presentationProperty());
        view.highContrastProperty().bind(control.highContrastProperty());
        view.titleProperty().bind(control.titleProperty());
        control.modeProperty().addListener(onMode);
        if (control.modeProperty().get() != view.mode()) {
            applyMode(control.modeProperty().get());
        }
        view.modeProperty().addListener(onViewMode);
    }

    private void applyMode(StageMode mode) {
        // the view's own change comes back here through the control: it is not applied twice
        if (mode != null && mode != view.mode()) {
            view.setMode(mode);
        }
    }

    @Override
    public void dispose() {
        StageControl control = getSkinnable();
        if (control == null) {
            return;
        }
        control.modeProperty().removeListener(onMode);
        view.modeProperty().removeListener(onViewMode);
        view.presentationProperty().unbind();
        view.highContrastProperty().unbind();
        view.titleProperty().unbind();
        getChildren().clear();
        super.dispose();
    }
}
