package io.threadstage.ui.run;

import io.threadstage.export.ClipSettings;
import io.threadstage.export.VideoJob;
import io.threadstage.export.VideoPlan;
import io.threadstage.ui.stage.ClipExport;
import io.threadstage.ui.stage.StageView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * The window's clip export: makes a GIF or an MP4 video of what the stage shows (the finished
 * run or the opened trace, replayed as recorded, in the stage's current look, with the lesson's
 * caption the window shows above the stage drawn under the legend), while a progress bar with a
 * Cancel button stands under the console; the window stays usable meanwhile. A GIF's frames are
 * painted a few a pulse; a 1080p video's frames take longer than a pulse each, so the video is
 * painted on a thread of its own ({@code threadstage-video}) from its own copy of the trace.
 * Owned by the FX thread.
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
    private VideoJob video;
    private Supplier<VideoJob.TraceSource> traceCopies = () -> null;
    private ExecutorService videoThread;

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

    /** Where a video reads its own copy of the trace the stage shows (null when there is no finished one). */
    public void setTraceCopies(Supplier<VideoJob.TraceSource> copies) {
        this.traceCopies = copies;
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

    /** The video being made, if any. */
    public Optional<VideoJob> currentVideo() {
        return Optional.ofNullable(video);
    }

    /** Starts a clip of the stage's trace into {@code out}; one at a time. */
    public void export(Path out) {
        if (current != null || video != null) {
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
        cancel.setText("Cancel clip");
        status.accept("making clip " + out.getFileName() + " (" + export.plan().frameCount() + " frames)");
        // one hand-over when the clip is done, not per frame
        export.done().whenComplete((written, failure) -> Platform.runLater(() -> finished(export, out, failure)));
    }

    /**
     * One frame of the window's pulse: the clip being made, if any, paints its next frames; a
     * video, painted on its own thread, moves its progress to the bar.
     */
    public void pulse() {
        if (current != null) {
            current.pulse();
        }
        if (video != null) {
            bar.setProgress(video.progress());
        }
    }

    /**
     * Starts an MP4 (H.264) of the stage's trace into {@code out} at 1920x1080 and {@code fps}
     * frames a second, every frame drawn from the trace; one clip or video at a time.
     */
    public void exportVideo(Path out, int fps) {
        if (current != null || video != null) {
            complain.accept("A clip is being made", "Wait for it or cancel it first.");
            return;
        }
        VideoJob.TraceSource source = traceCopies.get();
        if (source == null || stage.store().eventCount() == 0) {
            complain.accept("No finished run", "Run the scenario or open a trace first; its video can then be made.");
            return;
        }
        String text = caption.get();
        ClipSettings settings = new ClipSettings(VideoPlan.DEFAULT_WIDTH, VideoPlan.DEFAULT_HEIGHT, fps, 1,
                stage.isPresentation(), stage.isHighContrast(), text == null || text.isBlank() ? null : text);
        VideoJob job = new VideoJob(stage.getTitle(), settings, out);
        video = job;
        exporting.set(true);
        bar.setProgress(0);
        what.setText("Making the video " + out.getFileName());
        cancel.setText("Cancel video");
        status.accept("making video " + out.getFileName() + " (" + fps + " frames a second)");
        if (videoThread == null) {
            videoThread = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "threadstage-video");
                thread.setDaemon(true);
                return thread;
            });
        }
        videoThread.execute(() -> {
            Throwable failure = null;
            try {
                job.run(source);
            } catch (IOException | RuntimeException | Error failed) {
                failure = failed;
            }
            Throwable outcome = failure;
            // one hand-over when the video is done, not per frame
            Platform.runLater(() -> videoFinished(job, out, outcome));
        });
    }

    /** Stops the clip or video being made; the target file stays as it was. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
        if (video != null) {
            video.cancel();
        }
    }

    private void videoFinished(VideoJob job, Path out, Throwable failure) {
        if (video != job) {
            return;
        }
        video = null;
        exporting.set(false);
        if (failure == null) {
            status.accept("video written to " + out.getFileName());
        } else if (failure instanceof CancellationException) {
            status.accept("video cancelled; " + out.getFileName() + " left as it was");
        } else {
            complain.accept("Cannot export the video", out + ": " + failure.getMessage());
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
