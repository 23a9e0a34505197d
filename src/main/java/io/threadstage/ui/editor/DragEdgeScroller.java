package io.threadstage.ui.editor;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Control;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;

/**
 * Scrolls a list while a drag rests near its top or bottom edge, so a step can be carried to a
 * row that is out of sight: the closer to the edge, the faster, up to {@link #MAX_SPEED} pixels
 * a pulse. The pointer need not move: a timer keeps scrolling until the drag leaves the edge,
 * leaves the list or ends. Owned by the FX thread.
 */
final class DragEdgeScroller {

    /** How far from an edge the pointer starts the scrolling, in pixels. */
    static final double EDGE = 28;
    static final double MAX_SPEED = 14;

    private final Control list;
    private double speed;
    private boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            scrollBy(speed);
        }
    };

    private DragEdgeScroller(Control list) {
        this.list = list;
    }

    /** Makes {@code list} scroll under drags that rest near its edges. */
    static DragEdgeScroller attach(Control list) {
        DragEdgeScroller scroller = new DragEdgeScroller(list);
        // a filter: the rows consume the drag events they take drops from
        list.addEventFilter(MouseDragEvent.MOUSE_DRAG_OVER, event -> scroller.pointerAt(event.getY()));
        list.addEventFilter(MouseDragEvent.MOUSE_DRAG_EXITED_TARGET, event -> {
            if (event.getTarget() == list) {
                scroller.stop();
            }
        });
        list.addEventFilter(MouseDragEvent.MOUSE_DRAG_RELEASED, event -> scroller.stop());
        list.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                // the drag may end anywhere in the window, not only over the list
                now.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> scroller.stop());
            }
        });
        return scroller;
    }

    /** Pixels a pulse for a pointer {@code y} pixels down the list: negative scrolls up. */
    static double speedAt(double y, double height) {
        if (height < 3 * EDGE) {
            return 0;
        }
        if (y < EDGE) {
            return -MAX_SPEED * (EDGE - Math.max(0, y)) / EDGE;
        }
        if (y > height - EDGE) {
            return MAX_SPEED * (Math.min(height, y) - (height - EDGE)) / EDGE;
        }
        return 0;
    }

    boolean isScrolling() {
        return running;
    }

    private void pointerAt(double y) {
        speed = speedAt(y, list.getHeight());
        if (speed == 0) {
            stop();
        } else if (!running) {
            running = true;
            timer.start();
        }
    }

    private void stop() {
        if (running) {
            running = false;
            timer.stop();
        }
    }

    private void scrollBy(double pixels) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollPixels(pixels);
        }
    }
}
