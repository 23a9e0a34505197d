package io.threadstage.ui.stage;

import io.threadstage.picture.ComparisonStages;
import io.threadstage.picture.RunComparison;
import io.threadstage.picture.StageColours;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Two finished runs stacked on one time scale, under a line with their durations and the ratio:
 * the window's face of a {@link RunComparison}. Each half is a whole stage ({@link ComparisonStages})
 * painted on its own Canvas, in presentation mode, redrawn when the comparison or the size changes.
 * Owned by the FX thread.
 */
public final class ComparisonView extends Region {

    public static final String STYLE_CLASS = "comparison-view";
    public static final String SUMMARY_ID = "compare-summary";

    private final ObjectProperty<RunComparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final Label summaryLabel = new Label();
    private final Canvas upper = new Canvas();
    private final Canvas lower = new Canvas();
    private final ComparisonStages stages = new ComparisonStages();
    private final CanvasFramePainter painter = new CanvasFramePainter();
    private final StagePalette palette = StagePalette.of(StageColours.defaults());
    private boolean built;

    public ComparisonView() {
        getStyleClass().add(STYLE_CLASS);
        summaryLabel.setId(SUMMARY_ID);
        summaryLabel.textProperty().bind(summary);
        summaryLabel.setStyle("-fx-font-size: 22px; -fx-font-weight: bold; -fx-padding: 6 12 6 12;");
        getChildren().addAll(summaryLabel, upper, lower);
        comparison.addListener((obs, was, now) -> requestLayout());
    }

    public ObjectProperty<RunComparison> comparisonProperty() {
        return comparison;
    }

    /** The line above the stages: the durations and the ratio, or what is being done meanwhile. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The stages as last drawn, for tests and exports; null before a comparison is shown. */
    public ComparisonStages stages() {
        return built ? stages : null;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double band = Math.ceil(summaryLabel.prefHeight(width));
        summaryLabel.resizeRelocate(0, 0, width, band);
        double stageHeight = Math.floor(Math.max(0, getHeight() - band) / 2);
        upper.relocate(0, band);
        lower.relocate(0, band + stageHeight);
        upper.setWidth(width);
        lower.setWidth(width);
        upper.setHeight(stageHeight);
        lower.setHeight(stageHeight);
        draw(width, stageHeight);
    }

    private void draw(double width, double stageHeight) {
        RunComparison shown = comparison.get();
        upper.getGraphicsContext2D().clearRect(0, 0, upper.getWidth(), upper.getHeight());
        lower.getGraphicsContext2D().clearRect(0, 0, lower.getWidth(), lower.getHeight());
        if (shown == null || width < 320 || stageHeight < 100) {
            built = false;
            return;
        }
        stages.build(shown, width, stageHeight, true);
        built = true;
        painter.paint(stages.upperFrame(), upper.getGraphicsContext2D(), palette);
        painter.paint(stages.lowerFrame(), lower.getGraphicsContext2D(), palette);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1280;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 800;
    }
}
