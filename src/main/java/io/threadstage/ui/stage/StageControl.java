package io.threadstage.ui.stage;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The stage as a control for a window: what it shows and how, as properties to bind
 * ({@link #modeProperty() mode}, presentation, high contrast, title), and the swimlanes drawn by
 * its skin ({@link StageSkin}), which puts the control's {@link StageView} in the scene and keeps
 * it in step with the properties. The view's own calls (navigation, exports, the window's
 * {@link StageView#pulse pulse}) stay on {@link #view()}. Style classes are the constants below.
 * FX thread.
 */
public final class StageControl extends Control {

    /** The control's style class, for the window's stylesheet. */
    public static final String STYLE_CLASS = "stage-control";

    private final StageView view = new StageView();
    private final ObjectProperty<StageMode> mode = new SimpleObjectProperty<>(this, "mode", view.mode());
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");

    public StageControl() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new StageSkin(this);
    }

    /** The drawing itself: its store, viewport, navigation, exports and pulse. */
    public StageView view() {
        return view;
    }

    /**
     * What the stage does (live, replay, still, whole run), both ways: set it to ask the stage,
     * listen to it to see what the stage does, including a replay the stage ends by itself at the
     * trace's end (then it holds the whole run). A new mode, even an equal-looking one made anew,
     * starts over. Bind it both ways, or follow it with listeners: a one-way {@code bind} would
     * refuse the stage's own change.
     */
    public ObjectProperty<StageMode> modeProperty() {
        return mode;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public StringProperty titleProperty() {
        return title;
    }
}
