package io.threadstage.ui;

import io.threadstage.export.SlideContent;
import io.threadstage.export.SlidePicture;
import io.threadstage.io.PythonSource;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.run.ConsoleLine;
import io.threadstage.ui.run.RunViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Export Slide: the lesson's caption, the stage, the code with its thread tags and the console
 * in one picture (1920x1080 or 3840x2160), drawn with Java2D. The slide is drawn on the FX
 * thread, which owns the store; the PNG is written on a thread of its own. Owned by the FX thread.
 */
final class SlideExporter {

    static final String MENU_ID = "export-slide";

    private final MainWindow window;
    private final RunViewModel runs;
    private final Supplier<String> title;
    private final Supplier<String> caption;
    private final Supplier<Window> owner;

    SlideExporter(MainWindow window, RunViewModel runs, Supplier<String> title, Supplier<String> caption,
                  Supplier<Window> owner) {
        this.window = window;
        this.runs = runs;
        this.title = title;
        this.caption = caption;
        this.owner = owner;
    }

    Menu menuItem() {
        Menu menu = new Menu("Export Slide");
        menu.setId(MENU_ID);
        for (SlidePicture.Size size : SlidePicture.Size.values()) {
            MenuItem item = new MenuItem(size.width + " \u00d7 " + size.height + "\u2026");
            item.setOnAction(event -> choose().ifPresent(out -> export(size, out)));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** What the slide shows now: the stage's run, the open scenario's code, the console. */
    SlideContent content() {
        PythonSource source = window.editor().pythonProperty().get();
        List<String> code = source == null ? List.of() : List.of(source.text().split("\n", -1));
        Map<Integer, List<CodeView.ThreadMark>> shown = window.codeView().threadMarks().isEmpty()
                ? runs.lastThreadMarks() : window.codeView().threadMarks();
        Map<Integer, List<SlideContent.ThreadMark>> marks = new HashMap<>();
        shown.forEach((line, threads) -> marks.put(line, threads.stream()
                .map(mark -> new SlideContent.ThreadMark(mark.tid(), mark.thread())).toList()));
        List<SlideContent.ConsoleText> console = new ArrayList<>();
        for (ConsoleLine line : runs.consoleLines()) {
            console.add(new SlideContent.ConsoleText(line.text(), line.error()));
        }
        String text = caption.get();
        return new SlideContent(title.get(), text == null || text.isBlank() ? null : text, runs.store(), code, marks,
                console, window.viewSettings().highContrastProperty().get());
    }

    void export(SlidePicture.Size size, Path out) {
        BufferedImage image = SlidePicture.render(content(), size).image();
        runs.files().submit(() -> {
            io.threadstage.io.AtomicFile.write(out, stream -> javax.imageio.ImageIO.write(image, "png", stream));
            return out;
        }, written -> runs.say("slide written to " + out.getFileName()),
                failed -> runs.complain("Cannot export the slide", out + ": " + failed.getMessage()));
    }

    private java.util.Optional<Path> choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export a slide");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(window.editor().getScenario().title().replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
        java.io.File file = chooser.showSaveDialog(owner.get());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }
}
