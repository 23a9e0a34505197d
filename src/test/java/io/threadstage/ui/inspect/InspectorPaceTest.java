package io.threadstage.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import org.junit.jupiter.api.Test;

/** The inspector's pace: every frame for a lesson's threads, four times a second past {@link Inspection#MANY_THREADS}. */
class InspectorPaceTest {

    private static TraceStore storeOf(int threads) {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("t", "2026-12-05T12:00:00Z", 1.0, false));
        for (int tid = 1; tid <= threads; tid++) {
            recorder.thread(tid, "T" + tid, ThreadStyle.TARGET, false, null, null);
        }
        TraceStore store = TraceStore.forRun(recorder);
        recorder.read(0, Integer.MAX_VALUE, store::append);
        return store;
    }

    @Test
    void aLessonsThreadsAreShownEveryFrameAndAThousandFourTimesASecond() {
        assertEquals(3, storeOf(3).laneCount());
        assertEquals(0, Inspection.refreshGap(storeOf(3)));
        assertEquals(0, Inspection.refreshGap(storeOf(Inspection.MANY_THREADS)));
        assertEquals(250_000_000L, Inspection.refreshGap(storeOf(Inspection.MANY_THREADS + 1)));
        assertEquals(250_000_000L, Inspection.refreshGap(storeOf(1_000)));
    }
}
