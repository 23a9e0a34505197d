package io.threadstage.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OffStagePulseTest {

    /** The pulses in which the stage drew, as 1s; the answers, a 1 for each change that waits. */
    private static String waits(String stageDrew) {
        OffStagePulse turns = new OffStagePulse();
        StringBuilder waited = new StringBuilder();
        for (char drew : stageDrew.toCharArray()) {
            waited.append(turns.waitOne(drew == '1') ? '1' : '0');
        }
        return waited.toString();
    }

    @Test
    void aChangeDueWhileTheStageDrawsWaitsOnePulse() {
        assertEquals("1", waits("1"));
        assertEquals("0", waits("0"));
        assertEquals("0100", waits("0100"));
    }

    @Test
    void aChangeNeverWaitsTwiceInARowWhenTheStageDrawsEveryPulse() {
        assertEquals("101010", waits("111111"));
    }
}
