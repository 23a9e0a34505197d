package io.threadstage.ui.editor;

import java.util.Optional;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * Drags inside the window (palette tiles, outline rows) as JavaFX full press-drag-release
 * gestures rather than platform drag and drop: they need no system clipboard, behave the same
 * under a headless test, and a label follows the pointer to show what is being carried. The
 * payload rides on the gesture's source node. Owned by the FX thread; one per window.
 */
public final class DragGesture {

    private static final String PAYLOAD = "threadstage.drag.payload";
    public static final String GHOST_STYLE = "drag-ghost";

    private final Pane overlay = new Pane();
    private final Label ghost = new Label();

    public DragGesture() {
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        ghost.getStyleClass().add(GHOST_STYLE);
        ghost.setVisible(false);
        ghost.setManaged(false);
        overlay.getChildren().add(ghost);
    }

    /** The layer above the window where the carried label is drawn. */
    public Pane overlay() {
        return overlay;
    }

    /** Makes {@code source} start a drag carrying {@code payload} when the mouse drags it. */
    public void makeSource(Node source, java.util.function.Supplier<String> payload,
                           java.util.function.Supplier<String> caption) {
        source.setOnDragDetected(event -> {
            String carried = payload.get();
            if (carried == null) {
                return;
            }
            source.getProperties().put(PAYLOAD, carried);
            source.startFullDrag();
            ghost.setText(caption.get());
            ghost.setVisible(true);
            follow(event);
            event.consume();
        });
        EventHandler<MouseEvent> moved = this::follow;
        source.addEventHandler(MouseEvent.MOUSE_DRAGGED, moved);
        source.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> {
            ghost.setVisible(false);
            source.getProperties().remove(PAYLOAD);
        });
    }

    /** What the drag that produced {@code event} carries, if it is one of ours. */
    public static Optional<String> payload(MouseDragEvent event) {
        Object source = event.getGestureSource();
        if (source instanceof Node node && node.getProperties().get(PAYLOAD) instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    private void follow(MouseEvent event) {
        if (!ghost.isVisible()) {
            return;
        }
        var local = overlay.sceneToLocal(event.getSceneX(), event.getSceneY());
        ghost.autosize();
        ghost.relocate(local.getX() + 14, local.getY() + 10);
    }
}
