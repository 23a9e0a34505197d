package io.threadstage.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceReader;
import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.programs.Deadlock;
import io.threadstage.jfr.programs.LockConvoy;
import io.threadstage.jfr.programs.ProducerConsumer;
import io.threadstage.jfr.programs.SmallPool;
import io.threadstage.jfr.programs.WaitNotify;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore.LinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java programs written for the purpose, recorded in a child JVM with our settings and opened
 * as the stage opens them: their lanes, states and arrows are what each program does.
 */
class JavaProgramsTest {

    @TempDir
    static Path folder;

    private static RecordedRun convoy;
    private static RecordedRun queue;
    private static RecordedRun mailbox;
    private static RecordedRun deadlock;
    private static RecordedRun pool;

    @BeforeAll
    static void recordThePrograms() throws Exception {
        convoy = new RecordedRun(RecordedPrograms.record(LockConvoy.class, folder), false);
        queue = new RecordedRun(RecordedPrograms.record(ProducerConsumer.class, folder), false);
        mailbox = new RecordedRun(RecordedPrograms.record(WaitNotify.class, folder), false);
        deadlock = new RecordedRun(RecordedPrograms.recordUntilKilled(Deadlock.class, folder, "deadlocked", 300), false);
        pool = new RecordedRun(RecordedPrograms.record(SmallPool.class, folder), false);
    }

    @Test
    void aLockConvoyHandsTheMonitorOnFromTheHolderThroughEveryThreadInTurn() {
        assertEquals(List.of("main", "Holder", "Convoy-1", "Convoy-2", "Convoy-3"), convoy.laneNames());
        for (String thread : List.of("Convoy-1", "Convoy-2", "Convoy-3")) {
            List<TraceEvent.State> waits = convoy.waits(thread, Reason.LOCK);
            assertFalse(waits.isEmpty(), thread + " never waited for the baton");
            assertEquals("LockConvoy.Baton", waits.get(0).on());
        }
        // the JDK's own monitors (a thread group as threads end) can be handed over too: the baton's are these
        List<RecordedRun.Arrow> handovers = convoy.arrows(LinkKind.LOCK).stream()
                .filter(arrow -> arrow.on().equals("LockConvoy.Baton")).toList();
        assertEquals(3, handovers.size(), handovers.toString());
        // each enters from the one that held the baton before it: the previous owner the recording names
        assertEquals("Holder", handovers.get(0).from());
        Set<String> receivers = new HashSet<>();
        for (int i = 0; i < handovers.size(); i++) {
            RecordedRun.Arrow arrow = handovers.get(i);
            if (i > 0) {
                assertEquals(handovers.get(i - 1).to(), arrow.from(), handovers.toString());
            }
            receivers.add(arrow.to());
        }
        assertEquals(Set.of("Convoy-1", "Convoy-2", "Convoy-3"), receivers);
        // main joins each thread; a join that had to wait (Thread.join waits on the thread's monitor
        // until its end notifies) is an arrow to where that thread ended; one already over never waited
        Set<String> joined = new HashSet<>();
        convoy.arrows(LinkKind.JOIN).forEach(arrow -> {
            assertEquals("main", arrow.from());
            joined.add(arrow.to());
        });
        assertTrue(joined.contains("Holder"), joined.toString());
        assertTrue(Set.of("Holder", "Convoy-1", "Convoy-2", "Convoy-3").containsAll(joined), joined.toString());
    }

    @Test
    void theConsumerWaitsOnTheEmptyQueuesConditionAndTheProducerOnTheFullOnes() {
        assertEquals(List.of("main", "Consumer", "Producer"), queue.laneNames());
        List<TraceEvent.State> consumerWaits = queue.waits("Consumer", Reason.EVENT);
        List<TraceEvent.State> producerWaits = queue.waits("Producer", Reason.EVENT);
        assertTrue(consumerWaits.size() >= 3, "the consumer waits for each of the slow producer's items: " + consumerWaits);
        assertFalse(producerWaits.isEmpty(), "the producer waits while the queue is full");
        String notEmpty = consumerWaits.get(0).on();
        String notFull = producerWaits.get(0).on();
        assertTrue(notEmpty.startsWith("Condition"), notEmpty);
        assertTrue(notFull.startsWith("Condition"), notFull);
        assertNotEquals(notEmpty, notFull, "the queue's two conditions are told apart");
        consumerWaits.forEach(wait -> assertEquals(notEmpty, wait.on()));
        producerWaits.forEach(wait -> assertEquals(notFull, wait.on()));
        // the consumer waits in the first phase, the producer in the second
        assertTrue(consumerWaits.get(0).t() < producerWaits.get(0).t());
        assertEquals(8, queue.waits("Producer", Reason.SLEEP).size() + queue.waits("Consumer", Reason.SLEEP).size());
    }

