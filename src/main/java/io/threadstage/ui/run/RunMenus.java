package io.threadstage.ui.run;

import io.threadstage.ui.editor.LazyTooltip;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The run's toolbar menus: Replay (the finished run or opened trace again, slowed down) and
 * Trace (open, save and export traces, export the stage's picture and clip). Each item asks for
 * a file where it needs one and hands it to the view model or the stage's exports. FX thread.
 */
public final class RunMenus {

    public static final String REPLAY_ID = "replay-menu";
    public static final String TRACE_ID = "trace-menu";
    public static final String EXPORT_CLIP_ID = "export-clip";
    /** The frame rates a video is offered at: smooth enough for a lesson, and what players expect. */
    static final int[] VIDEO_FPS = {30, 60};
    public static final String RECORD_JAVA_ID = "record-java";
    public static final String JVM_THREADS_ID = "jvm-threads";
    /** The command line last recorded, offered again: a teacher records one program several times. */
    private String lastJavaCommand = "java -cp CLASSES com.example.Main";
    static final double[] REPLAY_FACTORS = {0.25, 0.5, 1};

    private final RunViewModel runs;
    private final Supplier<Window> owner;
    /** The name offered for a file to save: the shown run's or trace's title, or null. */
    private final Supplier<String> suggestedName;

    public RunMenus(RunViewModel runs, Supplier<Window> owner, Supplier<String> suggestedName) {
        this.runs = runs;
        this.owner = owner;
        this.suggestedName = suggestedName;
    }

    public MenuButton replay() {
        MenuButton replay = new MenuButton("Replay");
        replay.setId(REPLAY_ID);
        LazyTooltip.install(replay, "Play the finished run or the opened trace again, slowed down");
        for (double factor : REPLAY_FACTORS) {
            MenuItem item = new MenuItem((factor == 1 ? "1" : String.valueOf(factor)) + "\u00d7 (slow time down)");
            item.setId("replay-" + factor);
            item.setOnAction(event -> runs.replay(factor));
            replay.getItems().add(item);
        }
        replay.disableProperty().bind(runs.runningProperty());
        return replay;
    }

    /**
     * @param exportPng  writes the stage as it is now to the chosen file
     * @param exportClip writes a clip of what the stage shows to the chosen file, when the run allows one
     */
    public MenuButton trace(Consumer<Path> exportPng, Consumer<Path> exportClip) {
        MenuButton trace = new MenuButton("Trace");
        trace.setId(TRACE_ID);
        MenuItem open = new MenuItem("Open Trace\u2026");
        open.setOnAction(event -> choose("Open a trace or a Java recording", false, "Trace or Java recording",
                "*.jsonl", "*.jfr").ifPresent(runs::openTrace));
        MenuItem record = new MenuItem("Record Java Program\u2026");
        record.setId(RECORD_JAVA_ID);
        record.setOnAction(event -> askJavaCommand().ifPresent(runs::recordJava));
        CheckMenuItem jvmThreads = new CheckMenuItem("Show the JVM's Own Threads");
        jvmThreads.setId(JVM_THREADS_ID);
        // a Java program's lanes, read again with or without the compiler's, the collector's...
        jvmThreads.selectedProperty().bindBidirectional(runs.jvmThreadsShownProperty());
        jvmThreads.disableProperty().bind(runs.runningProperty());
        MenuItem save = new MenuItem("Save Trace\u2026");
        save.setOnAction(event -> {
            if (runs.wholeTraceShown()) {
                choose("Save the trace shown", true, "Trace", "*.jsonl").ifPresent(runs::saveTrace);
            }
        });
        MenuItem chrome = new MenuItem("Export Chrome Trace\u2026");
        chrome.setOnAction(event -> {
            if (runs.wholeTraceShown()) {
                choose("Export for chrome://tracing", true, "Chrome trace", "*.json").ifPresent(runs::exportChrome);
            }
        });
        MenuItem png = new MenuItem("Export Stage as PNG\u2026");
        png.setOnAction(event -> choose("Export the stage", true, "PNG image", "*.png").ifPresent(exportPng));
        MenuItem gif = new MenuItem("Export Clip (GIF)\u2026");
        gif.setId(EXPORT_CLIP_ID);
        gif.setOnAction(event -> {
            if (runs.isRunning()) {
                runs.complain("Still running", "Stop the run or let it finish first, so its clip is whole.");
            } else {
                choose("Export a clip of the run", true, "GIF animation", "*.gif").ifPresent(exportClip);
            }
        });
        trace.getItems().addAll(open, record, jvmThreads, new SeparatorMenuItem(), save, chrome, png, gif);
        return trace;
    }

    /**
     * The Trace menu's video items, one per frame rate (30 and 60 frames a second, 1080p).
     *
     * @param exportVideo writes a video of what the stage shows to the chosen file at the item's rate
     */
    public java.util.List<MenuItem> videoItems(java.util.function.ObjIntConsumer<Path> exportVideo) {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        for (int fps : VIDEO_FPS) {
            MenuItem item = new MenuItem("Export Video (MP4, 1080p, " + fps + " fps)\u2026");
            item.setId("export-video-" + fps);
            item.setOnAction(event -> {
                if (runs.isRunning()) {
                    runs.complain("Still running", "Stop the run or let it finish first, so its video is whole.");
                } else {
                    choose("Export a video of the run", true, "MP4 video", "*.mp4")
                            .ifPresent(out -> exportVideo.accept(out, fps));
                }
            });
            items.add(item);
        }
        return items;
    }

    /** Asks for the java command line that runs the program to record. */
    private Optional<String> askJavaCommand() {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(lastJavaCommand);
        dialog.initOwner(owner.get());
        dialog.setTitle("Record a Java program");
        dialog.setHeaderText("The command that runs the program; its threads show as lanes while it runs"
                + " (about two seconds behind it).\nExamples: java -jar app.jar    java -cp classes com.example.Main");
        dialog.setContentText("Command:");
        dialog.getEditor().setPrefColumnCount(50);
        Optional<String> typed = dialog.showAndWait().map(String::strip).filter(line -> !line.isEmpty());
        typed.ifPresent(line -> lastJavaCommand = line);
        return typed;
    }

    private Optional<Path> choose(String title, boolean save, String kind, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        String name = suggestedName.get();
        if (save && name != null) {
            chooser.setInitialFileName(name.replaceAll("[^A-Za-z0-9._-]+", "-") + patterns[0].substring(1));
        }
        java.io.File file = save ? chooser.showSaveDialog(owner.get()) : chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }
}
