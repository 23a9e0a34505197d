package io.threadstage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which instants a clip's frames show, and for how long. */
class ClipPlanTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void eachFrameAdvancesTheRunByItsDelayTimesTheSpeed() {
        ClipPlan plan = ClipPlan.of(7 * MS, 7 * MS + 3 * S, 10, 1);
        assertEquals(30, plan.replayFrames());
        assertEquals(31, plan.frameCount());
        assertEquals(100 * MS, plan.stepNanos());
        assertEquals(7 * MS, plan.presentOf(0));
        assertEquals(7 * MS + 2900 * MS, plan.presentOf(29));
        assertEquals(7 * MS + 3 * S, plan.presentOf(30));
        assertEquals(10, plan.delayOf(0));
        assertEquals(10, plan.delayOf(29));
        assertEquals(200, plan.delayOf(30));
        assertTrue(plan.isFinal(30));
        assertFalse(plan.isFinal(29));
        assertFalse(plan.compressed());
    }

    @Test
    void slowerSpeedsShowLessOfTheRunPerFrame() {
        ClipPlan quarter = ClipPlan.of(0, 3 * S, 10, 0.25);
        assertEquals(25 * MS, quarter.stepNanos());
        assertEquals(121, quarter.frameCount());
    }

    @Test
    void theDelayIsWholeHundredthsAndTheRunTimeFollowsIt() {
        // 30 fps is 3.33 hundredths: the GIF says 3, so a frame is 30 ms of the run at 1x
        ClipPlan plan = ClipPlan.of(0, S, 30, 1);
        assertEquals(3, plan.delayCentis());
        assertEquals(30 * MS, plan.stepNanos());
        assertEquals(34, plan.replayFrames());
        assertEquals(2, ClipPlan.of(0, S, 50, 1).delayCentis());
        assertEquals(100, ClipPlan.of(0, S, 1, 1).delayCentis());
    }

    @Test
    void aRunTooLongForTheCapSpreadsTheFramesEvenly() {
        ClipPlan plan = ClipPlan.of(0, 120 * S, 10, 1);
        assertTrue(plan.compressed());
        assertEquals(600, plan.frameCount());
        assertEquals(ClipPlan.MAX_FRAMES, plan.frameCount());
        assertEquals(200_333_890L, plan.stepNanos());
        assertTrue(plan.presentOf(598) < 120 * S);
        assertEquals(10, plan.delayOf(598));
        ClipPlan justFits = ClipPlan.of(0, 59_900 * MS, 10, 1);
        assertFalse(justFits.compressed());
        assertEquals(600, justFits.frameCount());
    }

    @Test
    void anEmptyRunStillHasAFrameAndTheHold() {
        ClipPlan plan = ClipPlan.of(0, 0, 10, 1);
        assertEquals(2, plan.frameCount());
        assertEquals(0, plan.presentOf(0));
    }

    @Test
    void ratesAndSpeedsOutOfRangeAreRefused() {
        assertEquals("fps must be within 1..50, not 0",
                assertThrows(IllegalArgumentException.class, () -> ClipPlan.of(0, S, 0, 1)).getMessage());
        assertEquals("fps must be within 1..50, not 51",
                assertThrows(IllegalArgumentException.class, () -> ClipPlan.of(0, S, 51, 1)).getMessage());
        assertEquals("speed must be within 0.05..20.0, not 0.01",
                assertThrows(IllegalArgumentException.class, () -> ClipPlan.of(0, S, 10, 0.01)).getMessage());
    }
}
