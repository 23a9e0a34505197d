package io.threadstage.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.ui.stage.StageMode;
import org.junit.jupiter.api.Test;

/** Playing from an instant and holding at one, as the stage's replay modes. */
class PlayheadTest {

    private static final long START = 1_000;
    private static final long END = 9_000;

    /** The present a replay shows at wall time {@code wall}, as the stage computes it. */
    private static long presentAt(StageMode.Replay replay, long wall) {
        return START + (long) ((wall - replay.wallStartNanos()) * replay.factor());
    }

    @Test
    void playingFromAnInstantShowsThatInstantNowAndMovesOnAtItsSpeed() {
        StageMode.Replay replay = Playhead.playFrom(5_000, START, END, 0.5, 100_000);
        assertEquals(5_000, presentAt(replay, 100_000));
        assertEquals(5_500, presentAt(replay, 101_000));
        assertTrue(Playhead.playing(replay));
    }

    @Test
    void playingFromTheEndStartsOver() {
        assertEquals(START, presentAt(Playhead.playFrom(END, START, END, 1, 50_000), 50_000));
        assertEquals(START, presentAt(Playhead.playFrom(Long.MAX_VALUE, START, END, 1, 50_000), 50_000));
    }

    @Test
    void holdingClampsToTheTraceAndKeepsTheSpeed() {
        StageMode.Still still = Playhead.holdAt(Long.MAX_VALUE, START, END, 0.25);
        assertEquals(END, still.presentNanos());
        assertEquals(0.25, Playhead.factor(still, 1));
        assertEquals(START, Playhead.holdAt(0, START, END, 1).presentNanos());
        assertFalse(Playhead.playing(still));
        assertEquals(2.0, Playhead.factor(new StageMode.WholeRun(null), 2.0), "a whole run keeps the last speed");
    }
}
