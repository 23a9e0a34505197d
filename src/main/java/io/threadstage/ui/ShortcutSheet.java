package io.threadstage.ui;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sheet F1 opens: every key and mouse gesture of the window and the stage, in the words of
 * docs/window.md and docs/stage.md. Owned by the FX thread.
 */
public final class ShortcutSheet {

    public static final String ID = "shortcut-sheet";

    /** One row: the keys or gesture, what it does. */
    public record Row(String keys, String does) {
    }

    /** A heading and its rows. */
    public record Group(String title, List<Row> rows) {
    }

    /** Everything the window answers to, grouped as a teacher looks for it. */
    public static final List<Group> GROUPS = List.of(
            new Group("Files and lessons", List.of(
                    new Row("Ctrl+N", "new scenario (the stage and console start empty)"),
                    new Row("Ctrl+O", "open a scenario"),
                    new Row("Ctrl+L", "lessons"),
                    new Row("Ctrl+S / Ctrl+Shift+S", "save / save as"),
                    new Row("Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "undo / redo"),
                    new Row("drop a .json or .jsonl", "open a scenario or a trace"))),
            new Group("Running", List.of(
                    new Row("F5", "run (stops a run going on first)"),
                    new Row("Pause / Resume, Step, Stop", "toolbar buttons"))),
            new Group("View", List.of(
                    new Row("F1", "this sheet"),
                    new Row("F11", "Presentation on / off"),
                    new Row("Ctrl+= / Ctrl+-", "code and console text larger / smaller"),
                    new Row("View menu", "high-contrast stage, text sizes, Export Slide"))),
            new Group("Stage (click it first for the keys)", List.of(
                    new Row("wheel, pinch, + / -", "zoom around the pointer (keys: around the centre)"),
                    new Row("drag, Left / Right, Shift+wheel", "pan"),
                    new Row("Up / Down, PageUp / PageDown, vertical drag", "scroll the lanes"),
                    new Row("F or 0", "fit the whole run"),
                    new Row("L or End", "follow the present again (live or replay)"),
                    new Row("hover", "state, reason, times and held locks under the pointer"))));

    private ShortcutSheet() {
    }

    /** The sheet's content, for the window and for tests. */
    public static ScrollPane content() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.getStyleClass().add("shortcut-sheet");
        int row = 0;
        for (Group group : GROUPS) {
            Label title = new Label(group.title());
            title.getStyleClass().add("shortcut-group");
            title.setStyle("-fx-font-weight: bold; -fx-padding: 10 0 2 0;");
            grid.add(title, 0, row++, 2, 1);
            for (Row shortcut : group.rows()) {
                Label keys = new Label(shortcut.keys());
                keys.setStyle("-fx-font-family: 'Monospaced';");
                grid.add(keys, 0, row);
                grid.add(new Label(shortcut.does()), 1, row++);
            }
        }
        grid.setStyle("-fx-padding: 12 20 20 20;");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        return scroll;
    }

    /** Opens the sheet over {@code owner}; Escape or F1 closes it. */
    public static Stage show(Window owner) {
        Stage sheet = new Stage();
        if (owner != null) {
            sheet.initOwner(owner);
        }
        sheet.initModality(Modality.NONE);
        sheet.setTitle("Keys and gestures");
        Scene scene = new Scene(content(), 720, 620);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F1) {
                sheet.close();
            }
        });
        sheet.setScene(scene);
        sheet.show();
        return sheet;
    }
}
