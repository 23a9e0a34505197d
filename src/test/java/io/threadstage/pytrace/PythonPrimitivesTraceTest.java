package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The synchronisation primitives the tracer patches but no other program exercised: each program is
 * built so its wait happens for certain, and the expected output is what plain CPython 3.11 printed for
 * it, so a traced run must behave like an untraced one.
 */
@Timeout(120)
class PythonPrimitivesTraceTest {

    @BeforeAll
    static void pythonIsThere() {
        TracedProgram.assumePython3();
    }

    @Test
    void aConditionWaitEndsWithTheNotify() throws Exception {
        TracedProgram traced = TracedProgram.trace("condition_notify.py");
        traced.assertCleanExit("Notifier notified cond\nWaiter waited on cond and was notified\n");
        assertEquals(Set.of("MainThread", "Waiter", "Notifier"), traced.threadNames());
        // the tracer files a condition wait under EVENT: Reason has no value of its own for it
        assertTrue(traced.waited("Waiter", Reason.EVENT, "cond"), "Waiter waits on cond");
        assertTrue(traced.events().stream().anyMatch(e -> e instanceof TraceEvent.Signal s && s.on().equals("cond")
                && s.set() && s.tid() == traced.tid("Notifier")), "Notifier's notify is a signal on cond");
    }

    @Test
    void aThirdWorkerWaitsForOneOfTwoSemaphoreSlots() throws Exception {
        assertWorker3WaitsForASlot(TracedProgram.trace("semaphore_slots.py"));
    }

    @Test
    void aThirdWorkerWaitsForOneOfTwoBoundedSemaphoreSlots() throws Exception {
        // BoundedSemaphore builds itself through Semaphore.__init__ from inside threading.py, which once
        // left it unnamed and its waits unrecorded
        assertWorker3WaitsForASlot(TracedProgram.trace("semaphore_bounded.py"));
    }

    private static void assertWorker3WaitsForASlot(TracedProgram traced) {
        traced.assertCleanExit("Worker-1 took a slot\nWorker-2 took a slot\nWorker-3 found no free slot\n"
                + "Worker-3 got a slot\n");
        assertEquals(Set.of("MainThread", "Worker-1", "Worker-2", "Worker-3"), traced.threadNames());
        // a semaphore's wait is filed under LOCK
        assertTrue(traced.waited("Worker-3", Reason.LOCK, "slots"), "Worker-3 waits on slots");
        for (String early : List.of("Worker-1", "Worker-2")) {
            assertTrue(traced.states(early).stream().noneMatch(s -> s.reason() == Reason.LOCK),
                    early + " found a free slot");
        }
    }

    @Test
    void theFirstTwoOfThreePartiesWaitAtTheBarrier() throws Exception {
        TracedProgram traced = TracedProgram.trace("barrier_three.py");
        traced.assertCleanExit("Party-1 passed the barrier with arrival index 0\n"
                + "Party-2 passed the barrier with arrival index 1\n"
                + "Party-3 passed the barrier with arrival index 2\n");
        assertEquals(Set.of("MainThread", "Party-1", "Party-2", "Party-3"), traced.threadNames());
        // a barrier wait is filed under EVENT; the tracer marks every party waiting, the last one too
        for (String party : List.of("Party-1", "Party-2", "Party-3")) {
            assertTrue(traced.waited(party, Reason.EVENT, "barrier"), party + " waits on barrier");
        }
    }

    @Test
    void aQueueJoinWaitsUntilEveryTaskIsDone() throws Exception {
        TracedProgram traced = TracedProgram.trace("queue_join.py");
        traced.assertCleanExit("Worker did task 0\nWorker did task 1\nWorker did task 2\n"
                + "MainThread waited until all 3 tasks were done\n");
        assertEquals(Set.of("MainThread", "Worker"), traced.threadNames());
        assertTrue(traced.waited("MainThread", Reason.QUEUE_JOIN, "tasks"), "MainThread waits in join on tasks");
        List<String> ops = traced.events().stream().filter(e -> e instanceof TraceEvent.QueueDepth q
                && q.on().equals("tasks")).map(e -> ((TraceEvent.QueueDepth) e).op()).collect(Collectors.toList());
        assertEquals(List.of("put", "put", "put", "get", "get", "get"), ops);
    }
}
