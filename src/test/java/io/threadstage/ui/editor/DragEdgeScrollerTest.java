package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How fast a drag near an outline's edge scrolls it, by where the pointer rests. */
class DragEdgeScrollerTest {

    @Test
    void theEdgesScrollFasterTheCloserThePointerAndTheMiddleNotAtAll() {
        double height = 400;
        assertEquals(0, DragEdgeScroller.speedAt(200, height));
        assertEquals(0, DragEdgeScroller.speedAt(DragEdgeScroller.EDGE, height));
        assertEquals(0, DragEdgeScroller.speedAt(height - DragEdgeScroller.EDGE, height));
        assertEquals(-DragEdgeScroller.MAX_SPEED, DragEdgeScroller.speedAt(0, height));
        assertEquals(DragEdgeScroller.MAX_SPEED, DragEdgeScroller.speedAt(height, height));
        assertEquals(-DragEdgeScroller.MAX_SPEED / 2, DragEdgeScroller.speedAt(DragEdgeScroller.EDGE / 2, height), 1e-9);
        assertEquals(DragEdgeScroller.MAX_SPEED / 2, DragEdgeScroller.speedAt(height - DragEdgeScroller.EDGE / 2, height),
                1e-9);
        // past the edge (the pointer left the list while the drag goes on) scrolls at most at full speed
        assertEquals(DragEdgeScroller.MAX_SPEED, DragEdgeScroller.speedAt(height + 50, height));
        assertTrue(DragEdgeScroller.speedAt(3, height) < DragEdgeScroller.speedAt(10, height));
    }

    @Test
    void aListTooShortForTwoEdgesNeverScrolls() {
        assertEquals(0, DragEdgeScroller.speedAt(2, 3 * DragEdgeScroller.EDGE - 1));
    }
}
