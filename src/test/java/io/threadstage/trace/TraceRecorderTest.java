package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

    private static final TraceHeader HEADER = new TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, false);

    @Test
    void everySinkCallComesBackAsItsEventWithTheThreadNameOfThatMoment() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 11L, 22L);
        recorder.thread(1, "Thread-1 (produce)", ThreadStyle.TARGET, false, null, null);
        recorder.state(1, ThreadState.CREATED, Reason.NONE, null);
        recorder.queue("q", 3, 5, 1, QueueOp.PUT);
        recorder.join(0, 1, true, false);
        recorder.lock("a", 1);
        recorder.lock("a", TraceSink.NO_THREAD);
        recorder.signal(1, "ready", true);
        recorder.gil(TraceSink.NO_THREAD);
        recorder.nameSteps(id -> "$.workers[0].steps[" + id + "]");
        recorder.step(1, 1);
        recorder.thread(1, "renamed", ThreadStyle.TARGET, true, 7L, 8L);
        recorder.print(1, "hello");
        recorder.exception(1, "ValueError", "bad", false);
        recorder.state(1, ThreadState.WAITING, Reason.QUEUE_GET, "q");
        recorder.queue("q", 0, 0, TraceSink.NO_THREAD, null);
        recorder.marker("caption");
        recorder.join(0, 1, false, true);
        recorder.end(Outcome.STOPPED, "stopped by user");

        List<TraceEvent> events = recorder.events();
        List<TraceEvent> expected = List.of(
                new TraceEvent.ThreadInfo(0, t(events, 0), 0, "MainThread", "main", false, 11L, 22L),
                new TraceEvent.ThreadInfo(1, t(events, 1), 1, "Thread-1 (produce)", "target", false, null, null),
                new TraceEvent.State(2, t(events, 2), 1, "Thread-1 (produce)", ThreadState.CREATED, Reason.NONE, null),
                new TraceEvent.QueueDepth(3, t(events, 3), "q", 3, 5, 1, "Thread-1 (produce)", "put"),
                new TraceEvent.Join(4, t(events, 4), 0, "MainThread", 1, true, false),
                new TraceEvent.LockOwner(5, t(events, 5), "a", 1),
                new TraceEvent.LockOwner(6, t(events, 6), "a", -1),
                new TraceEvent.Signal(7, t(events, 7), 1, "Thread-1 (produce)", "ready", true),
                new TraceEvent.Gil(8, t(events, 8), -1),
                new TraceEvent.StepBegin(9, t(events, 9), 1, "Thread-1 (produce)", 1, "$.workers[0].steps[1]"),
                new TraceEvent.ThreadInfo(10, t(events, 10), 1, "renamed", "target", true, 7L, 8L),
                new TraceEvent.Print(11, t(events, 11), 1, "renamed", "hello"),
                new TraceEvent.ExceptionRaised(12, t(events, 12), 1, "renamed", "ValueError", "bad", false),
                new TraceEvent.State(13, t(events, 13), 1, "renamed", ThreadState.WAITING, Reason.QUEUE_GET, "q"),
                new TraceEvent.QueueDepth(14, t(events, 14), "q", 0, 0, -1, null, null),
                new TraceEvent.Marker(15, t(events, 15), "caption"),
                new TraceEvent.Join(16, t(events, 16), 0, "MainThread", 1, false, true),
                new TraceEvent.End(17, t(events, 17), Outcome.STOPPED, "stopped by user"));
        assertEquals(expected, events);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).t() >= events.get(i - 1).t(), "t decreased at seq " + i);
        }
    }

    @Test
    void everyReasonAndStateSurvivesTheColumns() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        List<TraceEvent.State> expected = new ArrayList<>();
        for (ThreadState state : ThreadState.values()) {
            for (Reason reason : Reason.values()) {
                recorder.state(3, state, reason, reason.json());
            }
        }
        List<TraceEvent> events = recorder.events();
        int seq = 0;
        for (ThreadState state : ThreadState.values()) {
            for (Reason reason : Reason.values()) {
                expected.add(new TraceEvent.State(seq, events.get(seq).t(), 3, null, state, reason, reason.json()));
                seq++;
            }
        }
        assertEquals(expected, events);
    }

    @Test
    void drainHandsOutInBatchesAndResumesWhereItStopped() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        for (int i = 0; i < 25; i++) {
            recorder.print(0, "line " + i);
        }
        List<String> texts = new ArrayList<>();
        long next = recorder.drain(0, 10, e -> texts.add(((TraceEvent.Print) e).text()));
        assertEquals(10, next);
        next = recorder.drain(next, 10, e -> texts.add(((TraceEvent.Print) e).text()));
        next = recorder.drain(next, 10, e -> texts.add(((TraceEvent.Print) e).text()));
        assertEquals(25, next);
        assertEquals(25, recorder.drain(next, 10, e -> texts.add("unexpected")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add("line " + i);
        }
        assertEquals(expected, texts);
    }

    @Test
    void aReaderThatDrainedEverythingHasTheRunUpToTheWatermark() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.print(0, "a");
        recorder.print(0, "b");
        assertEquals(Long.MIN_VALUE, recorder.completeUntilNanos(0), "nothing is known before a drain");
        long[] stamped = new long[1];
        long next = recorder.drain(0, 1, e -> stamped[0] = e.t());
        assertEquals(Long.MIN_VALUE, recorder.completeUntilNanos(next), "an event is still to be drained");
        next = recorder.drain(next, 10, e -> stamped[0] = e.t());
        long complete = recorder.completeUntilNanos(next);
        assertTrue(complete >= stamped[0] && complete <= recorder.elapsedNanos(),
                complete + " between the last event at " + stamped[0] + " and now");
        // with no writer at work the watermark is the clock: it moves on with nothing recorded
        long later = complete;
        for (int tries = 0; tries < 10_000_000 && later == complete; tries++) {
            recorder.drain(next, 10, e -> { });
            later = recorder.completeUntilNanos(next);
        }
        assertTrue(later > complete);
    }

    @Test
    void eventsCrossChunkBoundariesInOrder() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        int count = MergedStore.LARGEST_CHUNK * 3 + 17;
        for (int i = 0; i < count; i++) {
            recorder.queue("q", i, 0, 0, QueueOp.PUT);
        }
        List<TraceEvent> events = recorder.events();
        assertEquals(count, events.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, ((TraceEvent.QueueDepth) events.get(i)).depth());
            assertEquals(i, events.get(i).seq());
        }
    }

    @Test
    void pastTheCapRecordingFailsLoudlyButTheEndStillFits() {
        TraceRecorder recorder = new TraceRecorder(HEADER, 3);
        recorder.print(0, "a");
        recorder.print(0, "b");
        recorder.print(0, "c");
        TraceCapacityException refused = assertThrows(TraceCapacityException.class, () -> recorder.print(0, "d"));
        assertEquals("trace capacity reached: the recorder holds at most 3 events; shorten the run or raise the cap (it follows the memory Java may use: java -Xmx)",
                refused.getMessage());
        assertEquals(3, refused.capacity());
        recorder.end(Outcome.ERROR, refused.getMessage());
        assertThrows(TraceCapacityException.class, () -> recorder.end(Outcome.ERROR, "again"));
        List<TraceEvent> events = recorder.events();
        assertEquals(4, events.size());
        assertEquals(new TraceEvent.End(3, events.get(3).t(), Outcome.ERROR, refused.getMessage()), events.get(3));
    }

    @Test
    void aTidOutsideTheColumnRangeIsRefused() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        assertThrows(IllegalArgumentException.class, () -> recorder.print(40_000, "x"));
        assertThrows(IllegalArgumentException.class, () -> recorder.print(-2, "x"));
        assertEquals(0, recorder.ready());
    }

    @Test
    void recordingAroundASleepKeepsItsLength() throws InterruptedException {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        long before = System.nanoTime();
        recorder.state(1, ThreadState.WAITING, Reason.SLEEP, null);
        Thread.sleep(100);
        recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
        long outside = System.nanoTime() - before;
        List<TraceEvent> events = recorder.events();
        long inTrace = events.get(1).t() - events.get(0).t();
        assertTrue(inTrace >= 100_000_000L, "sleep shorter in the trace: " + inTrace);
        assertTrue(inTrace <= outside, "trace interval " + inTrace + " longer than measured around it " + outside);
    }

    private static long t(List<TraceEvent> events, int seq) {
        return events.get(seq).t();
    }
}
