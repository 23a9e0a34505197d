package io.threadstage.trace;

import static io.threadstage.trace.TraceBuilder.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact answers of {@link TraceStore} on small hand-made traces. */
class TraceStoreTest {

    private static List<String> spans(TraceStore store, int lane, long t0, long t1, int columns) {
        List<String> out = new ArrayList<>();
        store.spans(lane, lane + 1, t0, t1, columns, Long.MAX_VALUE, (l, x0, x1, code, on, start, end, mixed) ->
                out.add(x0 + "-" + x1 + " " + StateCode.describe(code) + (on >= 0 ? " on " + store.text(on) : "")
                        + (mixed ? " mixed" : "") + " [" + start / MS + "," + end / MS + ")"));
        return out;
    }

    private static List<String> links(TraceStore store, boolean joins, long minGap) {
        List<String> out = new ArrayList<>();
        TraceStore.LinkSink sink = (kind, from, fromT, to, toT, open, timedOut, on) -> out.add(kind + " "
                + store.lane(from).name() + "@" + fromT / MS + " -> " + store.lane(to).name() + "@" + toT / MS
                + (open ? " open" : "") + (timedOut ? " timed out" : ""));
        if (joins) {
            store.joins(0, Long.MAX_VALUE, Long.MAX_VALUE, sink);
        } else {
            store.handoffs(0, Long.MAX_VALUE, Long.MAX_VALUE, minGap, sink);
        }
        return out;
    }

