package io.threadstage.trace;

import static io.threadstage.trace.TraceBuilder.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store keeps each lane's ident and native_id from its start on, and the console's lines with their times. */
class TraceStoreThreadIdsTest {

    private static final TraceHeader HEADER = new TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, false);

    /** A worker created at 10 ms, started at 20 ms (ids given), renamed at 30 ms (ids repeated). */
    private static List<TraceEvent> events() {
        return List.of(
                new TraceEvent.ThreadInfo(0, 0, 0, "MainThread", "main", false, 140L, 4001L),
                new TraceEvent.ThreadInfo(1, 10 * MS, 1, "worker", "target", true, null, null),
                new TraceEvent.ThreadInfo(2, 20 * MS, 1, "worker", "target", true, 150L, 4002L),
                new TraceEvent.Print(3, 25 * MS, 1, "worker", "hello"),
                new TraceEvent.ThreadInfo(4, 30 * MS, 1, "renamed", "target", true, 150L, 4002L),
                new TraceEvent.ErrorReport(5, 40 * MS, "Traceback\nValueError: x"),
                new TraceEvent.Print(6, 50 * MS, 0, "MainThread", "done"));
    }

    private static void checkIds(TraceStore store) {
        assertEquals(140L, store.identAt(0, 0));
        assertEquals(4001L, store.nativeIdAt(0, 0));
        assertNull(store.identAt(1, 15 * MS), "a created thread has no ident yet");
        assertNull(store.nativeIdAt(1, 15 * MS));
        assertEquals(150L, store.identAt(1, 20 * MS));
        assertEquals(4002L, store.nativeIdAt(1, 35 * MS));
        assertEquals("renamed", store.lane(1).name());
    }

    private static void checkConsole(TraceStore store) {
        assertEquals(0, store.consoleCountAt(24 * MS));
        assertEquals(1, store.consoleCountAt(25 * MS));
        assertEquals(2, store.consoleCountAt(45 * MS));
        assertEquals(3, store.consoleCountAt(Long.MAX_VALUE));
        assertEquals("hello", store.consoleText(0));
        assertFalse(store.consoleError(0));
        assertEquals("Traceback\nValueError: x", store.consoleText(1));
        assertTrue(store.consoleError(1));
        assertEquals("done", store.consoleText(2));
    }

    @Test
    void identsAppearAtStartFromEventValues() {
        TraceStore store = new TraceStore();
        events().forEach(store::append);
        checkIds(store);
        checkConsole(store);
    }

    @Test
    void identsAppearAtStartFromTheRecordersColumns() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 140L, 4001L);
        recorder.thread(1, "worker", ThreadStyle.TARGET, true, null, null);
        recorder.thread(1, "worker", ThreadStyle.TARGET, true, 150L, 4002L);
        recorder.print(1, "hello");
        recorder.errorReport("Traceback\nValueError: x");
        TraceStore store = TraceStore.forRun(recorder);
        List<Long> times = new ArrayList<>();
        recorder.read(0, 100, event -> {
            times.add(event.t());
            store.append(event);
        });
        assertEquals(150L, store.identAt(1, times.get(2)));
        assertNull(store.identAt(1, times.get(2) - 1));
        assertEquals(4001L, store.nativeIdAt(0, times.get(0)));
        assertEquals(2, store.consoleCountAt(Long.MAX_VALUE));
        assertTrue(store.consoleError(1));
        assertEquals("hello", store.consoleText(0));
    }
}
