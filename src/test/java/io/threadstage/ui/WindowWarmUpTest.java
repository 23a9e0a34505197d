package io.threadstage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's half of the warm-up: a frame a step, its inspector's rows made and filled, then done. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WindowWarmUpTest {

    @Start
    void start(Stage stage) {
        // nothing to show: the warm-up draws where nobody sees
    }

    @Test
    void drawsOneFramePerStepAndFillsTheInspectorsRows() throws Exception {
        TraceStore store = finishedRun(30);
        List<Object> seen = WaitForAsyncUtils.asyncFx(() -> {
            WindowWarmUp warmUp = new WindowWarmUp(store);
            List<Object> steps = new ArrayList<>();
            boolean more = true;
            while (more) {
                more = warmUp.step();
                steps.add(more);
                steps.add(warmUp.framesDrawn());
            }
            steps.add(warmUp.step());
            steps.add(warmUp.framesDrawn());
            steps.add(warmUp.rowCellsFilled());
            return steps;
        }).get(30, TimeUnit.SECONDS);
        int steps = WindowWarmUp.FRAMES;
        for (int i = 0; i < steps; i++) {
            assertEquals(i < steps - 1, seen.get(2 * i), "step " + (i + 1) + " says whether more follow");
            assertEquals((long) i + 1, seen.get(2 * i + 1), "one frame drawn per step");
        }
        assertFalse((Boolean) seen.get(2 * steps), "nothing more once done");
        assertEquals((long) steps, seen.get(2 * steps + 1), "no frame after the last step");
        assertTrue((Long) seen.get(2 * steps + 2) > 5, "the inspector made and filled its rows' cells: " + seen.get(2 * steps + 2));
    }

    private static TraceStore finishedRun(int threads) {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("warm", "2026-12-06T03:00:00Z", 1.0, true));
        for (int tid = 0; tid < threads; tid++) {
            recorder.thread(tid, "T" + tid, tid == 0 ? ThreadStyle.MAIN : ThreadStyle.TARGET, false, 100L + tid, 200L + tid);
            recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
        }
        for (int tid = threads - 1; tid >= 0; tid--) {
            recorder.state(tid, ThreadState.TERMINATED, Reason.RETURNED, null);
        }
        recorder.end(Outcome.COMPLETED, null);
        TraceStore store = TraceStore.forRun(recorder);
        recorder.read(0, Integer.MAX_VALUE, store::append);
        return store;
    }
}
