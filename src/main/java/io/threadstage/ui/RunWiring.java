package io.threadstage.ui;

import io.threadstage.model.Scenario;
import io.threadstage.picture.StageRoom;
import io.threadstage.trace.TraceHeader;
import io.threadstage.ui.inspect.Inspection;
import io.threadstage.ui.run.ClipExporter;
import io.threadstage.ui.run.CompareRuns;
import io.threadstage.ui.run.ConsolePane;
import io.threadstage.ui.run.FileWork;
import io.threadstage.ui.run.RunMenus;
import io.threadstage.ui.run.RunViewModel;
import io.threadstage.ui.run.RunWorkspace;
import io.threadstage.ui.run.WarmUp;
import io.threadstage.ui.stage.CpuClock;
import io.threadstage.ui.stage.StageControl;
import io.threadstage.ui.stage.StageView;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * Assembles the run's side of one window: the stage, the lesson caption and the console fill
 * the middle and show the window's {@link RunViewModel}; the code view shows its thread marks;
 * the run's menus go in the toolbar's slot for them. One {@link AnimationTimer} is the window's
 * pulse: each frame the view model reads the run once, then the stage draws. Owned by the FX
 * thread.
 */
public final class RunWiring {

    /** Pulses shown before {@code --run} presses Run. */
    static final int FRAMES_BEFORE_AUTO_RUN = 30;
    static final int PULSES_BEFORE_WARM_UP = 60;

