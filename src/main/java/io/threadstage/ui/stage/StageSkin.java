package io.threadstage.ui.stage;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.SkinBase;

/**
 * The look of a {@link StageControl}: its {@link StageView} filling the control, the view's
 * mode, presentation, contrast and title following the control's properties. {@link #dispose()}
 * lets go of all of it, so a control can change skins without the old one still reacting.
 * FX thread.
 */
public final class StageSkin extends SkinBase<StageControl> {

    private final StageView view;
    private final ChangeListener<StageMode> onMode = (obs, was, now) -> applyMode(now);

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
    }

    private void applyMode(StageMode mode) {
        if (mode != null) {
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
        view.presentationProperty().unbind();
        view.highContrastProperty().unbind();
        view.titleProperty().unbind();
        getChildren().clear();
        super.dispose();
    }
}