    @Test
    void aWaiterWaitsOnTheMonitorUntilTheNotifierHandsItOver() {
        assertEquals(List.of("main", "Waiter", "Notifier"), mailbox.laneNames());
        List<TraceEvent.State> waits = mailbox.waits("Waiter", Reason.EVENT);
        assertEquals(1, waits.size(), waits.toString());
        assertEquals("WaitNotify.Mailbox", waits.get(0).on());
        // as both end, one may wait for the other on their thread group's monitor: an arrow of its own
        List<RecordedRun.Arrow> handovers = mailbox.arrows(LinkKind.LOCK).stream()
                .filter(arrow -> !arrow.on().equals("ThreadGroup")).toList();
        assertEquals(1, handovers.size(), handovers.toString());
        RecordedRun.Arrow notify = handovers.get(0);
        assertEquals("Notifier", notify.from());
        assertEquals("Waiter", notify.to());
        assertEquals("WaitNotify.Mailbox", notify.on());
        // the wait lasts about the notifier's 150 ms sleep (the recording's own clock)
        long waited = notify.toNanos() - waits.get(0).t();
        assertTrue(waited > 100_000_000L, "waited " + waited + " ns");
        assertEquals(ThreadState.TERMINATED, last(mailbox.states("Waiter")).state());
        assertEquals(ThreadState.TERMINATED, last(mailbox.states("Notifier")).state());
    }

    @Test
    void aDeadlockKilledAfterATimeoutShowsWhoWaitsForWhatHeldByWhom() {
        assertEquals(List.of("main", "Left", "Right"), deadlock.laneNames());
        assertEquals(Outcome.DEADLOCK, deadlock.recording.outcome());
        String message = deadlock.recording.outcomeMessage();
        assertTrue(message.contains("Left waits for Deadlock.Knife held by Right"), message);
        assertTrue(message.contains("Right waits for Deadlock.Fork held by Left"), message);
        TraceEvent.State left = last(deadlock.states("Left"));
        TraceEvent.State right = last(deadlock.states("Right"));
        assertEquals(ThreadState.WAITING, left.state());
        assertEquals(Reason.LOCK, left.reason());
        assertEquals("Deadlock.Knife", left.on());
        assertEquals("Deadlock.Fork", right.on());
        TraceEvent last = last(deadlock.events);
        assertEquals(Outcome.DEADLOCK, ((TraceEvent.End) last).outcome());
    }

    @Test
    void aSmallPoolRunsTheTasksOnItsTwoThreadsWhileMainWaitsOnTheFutures() {
        List<String> lanes = pool.laneNames();
        assertEquals(3, lanes.size(), lanes.toString());
        assertEquals("main", lanes.get(0));
        for (String worker : lanes.subList(1, 3)) {
            assertTrue(worker.matches("pool-\\d+-thread-[12]"), worker);
            assertEquals("pool", pool.lane(worker).style());
            assertEquals(ThreadState.TERMINATED, last(pool.states(worker)).state(), "shut down");
        }
        int sleeps = pool.waits(lanes.get(1), Reason.SLEEP).size() + pool.waits(lanes.get(2), Reason.SLEEP).size();
        assertEquals(4, sleeps, "one sleep per task");
        List<TraceEvent.State> futures = pool.waits("main", Reason.FUTURE);
        assertFalse(futures.isEmpty());
        futures.forEach(wait -> assertTrue(wait.on().startsWith("FutureTask"), wait.on()));
    }

    @Test
    void everyRecordingIsAValidTraceInTimeOrderFromItsFirstEvent() throws Exception {
        for (RecordedRun run : List.of(convoy, queue, mailbox, deadlock, pool)) {
            long previous = 0;
            for (int i = 0; i < run.events.size(); i++) {
                TraceEvent event = run.events.get(i);
                assertEquals(i, event.seq());
                assertTrue(event.t() >= previous, "time goes back at " + event);
                previous = event.t();
            }
            // written and read back by the trace's own reader, which checks every key and value
            Path file = Files.createTempFile(folder, "trace", ".jsonl");
            TraceWriter.write(file, run.recording.header(), run.recording.events());
            List<TraceEvent> read = new ArrayList<>();
            new TraceReader().read(file, read::add);
            assertEquals(run.events, read);
        }
    }

    @Test
    void theJvmsOwnThreadsAreHiddenUnlessAllAreAsked() throws Exception {
        assertTrue(mailbox.recording.hiddenThreadCount() > 0);
        RecordedRun all = new RecordedRun(folder.resolve("WaitNotify.jfr"), true);
        List<String> lanes = all.laneNames();
        assertTrue(lanes.containsAll(mailbox.laneNames()), lanes.toString());
        assertTrue(lanes.stream().anyMatch(name -> name.startsWith("system/")), lanes.toString());
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
