package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How often a moving picture is drawn: every pulse for a few lanes; for many, every other pulse
 * while pulses come on time, and at once when the run ends. The pulses are called by hand with
 * the times a window's pulses would have, so no timer of the window's interferes.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StageViewPacingTest {

    private static final long PULSE = 16_666_667L;

    private StageView view;

    @Start
    void start(Stage stage) {
        view = new StageView();
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFewLanesAreDrawnOnEveryPulseOfALiveRun() throws Exception {
        assertEquals("1111111111", onFx(() -> paintedPulses(StageView.MANY_LANES, 10, PULSE)));
    }

    @Test
    void manyLanesAreDrawnOnEveryOtherPulseOfALiveRun() throws Exception {
        assertEquals("1010101010", onFx(() -> paintedPulses(StageView.MANY_LANES + 1, 10, PULSE)));
    }

    @Test
    void manyLanesAreDrawnOnEveryLatePulse() throws Exception {
        // pulses already 30 ms apart (the machine is busy): none is left out
        assertEquals("11111", onFx(() -> paintedPulses(StageView.MANY_LANES + 1, 5, 30_000_000L)));
    }

    @Test
    void theEndOfARunOfManyLanesIsDrawnAtOnce() throws Exception {
        String painted = onFx(() -> {
            Live live = live(StageView.MANY_LANES + 1);
            long wall = 1_000_000_000L;
            StringBuilder seen = new StringBuilder();
            seen.append(pulse(live, wall));
            live.recorder.state(0, ThreadState.TERMINATED, Reason.RETURNED, null);
            live.recorder.end(Outcome.COMPLETED, null);
            live.drain();
            seen.append(pulse(live, wall + PULSE));
            seen.append(pulse(live, wall + 2 * PULSE));
            return seen.toString();
        });
        assertEquals("110", painted, "the last frame comes on the pulse after the end, then nothing changes");
    }

    @Test
    void aReplayOfManyLanesIsDrawnOnEveryOtherPulse() throws Exception {
        String painted = onFx(() -> {
            Live live = live(StageView.MANY_LANES + 1);
            live.recorder.state(0, ThreadState.TERMINATED, Reason.RETURNED, null);
            live.recorder.end(Outcome.COMPLETED, null);
            live.drain();
            view.show(live.store);
            // slow enough that six pulses stay inside the few microseconds the trace spans
            view.replay(1e-6);
            long wall = System.nanoTime();
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                seen.append(pulse(live, wall + i * PULSE));
            }
            return seen.toString();
        });
        assertEquals("101010", painted);
        assertEquals(true, onFx(view::replaying), "still replaying: every pulse had a new present to draw");
    }

    /** A live run of {@code lanes} threads, pulsed {@code pulses} times {@code gap} apart, the clock moving: 1 per pulse that drew. */
    private String paintedPulses(int lanes, int pulses, long gap) {
        Live live = live(lanes);
        long wall = 1_000_000_000L;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < pulses; i++) {
            seen.append(pulse(live, wall + i * gap));
        }
        return seen.toString();
    }

    private int pulse(Live live, long wall) {
        live.clock.addAndGet(PULSE);
        long before = view.framesPainted();
        view.pulse(wall);
        int painted = (int) (view.framesPainted() - before);
        assertEquals(painted == 1, view.drewInLastPulse(), "the view says whether its last pulse drew");
        return painted;
    }

    private Live live(int lanes) {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("pacing", "2026-12-06T03:00:00Z", 1.0, false));
        for (int tid = 0; tid < lanes; tid++) {
            recorder.thread(tid, "T" + tid, tid == 0 ? ThreadStyle.MAIN : ThreadStyle.TARGET, false, null, null);
            recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
        }
        Live live = new Live(recorder, TraceStore.forRun(recorder), new AtomicLong(recorder.elapsedNanos()));
        live.drain();
        view.showLive(live.store, live.clock::get);
        return live;
    }

    private static final class Live {
        final TraceRecorder recorder;
        final TraceStore store;
        final AtomicLong clock;
        long next;

        Live(TraceRecorder recorder, TraceStore store, AtomicLong clock) {
            this.recorder = recorder;
            this.store = store;
            this.clock = clock;
        }

        void drain() {
            next = recorder.read(next, 1_000_000, store::append);
            store.quietUntil(recorder.completeUntilNanos(next));
        }
    }
}
