package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Labels of a frame never cover each other, and keep two pixels apart. */
class LabelSpaceTest {

    @Test
    void aPlaceIsTakenOnlyClearOfTheLabelsBeforeIt() {
        LabelSpace space = new LabelSpace();
        assertTrue(space.claim(10, 10, 50, 20));
        assertFalse(space.claim(40, 20, 50, 20), "overlaps");
        assertFalse(space.claim(61, 10, 50, 20), "one pixel of air is too little");
        assertTrue(space.claim(62, 10, 50, 20), "two pixels are enough");
        assertTrue(space.claim(10, 32, 50, 20), "below, two pixels down");
        space.clear();
        assertTrue(space.claim(40, 20, 50, 20), "a new frame starts empty");
    }

    @Test
    void theLabelsOfAFrameAreBounded() {
        LabelSpace space = new LabelSpace();
        for (int i = 0; i < LabelSpace.MAX_LABELS; i++) {
            assertTrue(space.claim(i * 10, 0, 5, 5));
        }
        assertTrue(space.full());
        assertFalse(space.claim(0, 100, 5, 5), "room, but no more labels");
    }
}
