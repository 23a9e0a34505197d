package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store keeps each counter's values as a column, read once per pixel column, and each local's sets. */
class CounterValuesTest {

    private static TraceBuilder lostUpdate() {
        // two adders read 0, both write 1: two writes, one lost
        return new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).thread(1, "A", "target", false)
                .thread(2, "B", "target", false).running(0).counter(0, "total", 0)
                .atMs(10).counter(1, "total", 1).atMs(20).counter(2, "total", 1).atMs(30).counter(1, "total", 2)
                .atMs(40).end(Outcome.COMPLETED, null);
    }

    @Test
    void aCounterKnowsItsStartItsLastValueAndItsWrites() {
        TraceStore store = lostUpdate().store();
        assertEquals(1, store.counterCount());
        assertEquals(new TraceStore.CounterInfo(0, "total", 0, 2, 0, 2, 3), store.counter(0));
        assertEquals(1, store.counterValueAt(0, 25 * TraceBuilder.MS));
        assertEquals(Long.MIN_VALUE, store.counterValueAt(0, -1));
    }

    @Test
    void valuesComeAsStepsOnePerRunOfEqualColumns() {
        TraceStore store = lostUpdate().store();
        List<long[]> steps = new ArrayList<>();
        // 40 columns of 1 ms each over [0, 40 ms)
        store.counterValues(0, 0, 40 * TraceBuilder.MS, 40, Long.MAX_VALUE, (x0, x1, value) -> steps.add(new long[] {x0, x1, value}));
        assertEquals(3, steps.size(), "0 until 10 ms, 1 until 30 ms (the lost update changes nothing), then 2");
        assertEquals(List.of(0L, 10L, 0L), List.of(steps.get(0)[0], steps.get(0)[1], steps.get(0)[2]));
        assertEquals(List.of(10L, 30L, 1L), List.of(steps.get(1)[0], steps.get(1)[1], steps.get(1)[2]));
        assertEquals(List.of(30L, 40L, 2L), List.of(steps.get(2)[0], steps.get(2)[1], steps.get(2)[2]));
    }

    @Test
    void aMillionWritesCostOneSearchAColumn() {
        TraceBuilder trace = new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false).counter(0, "n", 0);
        for (int i = 1; i <= 1_000_000; i++) {
            trace.at(i * 1000L).counter(0, "n", i);
        }
        TraceStore store = trace.store();
        int[] runs = {0};
        store.counterValues(0, 0, 1_000_000_000L, 800, Long.MAX_VALUE, (x0, x1, value) -> runs[0]++);
        assertEquals(800, runs[0]);
    }

    @Test
    void localsAreSetOnTheirThreadsLanes() {
        TraceStore store = new TraceBuilder().atMs(0).thread(0, "MainThread", "main", false)
                .thread(1, "W", "target", false).atMs(5).local(1, "data", "7").atMs(6).end(Outcome.COMPLETED, null).store();
        List<String> chips = new ArrayList<>();
        store.localValues(0, 10 * TraceBuilder.MS, Long.MAX_VALUE, 1, 10,
                (lane, t, local, text) -> chips.add(lane + ":" + store.text(local) + "=" + store.text(text)));
        assertEquals(List.of("1:data=7"), chips);
    }

    @Test
    void theRecorderKeepsBothKindsAsTheStoreDoes() {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("t", "2026-01-01T00:00:00Z", 1.0, true));
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, null, null);
        recorder.counter(0, "total", -5_000_000_000L);
        recorder.local(0, "data", "'x'");
        recorder.end(Outcome.COMPLETED, null);
        List<TraceEvent> events = recorder.events();
        assertEquals(TraceEvent.ValueChange.ofCounter(1, events.get(1).t(), 0, "MainThread", "total", -5_000_000_000L),
                events.get(1));
        assertEquals(TraceEvent.ValueChange.ofLocal(2, events.get(2).t(), 0, "MainThread", "data", "'x'"), events.get(2));
    }
}
