package io.threadstage.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The files' colours come from the same stylesheets as the window's. */
class StageColoursTest {

    @Test
    void theDefaultStylesheetGivesTheOkabeItoHues() {
        StageColours colours = StageColours.defaults();
        assertEquals(0xffffff, colours.rgb(Ink.BACKGROUND));
        assertEquals(0x009e73, colours.rgb(Ink.RUNNING));
        assertEquals(0xd55e00, colours.rgb(Ink.LOCK));
        assertEquals(0x332288, colours.rgb(Ink.LOCK_HELD_0));
    }

    @Test
    void theHighContrastStylesheetPutsSaturatedHuesOnBlack() {
        StageColours colours = StageColours.highContrast();
        assertEquals(0x000000, colours.rgb(Ink.BACKGROUND));
        assertEquals(0x00e0a0, colours.rgb(Ink.RUNNING));
        assertEquals(0xffffff, colours.rgb(Ink.TEXT));
    }

    @Test
    void aStylesheetOverridesOnlyWhatItDeclaresAndCommentsDoNotCount() {
        StageColours colours = StageColours.fromStylesheet(
                ".stage-view {\n  -ts-running: #123456;\n  /* -ts-sleep: #abcdef; */\n}");
        assertEquals(0x123456, colours.rgb(Ink.RUNNING));
        assertEquals(StageColours.defaults().rgb(Ink.SLEEP), colours.rgb(Ink.SLEEP));
        assertNotEquals(0xabcdef, colours.rgb(Ink.SLEEP));
    }

    /** The inks a lane's bar takes for a state, which the legend explains. */
    private static final java.util.List<Ink> STATES = java.util.List.of(Ink.CREATED, Ink.RUNNING, Ink.SLEEP, Ink.IO,
            Ink.LOCK, Ink.JOIN, Ink.QUEUE, Ink.EVENT, Ink.FUTURE, Ink.GIL_WAIT, Ink.IDLE, Ink.PAUSED, Ink.TERMINATED,
            Ink.EXCEPTION, Ink.KILLED, Ink.STOPPED);

    @Test
    void aThreadsOwnColourNeverReadsAsAState() {
        // the GIL strip gave Cruncher-1 the orange of "waits: join": an owner must be told from every state
        for (boolean highContrast : new boolean[] {false, true}) {
            StageColours colours = StageColours.of(highContrast);
            for (int lane = 0; lane < Ink.LOCK_COLORS; lane++) {
                Ink owner = Ink.owner(lane);
                for (Ink state : STATES) {
                    double distance = distance(colours.rgb(owner), colours.rgb(state));
                    org.junit.jupiter.api.Assertions.assertTrue(distance >= 40,
                            owner + " and " + state + (highContrast ? " (high contrast)" : "") + " are " + distance + " apart");
                }
            }
        }
    }

    /** Euclidean distance in RGB weighted for the eye (the "redmean" approximation). */
    private static double distance(int a, int b) {
        int r1 = a >> 16 & 0xff;
        int r2 = b >> 16 & 0xff;
        double mean = (r1 + r2) / 2.0;
        int dr = r1 - r2;
        int dg = (a >> 8 & 0xff) - (b >> 8 & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db);
    }
}
