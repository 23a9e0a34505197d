package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageHover;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real view in a window: fed live by a recorder from another thread, it draws the lanes. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StageViewLiveTest {

    private StageView view;

    @Start
    void start(Stage stage) {
        view = new StageView();
        view.setTitle("live");
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @Test
    void drainsARecorderEachPulseAndDrawsItsLanes() throws Exception {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("live", "2026-11-25T21:00:00Z", 1.0, false));
        onFx(() -> {
            LiveDriver.follow(view, recorder);
            return null;
        });
        CountDownLatch mainSeen = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 1L, 1L);
                recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
                recorder.thread(1, "worker", ThreadStyle.TARGET, true, null, null);
                recorder.state(1, ThreadState.CREATED, Reason.NONE, null);
                recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
                recorder.state(1, ThreadState.WAITING, Reason.SLEEP, null);
                recorder.join(0, 1, true, false);
                recorder.state(0, ThreadState.WAITING, Reason.JOIN, "worker");
                mainSeen.await(10, TimeUnit.SECONDS);
                recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
                recorder.state(1, ThreadState.TERMINATED, Reason.RETURNED, null);
                recorder.join(0, 1, false, false);
                recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
                recorder.state(0, ThreadState.TERMINATED, Reason.RETURNED, null);
                recorder.end(Outcome.COMPLETED, null);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "recording-thread");
        run.start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.store().laneCount() == 2));
        assertTrue(onFx(() -> view.viewport().following()), "follows the present while live");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            TraceStore.Interval last = view.store().intervalAt(0, view.store().endNanos(), Long.MAX_VALUE);
            return last != null && last.reason() == Reason.JOIN;
        }));
        // both threads wait and record nothing: main's join bar still grows with the present
        long quietFrom = onFx(() -> view.store().endNanos());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> view.store().endNanos() > quietFrom + 300 * 1_000_000L));
        assertEquals(Reason.JOIN, onFx(() -> {
            TraceStore store = view.store();
            return store.intervalAt(0, store.endNanos() - 1, Long.MAX_VALUE).reason();
        }), "the join bar reaches the known present");
        long whileJoining = recorder.elapsedNanos();
        mainSeen.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.store().outcome() == Outcome.COMPLETED));
        run.join(10_000);
        assertEquals(null, failure.get());
        // the run is over: the view fits all of it, unless the user had taken over
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !view.viewport().following()));
        assertEquals(onFx(() -> view.store().startNanos()), onFx(() -> view.viewport().startNanos()));
        long runSpan = onFx(() -> view.store().endNanos() - view.store().startNanos());
        assertEquals(onFx(() -> view.store().startNanos()) + runSpan + runSpan / 50, onFx(() -> view.viewport().endNanos()));

        // the run is over and drawn: pulses without a change paint nothing
        long repainted = onFx(() -> {
            long before = view.framesPainted();
            view.pulse(System.nanoTime());
            view.pulse(System.nanoTime());
            return view.framesPainted() - before;
        });
        assertEquals(0, repainted, "no frame without a change");

        // key events go straight to the view: which window has the keyboard focus is the robot's business
        onFx(() -> {
            view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "f", "f", KeyCode.F, false, false, false, false));
            return null;
        });
        assertEquals(false, onFx(() -> view.viewport().following()), "fit takes over");
        WritableImage image = onFx(() -> {
            view.paintNow();
            return view.snapshotCanvas();
        });
        StageLayout layout = onFx(view::stageLayout);
        assertEquals(2, layout.visibleLanes);
        assertEquals("MainThread", onFx(() -> view.store().lane(0).name()));
        StagePalette palette = StagePalette.defaults();
        assertEquals(palette.color(Ink.JOIN), image.getPixelReader().getColor((int) layout.x(whileJoining),
                (int) layout.laneCenter(0)), "main joins");
        assertEquals(palette.color(Ink.SLEEP), image.getPixelReader().getColor((int) layout.x(whileJoining),
                (int) layout.laneCenter(1)), "while the worker sleeps");
        String hover = onFx(() -> StageHover.describe(view.store(), layout, layout.plotX - 20, layout.laneCenter(1),
                view.presentNanos()));
        assertEquals("worker (tid 1) \u00b7 daemon", hover);
    }
}
