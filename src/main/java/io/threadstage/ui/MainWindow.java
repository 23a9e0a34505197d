package io.threadstage.ui;

import io.threadstage.model.Problem;
import io.threadstage.model.StepIndex;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.run.ProgramText;
import io.threadstage.ui.editor.DocumentActions;
import io.threadstage.ui.editor.DragGesture;
import io.threadstage.ui.editor.EditorViewModel;
import io.threadstage.ui.editor.LazyTooltip;
import io.threadstage.ui.editor.OutlineView;
import io.threadstage.ui.editor.PaletteView;
import io.threadstage.ui.editor.PropertiesView;
import io.threadstage.ui.editor.Selection;
import io.threadstage.ui.editor.Tile;
import io.threadstage.ui.run.RunViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The application window's content: toolbar (files, undo, run controls, speed, presentation
 * mode), palette on the left, outline and property sheet, the stage slot in the middle, the
 * Python source on the right, and a status line. Run, Pause, Stop, the run's status and opening a
 * trace are the {@link RunViewModel}'s; the stage and the run's menus are put in from outside,
 * into the stage slot and the run tools' slot, so this class knows neither. Owned by the FX
 * thread.
 */
public final class MainWindow extends StackPane {

    public static final String STYLESHEET = "/assets/css/app.css";
    public static final String PRESENTATION_STYLE = "presentation";
    private static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    private static final Duration AUTOSAVE_EVERY = Duration.seconds(30);

    private final EditorViewModel editor;
    private final DocumentActions documents;
    private final DragGesture drag = new DragGesture();
    private final StackPane stageSlot = new StackPane();
    private final Label statusSource = new Label();
    private final Label statusProblems = new Label();
    private final Label statusRun = new Label();
    /** The trace's cap, and a warning as a run nears it. */
    private final Label statusTrace = new Label();
    private final CodeView code;
    /** Above the code while a real program runs: whose file the code is, and that it is not edited here. */
    private final Label codeTitle = new Label();
    private final RunViewModel runs;
    /** The toolbar's place for the run's menus (replay, trace files), after the speed selector. */
    private final HBox runTools = new HBox();
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode");
    private final BooleanProperty stageFocus = new SimpleBooleanProperty(this, "stageFocus");
    /** Whether the stage took the editor's room for a Java program (not at the teacher's asking), to give it back. */
    private boolean focusedForJava;
    private final ToggleButton pause = new ToggleButton("Pause");
    private final WindowPanes panes;
    private final ViewSettings view = new ViewSettings();
    private final javafx.scene.control.MenuButton viewMenu;
    private final Timeline autosave;

    public MainWindow(EditorViewModel editor, DocumentActions documents, RunViewModel runs) {
        this.editor = editor;
        this.documents = documents;
        this.runs = runs;
        documents.openElsewhere(this::opensElsewhere);
        getStyleClass().add("main-window");

        PaletteView palette = new PaletteView(editor, drag);
        OutlineView outline = new OutlineView(editor, drag);
        outline.setId("outline");
        PropertiesView properties = new PropertiesView(editor);
        code = new CodeView(editor);
        code.setId("code");
        code.styleProperty().bind(Bindings.createStringBinding(
                () -> ViewSettings.fontStyle(view.codeFontProperty().get()), view.codeFontProperty()));
        viewMenu = ViewMenu.of(view, this::showShortcuts);

        SplitPane editing = new SplitPane(outline, properties);
        editing.setOrientation(Orientation.VERTICAL);
        editing.setDividerPositions(0.58);
        editing.getStyleClass().add("editing-column");

        stageSlot.getStyleClass().add("stage-slot");
        stageSlot.setId("stage-slot");
        Label placeholder = new Label("The stage: threads appear here as swimlanes when the scenario runs.");
        placeholder.getStyleClass().add("stage-placeholder");
        placeholder.setWrapText(true);
        stageSlot.getChildren().add(placeholder);
        // a tile dropped on the stage adds a worker or resource, or inserts a step at the selection
        stageSlot.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, event -> DragGesture.payload(event)
                .flatMap(Tile::fromDragText).ifPresent(tile -> {
                    editor.activate(tile);
                    event.consume();
                }));

