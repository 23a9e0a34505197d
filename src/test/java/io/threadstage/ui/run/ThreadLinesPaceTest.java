package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import org.junit.jupiter.api.Test;

/**
 * How often the code view's thread marks move: every frame for a lesson's few threads, at most
 * every {@link ThreadLines#MANY_THREADS_REFRESH_NANOS} for many, and no move is lost. The pulse's
 * clock is given, so nothing here waits.
 */
class ThreadLinesPaceTest {

    private static final long MS = 1_000_000L;

    private final TraceRecorder recorder = new TraceRecorder(new TraceHeader("t", "2026-12-05T12:00:00Z", 1.0, false));
    private final ThreadLines lines = new ThreadLines();
    private long read;

    private void step(int threads, int stepId) {
        for (int tid = 1; tid <= threads; tid++) {
            recorder.step(tid, stepId);
        }
        take();
    }

    private void take() {
        read = recorder.read(read, Integer.MAX_VALUE, lines::accept);
    }

    @Test
    void aFewThreadsMarksMoveEveryFrame() {
        for (int tid = 1; tid <= 3; tid++) {
            recorder.thread(tid, "T" + tid, ThreadStyle.TARGET, false, null, null);
        }
        step(3, 0);
        assertTrue(lines.takeChanged(1_000 * MS));
        step(3, 1);
        assertTrue(lines.takeChanged(1_001 * MS), "a frame later, a lesson's thread moved on");
        assertFalse(lines.takeChanged(1_002 * MS), "nothing moved since");
    }

    @Test
    void manyThreadsMarksMoveAtMostTenTimesASecondAndNoMoveIsLost() {
        int threads = ThreadLines.MANY_THREADS + 1;
        step(threads, 0);
        assertTrue(lines.takeChanged(1_000 * MS));
        step(threads, 1);
        assertFalse(lines.takeChanged(1_016 * MS), "a frame later the marks wait");
        assertFalse(lines.takeChanged(1_099 * MS));
        assertTrue(lines.takeChanged(1_100 * MS), "the move held back shows once the pace allows");
        assertFalse(lines.takeChanged(1_300 * MS), "and only once");
        step(threads, 2);
        assertTrue(lines.takeChanged(1_301 * MS), "after a quiet spell a move shows at once");
        recorder.end(Outcome.COMPLETED, null);
        take();
        assertTrue(lines.takeChanged(1_302 * MS), "the end clears the marks at once");
    }
}
