package io.threadstage.ui.run;

import io.threadstage.export.ClipSettings;
import io.threadstage.ui.stage.ClipExport;
import io.threadstage.ui.stage.StageView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * The window's clip export: makes a GIF of what the stage shows (the finished run or the opened
 * trace, replayed as recorded, in the stage's current look, with the lesson's caption the
 * window shows above the stage drawn under the legend), while a progress bar with a Cancel
 * button stands under the console; the window stays usable meanwhile. Owned by the FX thread.
 */
public final class ClipExporter {

    private final StageView stage;
    private final Executor encoding;
    private final Supplier<String> caption;
    private final Consumer<String> status;
    private final BiConsumer<String, String> complain;
    private final ProgressBar bar = new ProgressBar(0);
    private final Button cancel = new Button("Cancel clip");
    private final Label what = new Label();
    private final HBox progress = new HBox(8, what, bar, cancel);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private ClipExport current;

    /**
     * @param encoding where the clip is encoded: the window's file thread ({@link FileWork})
     * @param caption  the lesson's text to draw under the legend, null or empty for none
     * @param status   shows a line in the window's status
     * @param complain tells the user something failed (a header and a message)
     */
    public ClipExporter(StageView stage, Executor encoding, Supplier<String> caption, Consumer<String> status,
                        BiConsumer<String, String> complain) {
        this.stage = stage;
        this.encoding = encoding;
        this.caption = caption;
        this.status = status;
        this.complain = complain;
        progress.setId("clip-progress");
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        bar.setId("clip-progress-bar");
        bar.setPrefWidth(120);
        cancel.setId("clip-cancel");
        cancel.setOnAction(event -> cancel());
        progress.visibleProperty().bind(exporting.getReadOnlyProperty());
        progress.managedProperty().bind(exporting.getReadOnlyProperty());
    }

    /** The progress bar and its Cancel button, shown while a clip is made. */
    public HBox progressPane() {
        return progress;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The clip being made, if any. */
    public Optional<ClipExport> current() {
        return Optional.ofNullable(current);
    }

    /** Starts a clip of the stage's trace into {@code out}; one at a time. */
    public void export(Path out) {
        if (current != null) {
            complain.accept("A clip is being made", "Wait for it or cancel it first.");
            return;
        }
        if (stage.store().eventCount() == 0) {
            complain.accept("No finished run", "Run the scenario or open a trace first; its clip can then be made.");
            return;
        }
        String text = caption.get();
        ClipSettings settings = new ClipSettings(ClipSettings.DEFAULT_WIDTH, ClipSettings.DEFAULT_HEIGHT,
                ClipSettings.DEFAULT_FPS, 1, stage.isPresentation(), stage.isHighContrast(),
                text == null || text.isBlank() ? null : text);
        ClipExport export;
        try {
            export = ClipExport.start(stage.getTitle(), stage.store(), out, settings, encoding);
        } catch (IOException | RuntimeException failed) {
            complain.accept("Cannot export the clip", out + ": " + failed.getMessage());
            return;
        }
        current = export;
        exporting.set(true);
        bar.progressProperty().bind(export.progressProperty());
        what.setText("Making the clip " + out.getFileName());
        status.accept("making clip " + out.getFileName() + " (" + export.plan().frameCount() + " frames)");
        // one hand-over when the clip is done, not per frame
        export.done().whenComplete((written, failure) -> Platform.runLater(() -> finished(export, out, failure)));
    }

    /** One frame of the window's pulse: the clip being made, if any, paints its next frames. */
    public void pulse() {
        if (current != null) {
            current.pulse();
        }
    }

    /** Stops the clip being made; the target file stays as it was. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void finished(ClipExport export, Path out, Throwable failure) {
        if (current != export) {
            return;
        }
        current = null;
        bar.progressProperty().unbind();
        exporting.set(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause == null) {
            status.accept("clip written to " + out.getFileName());
        } else if (cause instanceof CancellationException) {
            status.accept("clip cancelled; " + out.getFileName() + " left as it was");
        } else {
            complain.accept("Cannot export the clip", out + ": " + cause.getMessage());
        }
    }
}
