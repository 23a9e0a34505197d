package io.threadstage.ui.editor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;

/** Builds an editor with in-memory files for window tests and finds outline rows by path. */
public final class WindowFixture {

    public final EditorViewModel editor = new EditorViewModel();
    final MemoryScenarioFiles files = new MemoryScenarioFiles();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final DocumentActions documents;
    /** The window's run, with its file work handed back to the FX thread as in the app. */
    public final io.threadstage.ui.run.RunViewModel runs =
            new io.threadstage.ui.run.RunViewModel(new io.threadstage.ui.run.FileWork(javafx.application.Platform::runLater));

    public WindowFixture(Path home) {
        documents = new DocumentActions(editor, files, dialogs,
                new RecentFiles(Preferences.userRoot().node("io/threadstage/test-window")), new Recovery(home),
                Runnable::run);
    }

    /** The outline row showing the node at {@code path} ({@code $.workers[0]}, {@code $.main[1].do[0]}), scrolled into view. */
    public static Node row(FxRobot robot, String path) {
        OutlineView outline = robot.lookup("#outline").queryAs(OutlineView.class);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> outline.itemAt(path).ifPresent(item -> {
            int index = outline.getRow(item);
            if (outline.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.scrollTo(index);
            }
        }));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Optional<Node> found = robot.lookup(".outline .tree-cell").queryAll().stream()
                .filter(node -> node instanceof TreeCell<?> cell && cell.getItem() instanceof OutlineNode item
                        && item.path().equals(path) && cell.isVisible())
                .findFirst();
        return found.orElseThrow(() -> new AssertionError("no outline row for " + path));
    }

    /** A palette tile, scrolled into view first. */
    public static Node tile(FxRobot robot, Tile.Kind kind, String id) {
        Node tile = robot.lookup("#" + PaletteView.tileId(Palette.tile(kind, id))).query();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> reveal(tile));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return tile;
    }

    private static void reveal(Node node) {
        Node up = node;
        while (up != null && !(up instanceof javafx.scene.control.ScrollPane)) {
            up = up.getParent();
        }
        if (up instanceof javafx.scene.control.ScrollPane scroll) {
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (room > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / room)));
            }
            scroll.layout();
        }
    }

    public static Bounds screenBounds(Node node) {
        return node.localToScreen(node.getBoundsInLocal());
    }
}