        codeTitle.setId("code-title");
        codeTitle.getStyleClass().add("code-title");
        codeTitle.setMaxWidth(Double.MAX_VALUE);
        codeTitle.setWrapText(true);
        codeTitle.setVisible(false);
        codeTitle.managedProperty().bind(codeTitle.visibleProperty());
        VBox codeColumn = new VBox(codeTitle, code);
        codeColumn.getStyleClass().add("code-column");
        VBox.setVgrow(code, Priority.ALWAYS);
        panes = new WindowPanes(editing, stageSlot, codeColumn);

        BorderPane layout = new BorderPane();
        layout.setTop(toolbar());
        layout.setLeft(palette);
        // while the stage has the focus (a run, presentation) it gets the room the editing tools had
        // a real program is not a scenario: the palette and the outline have nothing to offer it
        // the palette's width as last laid out: out of the window it has none
        double[] shownPaletteWidth = {0};
        palette.widthProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() > 0) {
                shownPaletteWidth[0] = now.doubleValue();
            }
        });
        Runnable arrange = () -> {
            boolean focus = stageFocus.get() || presentationMode.get() || code.showsProgram();
            if (focus != panes.focused()) {
                // the palette's room goes to the columns, or comes back from them
                double paletteWidth = shownPaletteWidth[0] > 0 ? shownPaletteWidth[0] : palette.prefWidth(-1);
                panes.arrange(focus, panes.node().getWidth() + (focus ? paletteWidth : -paletteWidth));
            }
            layout.setLeft(focus ? null : palette);
        };
        stageFocus.addListener((obs, was, now) -> {
            // the teacher took the room back: it is theirs to give again
            focusedForJava &= now;
            arrange.run();
        });
        runs.programProperty().addListener((obs, was, now) -> {
            if (now != null) {
                code.showProgram(now.text().replace("\r\n", "\n"));
                codeTitle.setText(now.name() + "  \u00b7  read-only  \u00b7  CPython");
                codeTitle.setVisible(true);
            } else if (runs.javaCommandProperty().get() == null && runs.openedRecordingProperty().get() == null) {
                // a Java program that took the stage from this one keeps its own words
                code.showScenario();
                codeTitle.setVisible(false);
            }
            arrange.run();
        });
        runs.javaCommandProperty().addListener((obs, was, now) -> {
            if (now != null) {
                showJavaProgram(now, "A Java program, recorded live by the Flight Recorder:"
                        + "\n# its threads are the lanes, about two seconds behind it.");
            } else if (runs.programProperty().get() == null && runs.openedRecordingProperty().get() == null) {
                showScenarioAgain();
            }
            arrange.run();
        });
        runs.openedRecordingProperty().addListener((obs, was, now) -> {
            if (runs.javaCommandProperty().get() != null) {
                return; // the live recording's own words stay
            }
            if (now != null) {
                showJavaProgram(now.getFileName().toString(), "A Java program's Flight Recorder recording:"
                        + "\n# its threads are the lanes (the JVM's own: Trace > Show the JVM's Own Threads).");
            } else if (runs.programProperty().get() == null && runs.javaCommandProperty().get() == null) {
                showScenarioAgain();
            }
            arrange.run();
        });
        // opening a scenario leaves the program behind: the window is the editor's again
        editor.scenarioProperty().addListener((obs, was, now) -> runs.leaveProgram());
        presentationMode.addListener((obs, was, now) -> arrange.run());
        layout.setCenter(panes.node());
        layout.setBottom(statusBar());
        getChildren().addAll(layout, drag.overlay());

        presentationMode.addListener((obs, was, on) -> {
            if (on) {
                getStyleClass().add(PRESENTATION_STYLE);
            } else {
                getStyleClass().remove(PRESENTATION_STYLE);
            }
        });
        runs.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                pause.setSelected(false);
            }
        });
        setOnDragOver(this::fileDragOver);
        setOnDragDropped(this::fileDropped);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });

        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, event -> documents.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    // ---- wiring for the runtime and the stage

    public EditorViewModel editor() {
        return editor;
    }

    public DocumentActions documents() {
        return documents;
    }

    /** The slot in the middle of the window where the stage (swimlanes) lives. */
    public StackPane stageSlot() {
        return stageSlot;
    }

    /** The Python source view, where a run marks the line each thread is on. */
    public CodeView codeView() {
        return code;
    }

    /** The toolbar's slot for the run's menus (replay, trace files), after the speed selector. */
    public ObservableList<Node> runTools() {
        return runTools.getChildren();
    }

    /** The run's state in the status line ({@code running}, {@code completed after 2.4 s} ...): the view model's. */
    public ReadOnlyStringProperty runStatusProperty() {
        return runs.statusProperty();
    }

    /** The run this window drives. */
    public RunViewModel runs() {
        return runs;
    }

    /** The theme and text sizes the View menu sets. */
    public ViewSettings viewSettings() {
        return view;
    }

    /** The View menu, whose last items the run's side may add (Export Slide). */
    public ObservableList<MenuItem> viewMenuItems() {
        return viewMenu.getItems();
    }

    WindowPanes panes() {
        return panes;
    }

    /** Opens the sheet of keys and gestures (F1). */
    public void showShortcuts() {
        ShortcutSheet.show(getScene() == null ? null : getScene().getWindow());
    }

    /** Presses Run, as the button would (nothing happens while Run is blocked). */
    public void pressRun() {
        run();
    }

    /** Puts {@code content} (the stage view) in the middle of the window. */
    public void setStageContent(Node content) {
        stageSlot.getChildren().setAll(content);
    }

    /** Whether a run is going on; Pause and Stop follow it. */
    public ReadOnlyBooleanProperty runningProperty() {
        return runs.runningProperty();
    }

    /** The speed selector's factor (0.25 to 4). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /**
     * Stage focus: the palette and the outline step aside so the stage (and the code) fill the
     * window. Run turns it on; the toolbar's Edit toggle turns it off.
     */
    public BooleanProperty stageFocusProperty() {
        return stageFocus;
    }

    /** Larger text and lanes for recording at 1080p; the stage has the focus. */
    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /** "ThreadStage — title — source", with a star while there are unsaved changes. */
    public StringExpression titleProperty() {
        return Bindings.createStringBinding(() -> {
            String source = documents.sourceProperty().get();
            ProgramText program = runs.programProperty().get();
            if (program != null) {
                return program.name() + " \u2014 " + program.file().toAbsolutePath() + " \u2014 ThreadStage";
            }
            return (editor.isDirty() ? "\u2022 " : "") + editor.getScenario().title()
                    + (source == null ? "" : " \u2014 " + source) + " \u2014 ThreadStage";
        }, editor.scenarioProperty(), editor.dirtyProperty(), documents.sourceProperty(), runs.programProperty());
    }

    /** Opens what the command line named: a scenario, a lesson, or a trace for the stage. */
    public void openInitial(String fileOrLesson) {
        openInitial(fileOrLesson, () -> { });
    }

    /**
     * As {@link #openInitial(String)}; {@code stageUncovered} runs once nothing covers the stage:
     * at once, or once the lesson start screen has gone (or was not shown after all).
     */
    public void openInitial(String fileOrLesson, Runnable stageUncovered) {
        if (fileOrLesson == null || fileOrLesson.startsWith("lesson:")) {
            documents.openLesson(fileOrLesson == null ? DocumentActions.DEFAULT_LESSON : fileOrLesson);
            if (fileOrLesson == null) {
                LessonStartScreen.showOver(stageSlot, runs.files(), entry -> documents.openLesson(entry.source()),
                        stageUncovered, documents.sourceProperty(), runs.runningProperty(), runs.openedTitleProperty());
            } else {
                stageUncovered.run();
            }
            return;
        }
        documents.openLesson(DocumentActions.DEFAULT_LESSON);
        openFile(Path.of(fileOrLesson));
        stageUncovered.run();
    }

    /**
     * A scenario opens in the editor; a trace, or a Java program's recording ({@code .jfr}), goes to the
     * stage; a Python program ({@code .py}) runs on CPython, traced live.
     */
    public void openFile(Path file) {
        if (!opensElsewhere(file)) {
            documents.open(file);
        }
    }

    /** Opens a file that is not a scenario (a program, a trace, a recording) and says so; false for a scenario. */
    private boolean opensElsewhere(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".py")) {
            // the room is the program's now: a Java program's leaving must not give it back
            focusedForJava = false;
            stageFocus.set(true);
            runs.runProgram(file);
            return true;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".jfr")) {
            runs.openTrace(file);
            return true;
        }
        return false;
    }

    /** Stops the autosave timer; the window is going away. */
    public void dispose() {
        autosave.stop();
    }

    // ---- parts

    private ToolBar toolbar() {
        Button newButton = button("New", "new-button", "New scenario (Ctrl+N)", this::newScenario);
        SplitMenuButton open = new SplitMenuButton();
        open.setText("Open");
        open.setId("open-button");
        LazyTooltip.install(open, "Open a scenario (Ctrl+O); the arrow lists recent files");
        open.setOnAction(event -> documents.open());
        documents.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) change -> fillRecent(open));
        fillRecent(open);
        Button save = button("Save", "save-button", "Save (Ctrl+S); Save As: Ctrl+Shift+S", documents::save);
        Button undo = button("Undo", "undo-button", "Undo (Ctrl+Z)", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        Button redo = button("Redo", "redo-button", "Redo (Ctrl+Shift+Z)", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());

        Button run = button("\u25B6 Run", "run-button", null, this::run);
        run.getStyleClass().add("run-button");
        // a program shown runs again whatever the scenario behind it says
        run.disableProperty().bind(Bindings.createBooleanBinding(() -> runTarget() == RunTarget.SCENARIO && runBlocked() != null,
                editor.runBlockedReasonProperty(), runs.programProperty(), runs.javaCommandProperty()));
        // a disabled button shows no tooltip, so the reason hangs on a wrapper around it
        StackPane runHolder = new StackPane(run);
        runHolder.setId("run-holder");
        Tooltip runTip = new Tooltip();
        runTip.setWrapText(true);
        runTip.setMaxWidth(560);
        runTip.textProperty().bind(Bindings.createStringBinding(this::runTip,
                editor.runBlockedReasonProperty(), runs.programProperty(), runs.javaCommandProperty()));
        Tooltip.install(runHolder, runTip);
        run.setTooltip(runTip);

        pause.setId("pause-button");
        LazyTooltip.install(pause, "Pause or resume the run");
        pause.disableProperty().bind(runs.runningProperty().not());
        pause.selectedProperty().addListener((obs, was, paused) -> {
            pause.setText(paused ? "Resume" : "Pause");
            runs.pause(paused);
        });
        Button step = button("Step", "step-button", "While paused: one thread runs its next step", runs::step);
        step.disableProperty().bind(runs.runningProperty().not().or(pause.selectedProperty().not())
                .or(runs.steppableProperty().not()));
        Button stop = button("\u25A0 Stop", "stop-button", "Stop the run", runs::stop);
        stop.disableProperty().bind(runs.runningProperty().not());

        ComboBox<String> speedChoice = new ComboBox<>();
        speedChoice.setId("speed-choice");
        for (double factor : SPEEDS) {
            speedChoice.getItems().add(speedText(factor));
        }
        speedChoice.setValue(speedText(speed.get()));
        LazyTooltip.install(speedChoice, "Playback speed");
        speedChoice.valueProperty().addListener((obs, was, now) -> {
            for (double factor : SPEEDS) {
                if (speedText(factor).equals(now)) {
                    speed.set(factor);
                }
            }
        });
        speed.addListener((obs, was, now) -> speedChoice.setValue(speedText(now.doubleValue())));

        ToggleButton presentation = new ToggleButton("Presentation");
        presentation.setId("presentation-toggle");
        LazyTooltip.install(presentation, "Larger text for recording and projecting");
        presentation.selectedProperty().bindBidirectional(presentationMode);

        ToggleButton focus = new ToggleButton("Stage focus");
        focus.setId("stage-focus-toggle");
        LazyTooltip.install(focus, "Give the stage the room of the palette and outline (on while running);"
                + " turn off to edit");
        focus.selectedProperty().bindBidirectional(stageFocus);
        // Presentation gives the stage the room anyway, and its larger text needs the toolbar's width
        focus.visibleProperty().bind(presentationMode.not());
        focus.managedProperty().bind(focus.visibleProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label speedLabel = new Label("Speed");
        ToolBar bar = new ToolBar(newButton, open, save, new Separator(), undo, redo, new Separator(),
                runHolder, pause, step, stop, speedLabel, speedChoice, runTools, grow, viewMenu, focus, presentation);
        runTools.getStyleClass().add("run-tools");
        runTools.setId("run-tools");
        runTools.setSpacing(4);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /**
     * The code column for a Java program: the lanes come from its recording, and its source is not
     * ours to show; the stage takes the editor's room. The code view colours Python: the lines read
     * as comments.
     */
    private void showJavaProgram(String name, String what) {
        if (!stageFocus.get()) {
            stageFocus.set(true);
            focusedForJava = true;
        }
        code.showProgram("# " + name + "\n#\n# " + what + "\n# Its source is not shown here.\n");
        codeTitle.setText("Java program \u2014 recorded with the Flight Recorder");
        codeTitle.setVisible(true);
    }

    /** The code column is the scenario's again, and the stage gives back the room a Java program took. */
    private void showScenarioAgain() {
        code.showScenario();
        codeTitle.setVisible(false);
        if (focusedForJava) {
            focusedForJava = false;
            stageFocus.set(false);
        }
    }

    /** A new scenario starts on an empty stage and console: nothing of the last run stays on screen. */
    private void newScenario() {
        if (documents.newScenario()) {
            runs.clear();
        }
    }

    private String runBlocked() {
        // Run while running is allowed: the view model stops the previous run first
        return editor.runBlockedReasonProperty().get();
    }

    /** What Run runs: the program the window shows, else the scenario being edited. */
    private enum RunTarget { PYTHON_PROGRAM, JAVA_PROGRAM, SCENARIO }

    private RunTarget runTarget() {
        if (runs.programProperty().get() != null) {
            return RunTarget.PYTHON_PROGRAM;
        }
        return runs.javaCommandProperty().get() != null ? RunTarget.JAVA_PROGRAM : RunTarget.SCENARIO;
    }

    private String runTip() {
        return switch (runTarget()) {
            case PYTHON_PROGRAM -> "Run " + runs.programProperty().get().name() + " again on CPython, traced (F5)";
            case JAVA_PROGRAM -> "Record the Java program again: " + runs.javaCommandProperty().get() + " (F5)";
            case SCENARIO -> runBlocked() != null ? runBlocked() : "Run the scenario (F5)";
        };
    }

    private void run() {
        // the code shown is the program's: Run runs it again, never the scenario hidden behind it
        switch (runTarget()) {
            case PYTHON_PROGRAM -> runs.runProgram(runs.programProperty().get().file());
            case JAVA_PROGRAM -> runs.recordJava(runs.javaCommandProperty().get());
            case SCENARIO -> {
                if (runBlocked() == null) {
                    stageFocus.set(true);
                    runs.run(editor.getScenario(), editor.generatedPython(), speed.get());
                }
            }
        }
    }

    private void fillRecent(SplitMenuButton open) {
        open.getItems().clear();
        for (Path file : documents.recentFiles()) {
            MenuItem item = new MenuItem(file.getFileName() + "  \u2014  " + file.toAbsolutePath().getParent());
            // a file name is text, not a label with a mnemonic: counter_lock.json keeps its underscore
            item.setMnemonicParsing(false);
            item.setOnAction(event -> documents.open(file));
            open.getItems().add(item);
        }
        if (!open.getItems().isEmpty()) {
            open.getItems().add(new SeparatorMenuItem());
        }
        MenuItem lessons = new MenuItem("Lessons\u2026  (Ctrl+L)");
        lessons.setId("lessons-item");
        lessons.setOnAction(event -> showLessons());
        open.getItems().add(lessons);
    }

    private Node statusBar() {
        statusSource.getStyleClass().add("status-source");
        statusSource.textProperty().bind(Bindings.createStringBinding(() -> {
            ProgramText program = runs.programProperty().get();
            if (program != null) {
                return program.file().toAbsolutePath() + "  (Python program)";
            }
            String source = documents.sourceProperty().get();
            return (source == null ? "new scenario" : source) + (editor.isDirty() ? "  (unsaved)" : "");
        }, documents.sourceProperty(), editor.dirtyProperty(), runs.programProperty()));
        // the scenario's problems say nothing about a program
        statusProblems.visibleProperty().bind(runs.programProperty().isNull());
        statusProblems.setId("status-problems");
        statusProblems.getStyleClass().add("status-problems");
        statusProblems.textProperty().bind(Bindings.createStringBinding(() -> {
            List<Problem> problems = editor.problemsProperty().get();
            if (problems.isEmpty()) {
                return "No problems: ready to run";
            }
            return problems.size() + (problems.size() == 1 ? " problem: " : " problems, first: ") + problems.get(0);
        }, editor.problemsProperty()));
        statusProblems.setOnMouseClicked(event -> {
            List<Problem> problems = editor.problemsProperty().get();
            if (!problems.isEmpty()) {
                StepIndex.of(editor.getScenario()).find(problems.get(0).path()).ifPresent(path -> editor.select(new Selection.OfStep(path)));
            }
        });
        statusRun.setId("status-run");
        statusRun.textProperty().bind(runs.statusProperty());
        statusRun.getStyleClass().add("run-status");
        // a deadlock's whole cycle is the lesson: the status wraps onto a second line rather than being cut
        statusRun.setWrapText(true);
        statusRun.setMaxWidth(Double.MAX_VALUE);
        statusRun.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        statusRun.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        HBox.setHgrow(statusRun, Priority.ALWAYS);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(runs.statusProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(640);
        statusRun.setTooltip(statusTip);
        statusSource.setMinWidth(Region.USE_PREF_SIZE);
        statusTrace.setId("status-trace");
        statusTrace.getStyleClass().add("status-trace");
        statusTrace.setMinWidth(Region.USE_PREF_SIZE);
        statusTrace.textProperty().bind(runs.traceRoom().textProperty());
        runs.traceRoom().nearlyFullProperty().addListener((obs, was, now) ->
                statusTrace.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), now));
        HBox bar = new HBox(statusSource, statusRun, statusTrace, statusProblems);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        editor.problemsProperty().addListener((obs, was, now) ->
                statusProblems.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !now.isEmpty()));
        return bar;
    }

    /** Opens the lesson browser; a lesson opens as a copy of the built-in one. */
    public void showLessons() {
        LessonBrowserWindow.show(getScene() == null ? null : getScene().getWindow(),
                entry -> documents.openLesson(entry.source()));
    }

    private void installShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::showLessons);
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newScenario);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), documents::open);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), documents::save);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), documents::saveAs);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), editor::undo);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), editor::redo);
        keys.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), editor::redo);
        keys.put(new KeyCodeCombination(KeyCode.F5), this::run);
        keys.put(new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
        // in Presentation the larger toolbar may push its own button into the overflow menu
        keys.put(new KeyCodeCombination(KeyCode.F11), () -> presentationMode.set(!presentationMode.get()));
        // Ctrl+= is Ctrl+"+" without Shift on most keyboards; the keypad's keys do the same
        for (KeyCode larger : new KeyCode[] {KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD}) {
            keys.put(new KeyCodeCombination(larger, KeyCombination.SHORTCUT_DOWN), () -> view.growText(1));
        }
        for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            keys.put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN), () -> view.growText(-1));
        }
    }

    private void fileDragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && event.getDragboard().getFiles().stream().anyMatch(MainWindow::openable)) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void fileDropped(DragEvent event) {
        boolean opened = false;
        for (File file : event.getDragboard().getFiles()) {
            if (openable(file)) {
                openFile(file.toPath());
                opened = true;
                break;
            }
        }
        event.setDropCompleted(opened);
        event.consume();
    }

    private static boolean openable(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".jfr") || name.endsWith(".py");
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        if (tip != null) {
            LazyTooltip.install(button, tip);
        }
        button.setOnAction(event -> action.run());
        return button;
    }

    private static String speedText(double factor) {
        return (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "\u00d7";
    }
}
