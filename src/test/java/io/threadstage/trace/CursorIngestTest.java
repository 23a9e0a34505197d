package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store filled in place from the recorder's columns shows what a store filled from event values shows. */
class CursorIngestTest {

    private static TraceRecorder mixedRun() {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("mix", "2026-11-25T21:00:00Z", 1.0, true));
        recorder.nameSteps(id -> "$.workers[" + id / 3 + "].steps[" + id % 3 + "]");
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 1L, 2L);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.thread(1, "Producer", ThreadStyle.TARGET, false, null, null);
        recorder.thread(2, "Consumer", ThreadStyle.POOL, true, null, null);
        for (int i = 0; i < 200; i++) {
            int tid = 1 + (i & 1);
            recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
            recorder.step(tid, (tid - 1) * 3 + i % 3);
            recorder.lock("lock " + (i % 2), tid);
            recorder.lock("lock " + (i % 2), TraceSink.NO_THREAD);
            recorder.queue("jobs", i % 5, 5, tid, (i & 1) == 0 ? QueueOp.PUT : QueueOp.GET);
            recorder.state(tid, ThreadState.WAITING, i % 3 == 0 ? Reason.EVENT : Reason.LOCK, i % 3 == 0 ? "ready" : "lock 1");
            recorder.signal(0, "ready", i % 7 == 0);
            recorder.gil(i % 4 == 0 ? TraceSink.NO_THREAD : tid);
            recorder.print(tid, "line " + i);
            if (i % 50 == 0) {
                recorder.exception(tid, i % 100 == 0 ? "RuntimeError" : "ValueError", "bad " + i, i % 100 != 0);
                recorder.errorReport("Traceback (most recent call last):\nValueError: bad " + i);
                recorder.marker("caption " + i);
            }
        }
        recorder.join(0, 1, true, false);
        recorder.join(0, 1, false, true);
        recorder.end(Outcome.COMPLETED, "done");
        return recorder;
    }

    private static List<String> picture(TraceStore store) {
        List<String> seen = new ArrayList<>();
        seen.add(store.eventCount() + " events, " + store.startNanos() + ".." + store.endNanos() + " " + store.outcome()
                + " " + store.outcomeMessage());
        seen.add(store.lanes().toString());
        for (int q = 0; q < store.queueCount(); q++) {
            seen.add(store.queue(q).toString());
        }
        for (int l = 0; l < store.lockCount(); l++) {
            seen.add(store.lockName(l));
        }
        long t0 = store.startNanos();
        long t1 = store.endNanos() + 1;
        store.spans(0, store.laneCount(), t0, t1, 97, Long.MAX_VALUE, (lane, x0, x1, code, on, s, e, mixed) ->
                seen.add("span " + lane + " " + x0 + "-" + x1 + " " + code + " " + store.text(on) + " " + mixed));
        store.handoffs(t0, t1, Long.MAX_VALUE, 0, (kind, from, fromT, to, toT, open, timedOut, on) ->
                seen.add("link " + kind + " " + from + "@" + fromT + " " + to + "@" + toT + " " + open + " " + timedOut));
        store.joins(t0, t1, Long.MAX_VALUE, (kind, from, fromT, to, toT, open, timedOut, on) ->
                seen.add("join " + from + "@" + fromT + " " + to + "@" + toT + " " + timedOut));
        for (int lane = -1; lane < store.laneCount(); lane++) {
            store.markers(lane, t0, t1, Long.MAX_VALUE, 0, (l, nanos, kind, text, count) ->
                    seen.add("marker " + l + " " + nanos + " " + kind + " " + store.text(text) + " " + count));
        }
        store.gilSpans(t0, t1, 53, Long.MAX_VALUE, (lane, x0, x1, code, on, s, e, mixed) ->
                seen.add("gil " + x0 + "-" + x1 + " " + code + " " + on));
        return seen;
    }

    @Test
    void theRecordersColumnsGiveTheSamePictureAsItsEventValues() {
        TraceRecorder recorder = mixedRun();
        TraceStore fromValues = new TraceStore();
        recorder.events().forEach(fromValues::append);
        TraceStore inPlace = TraceStore.forRun(recorder);
        long next = 0;
        long before;
        do {
            before = next;
            next = recorder.read(next, 100, inPlace::append);
        } while (next != before);
        List<String> expected = picture(fromValues);
        assertTrue(expected.size() > 300, "the mix draws spans, links, markers and the GIL: " + expected.size());
        assertEquals(expected, picture(inPlace));
    }

    @Test
    void aStoreWithTextsOfItsOwnTakesTheCursorToo() {
        TraceRecorder recorder = mixedRun();
        TraceStore fromValues = new TraceStore();
        recorder.events().forEach(fromValues::append);
        TraceStore own = new TraceStore();
        recorder.read(0, Integer.MAX_VALUE, own::append);
        assertEquals(picture(fromValues), picture(own));
    }
}
