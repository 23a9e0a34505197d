package io.threadstage.trace;

import static io.threadstage.trace.TraceBuilder.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Thread-properties table of an instant, computed from the store alone. */
class ThreadTableTest {

    /** Main holds L and joins a daemon worker that waits on L; main lets L go at 50 ms; the worker ends at 90 ms. */
    private static TraceStore joinAndLock() {
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
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .store();
    }

    @Test
    void aThreadNotYetCreatedIsNotListed() {
        ThreadTable table = ThreadTable.at(joinAndLock(), 5 * MS);
        assertEquals(List.of("MainThread"), table.rows().stream().map(ThreadRow::name).toList());
        assertEquals(1, table.activeCount());
        assertEquals("MainThread", table.mainThread().name());
    }

    @Test
    void aCreatedThreadIsNotAliveAndNotCounted() {
        ThreadTable table = ThreadTable.at(joinAndLock(), 15 * MS);
        ThreadRow worker = table.rows().get(1);
        assertFalse(worker.alive());
        assertTrue(worker.daemon());
        assertEquals(ThreadState.CREATED, worker.state());
        assertEquals(1, table.activeCount());
    }

    @Test
    void aLockWaitNamesTheLockAndItsHolderWhoHoldsIt() {
        ThreadTable table = ThreadTable.at(joinAndLock(), 45 * MS);
        ThreadRow main = table.rows().get(0);
        ThreadRow worker = table.rows().get(1);
        assertEquals(2, table.activeCount());
        assertEquals(ThreadState.WAITING, worker.state());
        assertEquals(Reason.LOCK, worker.reason());
        assertEquals("L", worker.on());
        assertEquals("MainThread", worker.waitsFor());
        assertEquals(List.of("L"), main.holds());
        assertEquals(Reason.JOIN, main.reason());
        assertEquals("worker", main.on());
        assertNull(main.waitsFor());
    }

    @Test
    void theHoldMovesWithTheLock() {
        ThreadTable table = ThreadTable.at(joinAndLock(), 60 * MS);
        assertEquals(List.of(), table.rows().get(0).holds());
        assertEquals(List.of("L"), table.rows().get(1).holds());
        assertEquals(ThreadState.RUNNING, table.rows().get(1).state());
    }

    @Test
    void anEndedThreadIsListedDeadAndTheEndClampsLaterInstants() {
        ThreadTable table = ThreadTable.at(joinAndLock(), Long.MAX_VALUE);
        assertEquals(100 * MS, table.elapsedNanos());
        assertEquals(100 * MS, table.instantNanos());
        assertFalse(table.rows().get(1).alive());
        assertEquals(ThreadState.TERMINATED, table.rows().get(1).state());
        assertEquals(0, table.activeCount());
    }

    @Test
    void anEmptyStoreHasAnEmptyTable() {
        assertSame(ThreadTable.EMPTY, ThreadTable.at(new TraceStore(), 0));
    }

    @Test
    void everyWaiterOfACrowdedLockNamesItsOneHolder() {
        TraceBuilder trace = new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0);
        for (int tid = 1; tid <= 300; tid++) {
            trace.thread(tid, "W" + tid, "target", false).running(tid);
        }
        trace.atMs(10).lock("L", 200);
        for (int tid = 1; tid <= 300; tid++) {
            if (tid != 200) {
                trace.waiting(tid, Reason.LOCK, "L");
            }
        }
        ThreadTable table = ThreadTable.at(trace.atMs(20).store(), 20 * MS);
        for (ThreadRow row : table.rows()) {
            if (row.reason() == Reason.LOCK) {
                assertEquals("W200", row.waitsFor(), row.name());
            }
        }
        assertEquals(List.of("L"), table.rows().get(200).holds());
        assertEquals(299, table.rows().stream().filter(row -> row.reason() == Reason.LOCK).count());
    }
}
