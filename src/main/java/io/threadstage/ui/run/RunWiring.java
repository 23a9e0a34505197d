package io.threadstage.ui.run;

import io.threadstage.io.TraceFileException;
import io.threadstage.model.Scenario;
import io.threadstage.picture.StageRoom;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.stage.StageView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Connects one window to the runtime and the stage: Run, Pause and Stop drive a
 * {@link RunController}; the stage, the lesson caption and the console fill the middle; the
 * code view marks the threads' lines; the Replay and Trace menus replay a run slower, open and
 * save traces and export the picture. Owned by the FX thread.
 */
public final class RunWiring {

    /** Pulses shown before {@code --run} presses Run. */
    static final int FRAMES_BEFORE_AUTO_RUN = 30;

    private final MainWindow window;
    private final StageView stage = new StageView();
    private final ConsolePane console = new ConsolePane();
    private final RunWorkspace workspace = new RunWorkspace(stage, console);
    private final RunController controller;
    private final ClipExporter clips;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            controller.pulse();
        }
    };
    private String shownTitle;
    private Scenario runScenario;
    /** Whether the stage shows a trace opened from a file, which the open scenario's caption may not describe. */
    private boolean showingOpenedTrace;

    private RunWiring(MainWindow window) {
        this.window = window;
        controller = new RunController(stage::attach, console::append, window.codeView()::setThreadMarks);
        clips = new ClipExporter(stage, this::clipCaption, window.runStatusProperty()::set, this::complain);
    }

    /** Wires {@code window}; with {@code runOnOpen}, presses Run once the first scenario has opened. */
    public static RunWiring attach(MainWindow window, boolean runOnOpen) {
        RunWiring wiring = new RunWiring(window);
        wiring.wire(runOnOpen);
        return wiring;
    }

    private void wire(boolean runOnOpen) {
        stage.presentationProperty().bind(window.presentationModeProperty());
        workspace.captionProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String lesson = window.editor().getScenario().lesson();
            return lesson == null ? "" : lesson.strip();
        }, window.editor().scenarioProperty()));
        // before the first run the empty stage already names the scenario it will play
        window.editor().scenarioProperty().addListener((obs, was, now) -> {
            if (!controller.isRunning() && stage.store().eventCount() == 0) {
                stage.setTitle(TraceHeader.stageTitle(now.title(), now.settings().gil()));
            }
        });
        Scenario shown = window.editor().getScenario();
        stage.setTitle(TraceHeader.stageTitle(shown.title(), shown.settings().gil()));
        window.setStageContent(workspace);
        window.setRunHandler(this::run);
        window.setPauseHandler(controller::pause);
        window.setStopHandler(controller::stop);
        window.setTraceHandler(this::openTrace);
        window.runningProperty().bind(controller.runningProperty());
        controller.statusProperty().addListener((obs, was, now) -> window.runStatusProperty().set(now));
        controller.setOnEnd(() -> window.codeView().setThreadMarks(java.util.Map.of()));
        // a scenario opened or started anew while a run goes on ends that run
        window.documents().sourceProperty().addListener((obs, was, now) -> {
            if (window.editor().getScenario() != runScenario) {
                controller.stop();
            }
        });
        window.addToolbarItems(replayMenu(), traceMenu());
        // under the console rather than in the toolbar, whose overflow would hide it in presentation mode
        workspace.setBottom(clips.progressPane());
        pulse.start();
        if (runOnOpen) {
            window.documents().sourceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends String> obs, String was, String now) {
                    obs.removeListener(this);
                    pressRunAfterFirstFrames();
                }
            });
        }
    }

    /**
     * Presses Run a few pulses after the scenario opened, so the window is on screen before the
     * run begins (the first frames take long on a loaded machine, and a recording would miss the
     * start).
     */
    private void pressRunAfterFirstFrames() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= FRAMES_BEFORE_AUTO_RUN) {
                    stop();
                    window.pressRun();
                }
            }
        }.start();
    }

    public RunController controller() {
        return controller;
    }

    public StageView stage() {
        return stage;
    }

    public ConsolePane console() {
        return console;
    }

    public RunWorkspace workspace() {
        return workspace;
    }

    private void run(Scenario scenario) {
        console.clear();
        stage.setTitle(TraceHeader.stageTitle(scenario.title(), scenario.settings().gil()));
        shownTitle = scenario.title();
        runScenario = scenario;
        showingOpenedTrace = false;
        stage.makeRoomFor(StageRoom.of(scenario));
        controller.start(scenario, window.speedProperty().get());
    }

    // ---- traces

    /** Reads a trace off the FX thread and shows it; a bad file leaves everything as it was. */
    public CompletableFuture<Void> openTrace(Path file) {
        controller.stop();
        window.runStatusProperty().set("opening " + file.getFileName());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TraceFiles.read(file);
            } catch (TraceFileException bad) {
                throw new java.util.concurrent.CompletionException(bad);
            }
        }).handle((opened, failure) -> {
            // one hand-over per file, not per event
            Platform.runLater(() -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    complain("Cannot open the trace", cause.getMessage());
                } else {
                    stage.setTitle(opened.title());
                    shownTitle = opened.title();
                    stage.show(opened.store());
                    showingOpenedTrace = true;
                    window.runStatusProperty().set("trace " + file.getFileName() + ": "
                            + opened.store().laneCount() + " threads");
                }
            });
            return null;
        });
    }

    private MenuButton replayMenu() {
        MenuButton replay = new MenuButton("Replay");
        replay.setId("replay-menu");
        replay.setTooltip(new Tooltip("Play the finished run or the opened trace again, slowed down"));
        for (double factor : new double[] {0.25, 0.5, 1}) {
            MenuItem item = new MenuItem((factor == 1 ? "1" : String.valueOf(factor)) + "\u00d7 (slow time down)");
            item.setId("replay-" + factor);
            item.setOnAction(event -> replay(factor));
            replay.getItems().add(item);
        }
        replay.disableProperty().bind(controller.runningProperty());
        return replay;
    }

    /** Replays what the stage shows, {@code factor} times the wall clock. */
    public void replay(double factor) {
        if (!controller.isRunning() && stage.store().eventCount() > 0) {
            stage.replay(factor);
        }
    }

    private MenuButton traceMenu() {
        MenuButton trace = new MenuButton("Trace");
        trace.setId("trace-menu");
        MenuItem open = new MenuItem("Open Trace\u2026");
        open.setOnAction(event -> choose("Open a trace", false, "Trace", "*.jsonl").ifPresent(this::openTrace));
        MenuItem save = new MenuItem("Save Trace\u2026");
        save.setOnAction(event -> lastRun().ifPresent(recorder -> choose("Save the run's trace", true, "Trace", "*.jsonl")
                .ifPresent(out -> write("trace", file -> TraceFiles.saveJsonl(recorder, file), out))));
        MenuItem chrome = new MenuItem("Export Chrome Trace\u2026");
        chrome.setOnAction(event -> lastRun().ifPresent(recorder -> choose("Export for chrome://tracing", true,
                "Chrome trace", "*.json").ifPresent(out -> write("Chrome trace",
                        file -> TraceFiles.saveChrome(recorder, file), out))));
        MenuItem png = new MenuItem("Export Stage as PNG\u2026");
        png.setOnAction(event -> choose("Export the stage", true, "PNG image", "*.png").ifPresent(this::exportPng));
        MenuItem gif = new MenuItem("Export Clip (GIF)\u2026");
        gif.setId("export-clip");
        gif.setOnAction(event -> {
            if (clipReady()) {
                choose("Export a clip of the run", true, "GIF animation", "*.gif").ifPresent(this::exportClip);
            }
        });
        trace.getItems().addAll(open, new SeparatorMenuItem(), save, chrome, png, gif);
        return trace;
    }

    private boolean clipReady() {
        if (controller.isRunning()) {
            complain("Still running", "Stop the run or let it finish first, so its clip is whole.");
            return false;
        }
        return true;
    }

    /**
     * Makes a GIF of the finished run or opened trace the stage shows, replayed as recorded, at
     * 1280x720 and 10 frames a second; the window stays usable and a bar under the console shows progress.
     */
    public void exportClip(Path out) {
        if (clipReady()) {
            clips.export(out);
        }
    }

    /** The caption a clip carries: the lesson's text over the stage, unless the stage shows an opened trace. */
    private String clipCaption() {
        return showingOpenedTrace ? null : workspace.captionProperty().get();
    }

    public ClipExporter clips() {
        return clips;
    }

    /** Writes the stage as it is now as a PNG (on the FX thread: the snapshot needs it). */
    public void exportPng(Path out) {
        try {
            stage.exportPng(out);
            window.runStatusProperty().set("stage written to " + out.getFileName());
        } catch (IOException | RuntimeException failed) {
            complain("Cannot export the stage", out + ": " + failed.getMessage());
        }
    }

    private Optional<TraceRecorder> lastRun() {
        if (controller.recorder().isEmpty()) {
            complain("No run yet", "Run the scenario first; its trace can then be saved.");
        } else if (controller.isRunning()) {
            complain("Still running", "Stop the run or let it finish first, so its trace is whole.");
            return Optional.empty();
        }
        return controller.recorder();
    }

    private void write(String what, TraceFiles.Write writing, Path out) {
        CompletableFuture.runAsync(() -> {
            try {
                writing.to(out);
            } catch (IOException failed) {
                throw new java.util.concurrent.CompletionException(failed);
            }
        }).whenComplete((done, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                window.runStatusProperty().set(what + " written to " + out.getFileName());
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                complain("Cannot write the " + what, out + ": " + cause.getMessage());
            }
        }));
    }

    private Optional<Path> choose(String title, boolean save, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        if (save && shownTitle != null) {
            chooser.setInitialFileName(shownTitle.replaceAll("[^A-Za-z0-9._-]+", "-") + pattern.substring(1));
        }
        Window owner = window.getScene() == null ? null : window.getScene().getWindow();
        java.io.File file = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    private void complain(String header, String message) {
        window.runStatusProperty().set(header.toLowerCase(java.util.Locale.ROOT) + ": " + message);
        if (window.getScene() == null || !window.getScene().getWindow().isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(window.getScene().getWindow());
        alert.show();
    }
}
