package io.threadstage.ui.run;

import io.threadstage.ui.stage.StageControl;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * What fills the window's middle: the lesson's caption on top, the stage, and the program's
 * console under it (the stage takes most of the height). Owned by the FX thread.
 */
public final class RunWorkspace extends BorderPane {

    /** The console's share of the height under the stage. */
    static final double CONSOLE_SHARE = 0.2;
    /** The most of the width the node beside the console (the thread inspector) takes. */
    static final double SIDE_SHARE = 0.55;

    private final Label caption = new Label();
    /** The stage with a slot under it (the time slider). */
    private final BorderPane stageBox = new BorderPane();
    /** The console with a slot beside it (the thread inspector). */
    private final BorderPane consoleBox = new BorderPane();

    /** The caption and the stage, with the console's place under it left empty until {@link #setConsole}. */
    public RunWorkspace(StageControl stage) {
        getStyleClass().add("run-workspace");
        caption.getStyleClass().add("run-caption");
        caption.setId("lesson-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.managedProperty().bind(caption.visibleProperty());
        caption.visibleProperty().bind(caption.textProperty().isNotEmpty());
        stage.setId("stage");
        stageBox.setCenter(stage);
        SplitPane split = new SplitPane(stageBox, consoleBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(1 - CONSOLE_SHARE);
        SplitPane.setResizableWithParent(consoleBox, false);
        setTop(caption);
        setCenter(split);
    }

    /** Puts the console under the stage (null: nothing). */
    public void setConsole(Node console) {
        consoleBox.setCenter(console);
    }

    /** Puts {@code node} right under the stage, above the console (null: nothing). */
    public void setUnderStage(Node node) {
        stageBox.setBottom(node);
    }

    /**
     * Puts {@code side} beside the console, under the stage (null: nothing); it takes at most
     * {@link #SIDE_SHARE} of the width, so the console stays readable while the editor is open.
     */
    public void setBesideConsole(Region side) {
        consoleBox.setRight(side);
        if (side != null) {
            side.setMinWidth(0);
            side.maxWidthProperty().bind(consoleBox.widthProperty().multiply(SIDE_SHARE));
        }
    }

    /** The lesson text shown above the stage; empty hides it. */
    public StringProperty captionProperty() {
        return caption.textProperty();
    }
}
