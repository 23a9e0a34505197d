package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceSink;
import io.threadstage.trace.TraceStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon lesson has no join(): MainThread's wait at the end is the interpreter's exit
 * waiting for the non-daemon thread, and the trace says when that exit began.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShutdownMarkerTest {

    @Test
    void theExitsWaitIsMarkedAsTheInterpretersNotTheProgramsJoin() throws Exception {
        Harness run = Harness.start(new ScenarioLoader().load("lesson:daemon-threads")).finish(Duration.ofSeconds(20));
        List<TraceEvent> events = run.events();
        long markerAt = events.stream().filter(e -> e instanceof TraceEvent.Marker m
                && m.text().equals(TraceSink.SHUTDOWN_MARKER)).mapToLong(TraceEvent::t).findFirst().orElse(-1);
        assertTrue(markerAt >= 0, "the exit is marked");
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        assertEquals(markerAt, store.shutdownNanos());
        // the join MainThread waits in starts after the marker: it is the exit's
        long joinStart = events.stream().filter(e -> e instanceof TraceEvent.Join j && j.tid() == 0 && j.begin())
                .mapToLong(TraceEvent::t).findFirst().orElseThrow();
        assertTrue(joinStart >= markerAt);
        assertTrue(store.shutdownJoin(0, joinStart));
        // the hover says so in words
        long joinEnd = events.stream().filter(e -> e instanceof TraceEvent.Join j && j.tid() == 0 && !j.begin())
                .mapToLong(TraceEvent::t).findFirst().orElseThrow();
        // midway: on a loaded machine the waiting state may be recorded a while after the join began
        TraceStore.Interval wait = store.intervalAt(0, joinStart + (joinEnd - joinStart) / 2, Long.MAX_VALUE);
        assertEquals(io.threadstage.trace.Reason.JOIN, wait.reason());
        // the picture names the wait, and Heartbeat's cut-off stands over the arrows with its tag
        io.threadstage.picture.Viewport viewport = new io.threadstage.picture.Viewport();
        viewport.fit(store.startNanos(), store.endNanos());
        io.threadstage.picture.StageFrame frame = new io.threadstage.picture.StageFrame();
        new io.threadstage.picture.FrameBuilder().build(frame, store, viewport, 1920, 1080,
                new io.threadstage.picture.StageOptions("t", true, 0, Long.MAX_VALUE, null));
        List<String> texts = frame.texts().stream().map(io.threadstage.picture.StageFrame.Text::text).toList();
        assertTrue(texts.contains("shutdown (non-daemon Saver)"), texts.toString());
        assertTrue(texts.contains("cut off at exit"), texts.toString());
    }

    @Test
    void aProgramThatJoinsItsThreadsHasNoExitMarker() throws Exception {
        Harness run = Harness.start(new ScenarioLoader().load("lesson:producer-consumer")).finish(Duration.ofSeconds(30));
        assertTrue(run.events().stream().noneMatch(e -> e instanceof TraceEvent.Marker), "nothing was alive at exit");
    }
}
