package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TraceRecorderConcurrencyTest {

    private static final TraceHeader HEADER = new TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, false);

    @Test
    @Timeout(120)
    void concurrentWritersAndADrainingReaderSeeEveryEventOnceInOneOrder() throws Exception {
        int writers = 8;
        int perWriter = 100_000;
        TraceRecorder recorder = new TraceRecorder(HEADER);
        for (int w = 0; w < writers; w++) {
            recorder.thread(w, "W" + w, ThreadStyle.TARGET, false, null, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int tid = w;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perWriter; i++) {
                    recorder.queue("q" + (tid & 1), i, 0, tid, QueueOp.PUT);
                }
                return null;
            }));
        }
        long total = writers + (long) writers * perWriter;
        Checker checker = new Checker(writers);
        go.countDown();
        long next = 0;
        AtomicBoolean writing = new AtomicBoolean(true);
        while (next < total) {
            long before = next;
            next = recorder.drain(next, 5_000, checker::accept);
            if (next == before && writing.get()) {
                writing.set(done.stream().anyMatch(f -> !f.isDone()));
                Thread.onSpinWait();
            } else if (next == before) {
                fail("writers finished but the reader is stuck at " + next + " of " + total);
            }
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(total, recorder.drain(next, 10, e -> fail("extra event " + e)));
        for (int w = 0; w < writers; w++) {
            assertEquals(perWriter, checker.nextDepth[w], "events of writer " + w);
        }
        assertEquals(recorder.events().size(), total);
    }

    /** What the reader checks on every event it is handed. */
    private static final class Checker {
        final int[] nextDepth;
        long expectedSeq;
        long lastT = Long.MIN_VALUE;

        Checker(int writers) {
            nextDepth = new int[writers];
        }

        void accept(TraceEvent e) {
            assertEquals(expectedSeq, e.seq(), "seq gap or repeat");
            assertTrue(e.t() >= lastT, "t decreased at seq " + e.seq());
            lastT = e.t();
            expectedSeq++;
            if (e instanceof TraceEvent.QueueDepth q) {
                assertEquals(nextDepth[q.tid()], q.depth(), "program order of writer " + q.tid());
                assertEquals("W" + q.tid(), q.thread());
                nextDepth[q.tid()]++;
            }
        }
    }

    @Test
    @Timeout(60)
    void anEventRecordedBeforeAHandoffPrecedesEverythingTheWokenThreadRecords() throws Exception {
        // jcstress-style: many trials of one handoff, then the table of outcomes seen.
        int trials = 2_000;
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < trials; trial++) {
                TraceRecorder recorder = new TraceRecorder(HEADER);
                CountDownLatch handoff = new CountDownLatch(1);
                Future<?> a = pool.submit(() -> {
                    recorder.lock("l", 0);
                    recorder.lock("l", TraceSink.NO_THREAD);
                    handoff.countDown();
                });
                Future<?> b = pool.submit(() -> {
                    recorder.print(1, "noise before");
                    if (!handoff.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("handoff never came");
                    }
                    recorder.lock("l", 1);
                    return null;
                });
                a.get(10, TimeUnit.SECONDS);
                b.get(10, TimeUnit.SECONDS);
                StringBuilder order = new StringBuilder();
                for (TraceEvent e : recorder.events()) {
                    order.append(e instanceof TraceEvent.Print ? "p" : "L" + ((TraceEvent.LockOwner) e).owner()).append(' ');
                }
                outcomes.merge(order.toString().trim(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        // B's print may fall anywhere before its acquire; the acquire must follow A's release.
        Set<String> allowed = Set.of("p L0 L-1 L1", "L0 p L-1 L1", "L0 L-1 p L1");
        for (String outcome : outcomes.keySet()) {
            assertTrue(allowed.contains(outcome), "forbidden outcome " + outcome + " in " + outcomes);
        }
        assertEquals(trials, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    @Timeout(60)
    void anEventStillBeingWrittenHoldsBackEverythingStampedAfterIt() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.print(0, "published");
        ThreadBuffer mainBuffer = recorder.threadBuffers()[0];
        // As if this thread had announced its next event and been descheduled before stamping it.
        mainBuffer.beginEvent(mainBuffer.lastT);
        Thread other = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                recorder.print(1, "later " + i);
            }
        });
        other.start();
        other.join(10_000);
        assertFalse(other.isAlive());
        assertEquals(1, recorder.ready());
        assertEquals(1, recorder.events().size());
        ThreadBufferWriterSide.PENDING.setRelease(mainBuffer, ThreadBufferWriterSide.IDLE);
        assertEquals(4, recorder.ready());
    }

    @Test
    @Timeout(60)
    void writersNeverWaitForASlowReader() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.print(0, "first");
        CountDownLatch readerInside = new CountDownLatch(1);
        CountDownLatch releaseReader = new CountDownLatch(1);
        Thread reader = new Thread(() -> recorder.drain(0, 10, e -> {
            readerInside.countDown();
            try {
                releaseReader.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        reader.start();
        assertTrue(readerInside.await(10, TimeUnit.SECONDS));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            writer.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    recorder.print(0, "while the reader is busy");
                }
            }).get(10, TimeUnit.SECONDS);
        } finally {
            releaseReader.countDown();
            writer.shutdownNow();
        }
        reader.join(10_000);
        assertEquals(10_001, recorder.ready());
    }

    @Test
    @Timeout(60)
    void theCapHoldsUnderConcurrentWritersAndEveryWriterIsToldWhenFull() throws Exception {
        int cap = 50_000;
        TraceRecorder recorder = new TraceRecorder(HEADER, cap);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int tid = w;
            accepted.add(pool.submit(() -> {
                int count = 0;
                try {
                    while (true) {
                        recorder.print(tid, "x");
                        count++;
                    }
                } catch (TraceCapacityException full) {
                    return count;
                }
            }));
        }
        int sum = 0;
        for (Future<Integer> f : accepted) {
            sum += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // Room is reserved a block per thread at a time: the first refusal may come early by
        // the blocks other threads still hold, never late.
        assertTrue(sum <= cap && sum > cap - 4 * TraceRecorder.RESERVATION_BLOCK, "accepted " + sum);
        assertEquals(sum, recorder.ready());
        assertEquals(sum, recorder.recordedCount());
    }
}