    private final MainWindow window;
    private final RunViewModel runs;
    private final StageControl stageControl = new StageControl();
    private final StageView stage = stageControl.view();
    private final ConsolePane console = new ConsolePane();
    private final RunWorkspace workspace = new RunWorkspace(stageControl);
    private final ClipExporter clips;
    private final Inspection inspection;
    private final CompareRuns compare = new CompareRuns(javafx.application.Platform::runLater);
    private final CompareWindow compareWindow = new CompareWindow(compare);
    /** Pulses left before {@code --run} presses Run; negative: not asked for, or done. */
    private int pulsesBeforeRun = -1;
    private int pulsesBeforeWarmUp = -1;
    /** The window's half of the warm-up while it draws (null before and after). */
    private WindowWarmUp windowWarmUp;
    private boolean windowWarmedUp;
    private final PulseCosts costs = new PulseCosts();
    /** The window's one pulse: the run is read once, then the stage draws. */
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long begun = CpuClock.nanos();
            runs.pulse();
            long read = CpuClock.nanos();
            stage.pulse(System.nanoTime());
            long drawn = CpuClock.nanos();
            inspection.pulse();
            clips.pulse();
            costs.add(read - begun, drawn - read, CpuClock.nanos() - drawn);
            if (pulsesBeforeWarmUp > 0 && --pulsesBeforeWarmUp == 0) {
                runs.warmUp();
            }
            warmUpWindow();
            if (pulsesBeforeRun > 0 && --pulsesBeforeRun == 0) {
                pulsesBeforeRun = -1;
                window.pressRun();
            }
        }
    };
    private String shownTitle;
    private SlideExporter slides;
    private boolean runPartsShown;

    private RunWiring(MainWindow window) {
        this.window = window;
        this.runs = window.runs();
        inspection = new Inspection(runs, stage, marks -> window.codeView().setThreadMarks(marks));
        clips = new ClipExporter(stage, runs.files(), this::clipCaption, runs::say, this::complain);
    }

    /** Wires {@code window}; with {@code runOnOpen}, presses Run once the first scenario has opened. */
    public static RunWiring attach(MainWindow window, boolean runOnOpen) {
        return attach(window, runOnOpen, false);
    }

    /**
     * Wires {@code window}; with {@code deferRunParts} the console, the time slider and the thread
     * inspector stay out of the window until {@link #showRunParts}: their skins (a list, a slider,
     * a table with its own stylesheet) are a good share of the workbench's first CSS pass, and a
     * window that opens on the lesson start screen has them covered until a lesson is picked or
     * something runs.
     */
    public static RunWiring attach(MainWindow window, boolean runOnOpen, boolean deferRunParts) {
        RunWiring wiring = new RunWiring(window);
        wiring.wire(runOnOpen);
        if (!deferRunParts) {
            wiring.showRunParts();
        }
        return wiring;
    }

    /**
     * Puts the console, the time slider and the thread inspector under the stage, once; they are
     * fed by every pulse all the same, so they show the run's state from their first frame.
     */
    public void showRunParts() {
        if (runPartsShown) {
            return;
        }
        runPartsShown = true;
        workspace.setConsole(console);
        workspace.setUnderStage(inspection.scrubBar());
        workspace.setBesideConsole(inspection.inspector());
    }

    /** The run view model of a new window: its file work on one thread, results handed to the FX thread. */
    public static RunViewModel newRuns() {
        return new RunViewModel(newFileWork());
    }

    /** A window's one file thread, whose results come back to the FX thread. */
    public static FileWork newFileWork() {
        return new FileWork(javafx.application.Platform::runLater);
    }

    private void wire(boolean runOnOpen) {
        stageControl.presentationProperty().bind(window.presentationModeProperty());
        // both ways: the model asks for a mode, and hears of the replay the stage ends by itself
        stageControl.modeProperty().set(runs.stageModeProperty().get());
        runs.stageModeProperty().addListener((obs, was, now) -> stageControl.modeProperty().set(now));
        stageControl.modeProperty().addListener((obs, was, now) -> runs.stageShows(now));
        stageControl.highContrastProperty().bind(window.viewSettings().highContrastProperty());
        console.styleProperty().bind(Bindings.createStringBinding(
                () -> ViewSettings.fontStyle(window.viewSettings().consoleFontProperty().get()),
                window.viewSettings().consoleFontProperty()));
        workspace.captionProperty().bind(Bindings.createStringBinding(() -> {
            // the lesson's caption is about the lesson's scenario, not about a program, a recording or
            // a trace file shown beside it
            String lesson = window.editor().getScenario().lesson();
            boolean beside = runs.programProperty().get() != null || runs.javaCommandProperty().get() != null
                    || runs.openedTitleProperty().get() != null;
            return lesson == null || beside ? "" : lesson.strip();
        }, window.editor().scenarioProperty(), runs.programProperty(), runs.javaCommandProperty(),
                runs.openedTitleProperty()));
        // before the first run the empty stage already names the scenario it will play
        window.editor().scenarioProperty().addListener((obs, was, now) -> {
            if (!runs.isRunning() && runs.store().eventCount() == 0) {
                stageControl.titleProperty().set(TraceHeader.stageTitle(now.title(), now.settings().gil()));
            }
        });
        Scenario shown = window.editor().getScenario();
        stageControl.titleProperty().set(TraceHeader.stageTitle(shown.title(), shown.settings().gil()));
        window.setStageContent(workspace);
        runs.runScenarioProperty().addListener((obs, was, now) -> {
            if (now != null) {
                stageControl.titleProperty().set(TraceHeader.stageTitle(now.title(), now.settings().gil()));
                shownTitle = now.title();
                stage.makeRoomFor(StageRoom.of(now));
            } else if (runs.store().eventCount() == 0) {
                // the run was cleared (New): the empty stage names the scenario now open
                Scenario open = window.editor().getScenario();
                stageControl.titleProperty().set(TraceHeader.stageTitle(open.title(), open.settings().gil()));
                shownTitle = null;
            }
        });
        runs.programProperty().addListener((obs, was, now) -> {
            if (now != null) {
                stageControl.titleProperty().set(now.name() + " \u00b7 CPython");
                shownTitle = now.name().replaceFirst("\\.py$", "");
            }
        });
        runs.openedTitleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                stageControl.titleProperty().set(now);
                shownTitle = now;
            }
        });
        runs.threadMarksProperty().addListener((obs, was, now) -> window.codeView().setThreadMarks(now));
        // the console shows the instant the stage shows: the present while live, a replay's time after
        console.show(inspection.consoleLines());
        runs.complaintProperty().addListener((obs, was, now) -> {
            if (now != null) {
                complain(now.header(), now.message());
            }
        });
        // a scenario opened or started anew while a run goes on ends that run
        window.documents().sourceProperty().addListener((obs, was, now) -> {
            if (window.editor().getScenario() != runs.runScenarioProperty().get()) {
                runs.stop();
            }
        });
        RunMenus menus = new RunMenus(runs, this::owner, () -> shownTitle);
        slides = new SlideExporter(window, runs, stageControl.titleProperty()::get, workspace.captionProperty()::get,
                this::owner);
        window.viewMenuItems().addAll(new javafx.scene.control.SeparatorMenuItem(), slides.menuItem());
        CompareMenu compareMenu = new CompareMenu(compare, compareWindow, () -> window.editor().getScenario(),
                this::owner, message -> complain("Cannot compare", message));
        compare.failureProperty().addListener((obs, was, now) -> {
            if (now != null) {
                complain("Cannot compare", now);
            }
        });
        javafx.scene.control.MenuButton traceMenu = menus.trace(this::exportPng, this::exportClip);
        traceMenu.getItems().addAll(menus.videoItems(this::exportVideo));
        clips.setTraceCopies(runs::finishedTraceCopy);
        window.runTools().setAll(menus.replay(), traceMenu, compareMenu.button(), inspection.inspectorToggle());
        // under the console rather than in the toolbar, whose overflow would hide it in presentation mode
        workspace.setBottom(clips.progressPane());
        pulse.start();
        if (runOnOpen) {
            window.documents().sourceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends String> obs, String was, String now) {
                    obs.removeListener(this);
                    // a few pulses after the scenario opened, so the window is on screen before the run
                    // begins (the first frames take long on a loaded machine, and a recording would miss the start)
                    pulsesBeforeRun = FRAMES_BEFORE_AUTO_RUN;
                }
            });
        }
    }

    /** Once the run's warm-up is over, a frame a pulse of it drawn where nobody sees, unless something runs. */
    private void warmUpWindow() {
        if (runs.isRunning()) {
            // a real run warms up whatever it needs: the rest of the warm-up is no use now
            windowWarmedUp = true;
            windowWarmUp = null;
        }
        if (windowWarmedUp) {
            return;
        }
        if (windowWarmUp == null) {
            var warmUp = runs.warmUpStarted().filter(WarmUp::isDone);
            if (warmUp.isEmpty()) {
                return;
            }
            var store = warmUp.get().finishedStore();
            if (store.isEmpty()) {
                // cancelled by a Stop, or failed: nothing to draw, and nothing to wait for
                windowWarmedUp = true;
                return;
            }
            windowWarmUp = new WindowWarmUp(store.get());
        }
        if (!windowWarmUp.step()) {
            windowWarmUp = null;
            windowWarmedUp = true;
        }
    }

    /**
     * Warms the run's code ({@link WarmUp}) about a second from now, once the
     * window's own start (its first CSS passes and layouts) is over: the app does, tests that open
     * windows by the dozen do not.
     */
    public void warmUpSoon() {
        pulsesBeforeWarmUp = PULSES_BEFORE_WARM_UP;
    }

    /** Whether both halves of the warm-up are over (or gave way to a run). */
    public boolean warmedUp() {
        return windowWarmedUp;
    }

    /** What the window's pulses have cost so far, piece by piece (for the frame benchmark). */
    public PulseCosts pulseCosts() {
        return costs;
    }

    public RunViewModel controller() {
        return runs;
    }

    /** The stage's drawing (store, viewport, exports). */
    public StageView stage() {
        return stage;
    }

    /** The stage as the window's control. */
    public StageControl stageControl() {
        return stageControl;
    }

    public ConsolePane console() {
        return console;
    }

    /** The inspector, the time slider and the console of the stage's instant. */
    public Inspection inspection() {
        return inspection;
    }

    public RunWorkspace workspace() {
        return workspace;
    }

    /** Reads a trace on the file thread and shows it; a bad file leaves everything as it was. */
    public void openTrace(Path file) {
        runs.openTrace(file);
    }

    /** Replays what the stage shows, {@code factor} times the wall clock. */
    public void replay(double factor) {
        runs.replay(factor);
    }

    /**
     * Makes a GIF of the finished run or opened trace the stage shows, replayed as recorded, at
     * 1280x720 and 10 frames a second; the window stays usable and a bar under the console shows progress.
     */
    public void exportClip(Path out) {
        if (runs.isRunning()) {
            complain("Still running", "Stop the run or let it finish first, so its clip is whole.");
            return;
        }
        clips.export(out);
    }

    /**
     * Makes an MP4 of the finished run or opened trace the stage shows, replayed as recorded, at
     * 1920x1080 and {@code fps} frames a second, on a thread of its own; the window stays usable
     * and a bar under the console shows progress.
     */
    public void exportVideo(Path out, int fps) {
        if (runs.isRunning()) {
            complain("Still running", "Stop the run or let it finish first, so its video is whole.");
            return;
        }
        clips.exportVideo(out, fps);
    }

    /** The caption a clip carries: the lesson's text over the stage, unless the stage shows an opened trace. */
    private String clipCaption() {
        return runs.runScenarioProperty().get() == null ? null : workspace.captionProperty().get();
    }

    /** Export Slide: the slide of what the window shows now, at {@code size}. */
    public void exportSlide(io.threadstage.export.SlidePicture.Size size, Path out) {
        slides.export(size, out);
    }

    /** The Compare action: two runs of the open scenario, GIL on and off, shown stacked in a window of their own. */
    public void compareGil() {
        compareWindow.show(owner());
        compare.compareGil(window.editor().getScenario());
    }

    /** The comparison's window (null until the first comparison). */
    public javafx.stage.Stage compareStage() {
        return compareWindow.stage();
    }

    public io.threadstage.ui.stage.ComparisonView comparisonView() {
        return compareWindow.view();
    }

    public ClipExporter clips() {
        return clips;
    }

    /** Writes the stage as it is now as a PNG (on the FX thread: the snapshot needs it). */
    public void exportPng(Path out) {
        try {
            stage.exportPng(out);
            runs.say("stage written to " + out.getFileName());
        } catch (IOException | RuntimeException failed) {
            complain("Cannot export the stage", out + ": " + failed.getMessage());
        }
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private void complain(String header, String message) {
        runs.say(header.toLowerCase(java.util.Locale.ROOT) + ": " + message);
        if (window.getScene() == null || !window.getScene().getWindow().isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(window.getScene().getWindow());
        alert.show();
    }
}
