package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The control's mode goes both ways: set, it drives the view; the view's own end of a replay comes back in it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StageControlModeTest {

    private StageControl control;

    @Start
    void start(Stage stage) {
        control = new StageControl();
        stage.setScene(new Scene(control, 800, 400));
        stage.show();
    }

    private <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static TraceStore finishedRun() {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("two", "2026-11-25T21:00:00Z", 1.0, false));
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 1L, 1L);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.state(0, ThreadState.WAITING, Reason.SLEEP, null);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.end(Outcome.COMPLETED, null);
        TraceStore store = new TraceStore();
        recorder.events().forEach(store::append);
        return store;
    }

    @Test
    void aModeSetOnTheControlIsWhatTheViewDoes() throws Exception {
        TraceStore store = finishedRun();
        StageMode whole = new StageMode.WholeRun(store);
        onFx(() -> {
            control.modeProperty().set(whole);
            return null;
        });
        assertSame(whole, onFx(() -> control.view().mode()));
        assertSame(store, onFx(() -> control.view().store()));
    }

    @Test
    void aReplayTheViewEndsByItselfComesBackInTheControlsMode() throws Exception {
        TraceStore store = finishedRun();
        List<StageMode> seen = new ArrayList<>();
        StageMode replay = StageMode.Replay.from(1.0);
        onFx(() -> {
            control.modeProperty().set(new StageMode.WholeRun(store));
            control.modeProperty().addListener((obs, was, now) -> seen.add(now));
            control.modeProperty().set(replay);
            // a pulse an hour later: the replay is past the trace's end, and the view ends it
            control.view().pulse(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
            return null;
        });
        StageMode after = onFx(() -> control.modeProperty().get());
        assertInstanceOf(StageMode.WholeRun.class, after);
        assertSame(after, onFx(() -> control.view().mode()));
        assertEquals(List.of(replay, after), onFx(() -> List.copyOf(seen)));
    }
}