    /** Main starts a worker, joins it with a timeout that expires; the worker waits on a lock main releases. */
    private static TraceBuilder joinAndLock() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0).lock("L", 0)
                .atMs(10).thread(1, "worker", "target", true).created(1)
                .atMs(20).running(1)
                .atMs(30).waiting(1, Reason.LOCK, "L")
                .atMs(40).join(0, 1, true, false).waiting(0, Reason.JOIN, "worker")
                .atMs(50).lock("L", -1)
                .atMs(52).lock("L", 1).running(1)
                .atMs(70).join(0, 1, false, true).running(0)
                .atMs(90).terminated(1, Reason.RETURNED)
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null);
    }

    @Test
    void lanesPutMainThreadFirstAndCarryBadges() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(2, "pool-0", "pool", true).thread(0, "MainThread", "main", false)
                .thread(1, "w", "target", false).thread(2, "renamed", "pool", true)
                .store();
        assertEquals(List.of(
                new TraceStore.Lane(0, 0, "MainThread", "main", false, false),
                new TraceStore.Lane(1, 2, "renamed", "pool", true, true),
                new TraceStore.Lane(2, 1, "w", "target", false, false)), store.lanes());
        assertEquals(1, store.laneOfTid(2));
        assertEquals(-1, store.laneOfTid(9));
    }

    @Test
    void spansFollowTheStatesOneIntervalPerRun() {
        TraceStore store = joinAndLock().store();
        assertEquals(List.of(
                "1-2 created [10,20)",
                "2-3 running [20,30)",
                "3-5 waiting: lock on L [30,52)",
                "5-6 running mixed [50,60)",
                "6-9 running [52,90)",
                "9-10 terminated: returned [90,100)"), spans(store, 1, 0, 100 * MS, 10));
        assertEquals(List.of(
                "0-4 running [0,40)",
                "4-7 waiting: join on worker [40,70)",
                "7-10 running [70,100)"), spans(store, 0, 0, 100 * MS, 10));
    }

    @Test
    void aQuietRunsOpenIntervalsReachWhatIsKnownNotOnlyItsLastEvent() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(10).waiting(0, Reason.SLEEP, null)
                .store();
        assertEquals(List.of("0-1 running [0,10)"), spans(store, 0, 0, 100 * MS, 10), "up to the last event");
        store.quietUntil(60 * MS);
        assertEquals(60 * MS, store.endNanos());
        assertEquals(List.of("0-1 running [0,10)", "1-6 waiting: sleep [10,60)"), spans(store, 0, 0, 100 * MS, 10));
        store.quietUntil(40 * MS);
        assertEquals(60 * MS, store.endNanos(), "what is known never shrinks");
        store.append(new TraceEvent.End(3, 70 * MS, Outcome.COMPLETED, null));
        store.quietUntil(90 * MS);
        assertEquals(70 * MS, store.endNanos(), "the end is the end");
        TraceStore empty = new TraceStore();
        empty.quietUntil(5 * MS);
        assertEquals(0, empty.endNanos(), "nothing known before the first event");
    }

    @Test
    void mixedColumnShowsWhatCoveredMostOfIt() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(1).waiting(0, Reason.SLEEP, null)
                .atMs(8).running(0)
                .atMs(10).waiting(0, Reason.IO, null)
                .atMs(20).end(Outcome.COMPLETED, null)
                .store();
        assertEquals(List.of("0-1 waiting: sleep mixed [0,10)", "1-2 waiting: io [10,20)"),
                spans(store, 0, 0, 20 * MS, 2));
        assertEquals(List.of("0-1 running [0,1)", "1-8 waiting: sleep [1,8)", "8-10 running [8,10)",
                "10-20 waiting: io [10,20)"), spans(store, 0, 0, 20 * MS, 20));
    }

    @Test
    void horizonHidesTheFutureAndShortensTheLastInterval() {
        TraceStore store = joinAndLock().store();
        List<String> out = new ArrayList<>();
        store.spans(1, 2, 0, 100 * MS, 10, 35 * MS, (l, x0, x1, code, on, start, end, mixed) ->
                out.add(x0 + "-" + x1 + " " + StateCode.describe(code) + " " + end / MS));
        assertEquals(List.of("1-2 created 20", "2-3 running 30", "3-4 waiting: lock 35"), out);
        assertNull(store.intervalAt(1, 36 * MS, 35 * MS));
    }

    @Test
    void joinReturnsTimedOutAndLockHandsOverToTheBlockedWorker() {
        TraceStore store = joinAndLock().store();
        assertEquals(List.of("JOIN MainThread@40 -> worker@70 timed out"), links(store, true, 0));
        assertEquals(List.of("LOCK MainThread@50 -> worker@52"), links(store, false, 0));
        List<String> live = new ArrayList<>();
        store.joins(0, 100 * MS, 60 * MS, (kind, from, fromT, to, toT, open, timedOut, on) ->
                live.add(kind + " " + toT / MS + (open ? " open" : "")));
        assertEquals(List.of("JOIN 60 open"), live);
    }

    @Test
    void intervalAtAnswersTheHover() {
        TraceStore store = joinAndLock().store();
        assertEquals(new TraceStore.Interval(1, ThreadState.WAITING, Reason.LOCK, "L", 30 * MS, 52 * MS),
                store.intervalAt(1, 45 * MS, Long.MAX_VALUE));
        assertNull(store.intervalAt(1, 5 * MS, Long.MAX_VALUE));
        assertEquals(100 * MS, store.endNanos());
        assertEquals(Outcome.COMPLETED, store.outcome());
    }

    @Test
    void eventSetWakesEveryWaiterAndPutsFeedGetsInOrder() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "a", "target", false).running(1).thread(2, "b", "target", false).running(2)
                .atMs(1).waiting(1, Reason.EVENT, "go").waiting(2, Reason.EVENT, "go")
                .atMs(5).signal(0, "go", true)
                .atMs(6).running(2).atMs(7).running(1)
                .atMs(10).queue("q", 1, 2, 0, "put").atMs(11).queue("q", 2, 2, 0, "put")
                .atMs(12).queue("q", 1, 2, 1, "get").atMs(13).queue("q", 0, 2, 2, "get")
                .store();
        assertEquals(List.of("SIGNAL MainThread@5 -> a@7", "SIGNAL MainThread@5 -> b@6",
                "FEED MainThread@10 -> a@12", "FEED MainThread@11 -> b@13"), links(store, false, 0));
        assertEquals(List.of("SIGNAL MainThread@5 -> a@7", "SIGNAL MainThread@5 -> b@6",
                "FEED MainThread@10 -> a@12"), links(store, false, 2 * MS));
        List<String> depths = new ArrayList<>();
        store.queueDepths(0, 0, 14 * MS, 14, Long.MAX_VALUE, (x0, x1, min, max) -> depths.add(x0 + "-" + x1 + " " + min + ".." + max));
        // the run's newest event is the last get: nothing is drawn after it
        assertEquals(List.of("10-11 1..1", "11-12 2..2", "12-13 1..1"), depths);
        assertEquals(new TraceStore.QueueInfo(0, "q", 2, 2), store.queue(0));
        assertEquals(2, store.queueDepthAt(0, 11 * MS));
    }

    @Test
    void markersKeepTheMostSevereWhenThinned() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(1).print(0, "hello")
                .atMs(2).exception(0, "ValueError", "bad", false)
                .atMs(3).exception(0, "RuntimeError", "threads can only be started once", true)
                .atMs(50).print(0, "bye").marker("Step 2")
                .store();
        List<String> all = new ArrayList<>();
        store.markers(0, 0, 100 * MS, Long.MAX_VALUE, 10 * MS, (l, t, kind, text, count) ->
                all.add(t / MS + " " + kind + " " + store.text(text) + " x" + count));
        assertEquals(List.of("2 UNCAUGHT ValueError: bad x3", "50 PRINT bye x1"), all);
        assertEquals(new TraceStore.Marker(0, 3 * MS, TraceStore.MarkerKind.RUNTIME_ERROR,
                "RuntimeError: threads can only be started once (caught)"), store.markerNear(0, 3 * MS + 100, MS, Long.MAX_VALUE));
        assertEquals("Step 2", store.markerNear(-1, 50 * MS, 0, Long.MAX_VALUE).text());
    }

    @Test
    void gilStripNamesTheOwner() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).thread(1, "w", "target", false)
                .gil(0).atMs(5).gil(1).atMs(8).gil(-1).atMs(10).end(Outcome.COMPLETED, null)
                .store();
        List<String> out = new ArrayList<>();
        store.gilSpans(0, 10 * MS, 10, Long.MAX_VALUE, (l, x0, x1, code, on, start, end, mixed) ->
                out.add(x0 + "-" + x1 + " " + code + " " + on));
        assertEquals(List.of("0-5 1 0", "5-8 1 1", "8-10 0 -1"), out);
        assertTrue(store.hasGil());
        assertEquals(1, store.gilOwnerAt(6 * MS));
    }

    @Test
    void aMillionStateChangesTakeUnderTwentyFourBytesEach() {
        TraceStore store = new TraceStore();
        java.util.Random random = new java.util.Random(7);
        int lanes = 1000;
        long t = 0;
        long seq = 0;
        for (int tid = 0; tid < lanes; tid++) {
            store.append(new TraceEvent.ThreadInfo(seq++, t, tid, "T" + tid, "target", false, null, null));
        }
        Reason[] reasons = {Reason.SLEEP, Reason.LOCK, Reason.IO, Reason.QUEUE_GET};
        while (seq < 1_000_000) {
            t += random.nextInt(2000);
            int tid = random.nextInt(lanes);
            boolean run = random.nextBoolean();
            store.append(new TraceEvent.State(seq++, t, tid, "T" + tid, run ? ThreadState.RUNNING : ThreadState.WAITING,
                    run ? Reason.NONE : reasons[random.nextInt(reasons.length)], run ? null : "r" + random.nextInt(8)));
        }
        double perEvent = (double) store.memoryBytes() / store.eventCount();
        assertTrue(perEvent < 24, "bytes per event: " + perEvent);
    }

    /**
     * A trace may introduce 32,768 threads, and a hostile one makes them all wait on one event it
     * sets again and again: both must stay linear (a new lane used to copy the lane order, and
     * every set looked at every lane).
     */
    @Test
    void manyThreadsAndManySetsStayLinear() {
        int threads = 32_768;
        List<TraceEvent> events = new ArrayList<>();
        long seq = 0;
        for (int tid = threads - 1; tid >= 0; tid--) {
            events.add(new TraceEvent.ThreadInfo(seq++, seq, tid, "T" + tid, "target", false, null, null));
            events.add(new TraceEvent.State(seq++, seq, tid, "T" + tid, ThreadState.WAITING, Reason.EVENT, "go"));
        }
        for (int i = 0; i < threads; i++) {
            events.add(new TraceEvent.Signal(seq++, seq, 0, "T0", "go", true));
        }
        TraceStore store = new TraceStore();
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> events.forEach(store::append));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(threads, store.laneCount());
        assertEquals("T0", store.lane(0).name(), "MainThread, seen last, still comes first");
        assertEquals(threads - 1, store.lane(1).tid(), "then the others in creation order");
        assertEquals(1, store.laneOfTid(threads - 1));
        assertTrue(millis < 3_000, "appending took " + millis + " ms");
        List<Integer> woken = new ArrayList<>();
        store.handoffs(0, Long.MAX_VALUE, Long.MAX_VALUE, 0, (kind, from, fromT, to, toT, open, timedOut, on) -> woken.add(to));
        assertEquals(threads - 1, woken.size(), "the first set wakes every other waiter once");
    }
}
