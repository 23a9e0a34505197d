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
}
