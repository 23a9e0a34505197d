package io.threadstage.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The palette: groups of tiles to drag into the outline. Activating a tile (click, Enter,
 * Space) adds it at the outline's selection instead, the keyboard way to do every drag.
 * Owned by the FX thread.
 */
public final class PaletteView extends ScrollPane {

    public static final String STYLE = "palette";
    public static final String TILE_STYLE = "palette-tile";

    public PaletteView(EditorViewModel editor, DragGesture drag) {
        getStyleClass().add(STYLE);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox groups = new VBox();
        groups.getStyleClass().add("palette-groups");
        for (Palette.Group group : Palette.groups()) {
            FlowPane tiles = new FlowPane();
            tiles.getStyleClass().add("palette-tiles");
            // a small preferred wrap keeps the palette's preferred width small, so tiles wrap at
            // whatever width the palette is given instead of running past its edge
            tiles.setPrefWrapLength(120);
            for (Tile tile : group.tiles()) {
                tiles.getChildren().add(tileButton(tile, editor, drag));
            }
            TitledPane pane = new TitledPane(group.title(), tiles);
            pane.getStyleClass().add("palette-group");
            groups.getChildren().add(pane);
        }
        setContent(groups);
    }

    /** The id a tile's button has in the scene, for tests and accessibility tools. */
    public static String tileId(Tile tile) {
        return "tile-" + tile.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + tile.id();
    }

    private static Button tileButton(Tile tile, EditorViewModel editor, DragGesture drag) {
        Button button = new Button(tile.label());
        // labels such as task_done must keep their underscore
        button.setMnemonicParsing(false);
        button.setId(tileId(tile));
        button.getStyleClass().addAll(TILE_STYLE, "tile-" + tile.kind().name().toLowerCase(java.util.Locale.ROOT));
        String action = switch (tile.kind()) {
            case WORKER -> "Drag into the outline to add a worker, or press to add one.";
            case RESOURCE -> "Drag into the outline to add it, or press to add one.";
            default -> "Drag into a body or block, or press to insert at the selection.";
        };
        button.setAccessibleHelp(action);
        LazyTooltip.install(button, tile.python() + "\n" + action);
        button.setOnAction(event -> editor.activate(tile));
        drag.makeSource(button, tile::dragText, tile::label);
        return button;
    }
}
