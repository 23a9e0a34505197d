package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Small programs written for the purpose, traced by the real python3: the trace says what each does. */
@Timeout(120)
class PythonTraceSessionTest {

    @BeforeAll
    static void pythonIsThere() {
        TracedProgram.assumePython3();
    }

    @Test
    void aLockHandedOverShowsTheWaitAndBothOwners() throws Exception {
        TracedProgram traced = TracedProgram.trace("lock_handover.py");
        assertEquals(0, traced.status());
        assertEquals("Waiter got the lock\n", traced.out());
        assertTrue(traced.waited("Waiter", Reason.LOCK, "lock"));
        int holder = traced.tid("Holder");
        int waiter = traced.tid("Waiter");
        List<Integer> owners = traced.events().stream().filter(e -> e instanceof TraceEvent.LockOwner l
                        && l.on().equals("lock")).map(e -> ((TraceEvent.LockOwner) e).owner())
                .collect(Collectors.toList());
        assertEquals(List.of(holder, -1, waiter, -1), owners, "held by Holder, freed, taken by Waiter, freed");
        assertEquals(Reason.RETURNED, traced.endReason("Holder"));
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
    }

    @Test
    void anRLockHandedOverAfterItsOuterReleaseShowsBothOwnersAndTheLastRelease() throws Exception {
        TracedProgram traced = TracedProgram.trace("rlock_handover.py");
        assertEquals(0, traced.status());
        assertEquals("Waiter got the rlock\n", traced.out());
        assertTrue(traced.waited("Waiter", Reason.LOCK, "rlock"));
        List<Integer> owners = traced.events().stream().filter(e -> e instanceof TraceEvent.LockOwner l
                        && l.on().equals("rlock")).map(e -> ((TraceEvent.LockOwner) e).owner())
                .collect(Collectors.toList());
        assertEquals(List.of(traced.tid("Holder"), -1, traced.tid("Waiter"), -1), owners,
                "held by Holder, freed, taken by Waiter, freed (seen by the tracer's own thread)");
    }

    @Test
    void aFullBoundedQueueMakesTheProducerWaitOnPut() throws Exception {
        TracedProgram traced = TracedProgram.trace("bounded_queue.py");
        assertTrue(traced.waited("Producer", Reason.QUEUE_PUT, "items"));
        List<TraceEvent.QueueDepth> depths = traced.events().stream().filter(e -> e instanceof TraceEvent.QueueDepth)
                .map(e -> (TraceEvent.QueueDepth) e).collect(Collectors.toList());
        assertEquals(14, depths.size(), "7 puts and 7 gets");
        assertTrue(depths.stream().allMatch(d -> d.maxsize() == 2 && d.depth() <= 2));
    }

    @Test
    void anEventWaitEndsWithTheSet() throws Exception {
        TracedProgram traced = TracedProgram.trace("event_wait.py");
        assertTrue(traced.waited("Waiter", Reason.EVENT, "ready"));
        assertTrue(traced.waited("Setter", Reason.SLEEP, null));
        assertTrue(traced.events().stream().anyMatch(e -> e instanceof TraceEvent.Signal s && s.on().equals("ready")
                && s.set() && s.tid() == traced.tid("Setter")));
    }

    @Test
    void aJoinWithATimeoutReturnsTimedOutThenTheRealJoinDoesNot() throws Exception {
        TracedProgram traced = TracedProgram.trace("join_timeout.py");
        List<TraceEvent.Join> ends = traced.events().stream().filter(e -> e instanceof TraceEvent.Join j && !j.begin())
                .map(e -> (TraceEvent.Join) e).collect(Collectors.toList());
        assertEquals(List.of(true, false), ends.stream().map(TraceEvent.Join::timedOut).collect(Collectors.toList()));
        assertTrue(traced.waited("MainThread", Reason.JOIN, "Sleeper"));
    }

    @Test
    void aFutureResultWaitsWhileThePoolThreadWorksAndIdles() throws Exception {
        TracedProgram traced = TracedProgram.trace("pool_future.py");
        assertEquals("49\n", traced.out());
        assertTrue(traced.waited("MainThread", Reason.FUTURE, "answer"));
        String poolThread = traced.events().stream().filter(e -> e instanceof TraceEvent.ThreadInfo t
                && "pool".equals(t.style())).map(e -> ((TraceEvent.ThreadInfo) e).thread()).findFirst().orElseThrow();
        assertTrue(traced.waited(poolThread, Reason.IDLE, "pool"));
    }

    @Test
    void anUncaughtExceptionInAThreadEndsItWithExceptionAndTheReport() throws Exception {
        TracedProgram traced = TracedProgram.trace("thread_exception.py");
        assertEquals(0, traced.status());
        assertEquals(Reason.EXCEPTION, traced.endReason("Failing"));
        assertTrue(traced.err().contains("ValueError: bad value"), traced.err());
        assertTrue(traced.events().stream().anyMatch(e -> e instanceof TraceEvent.ExceptionRaised x
                && x.type().equals("ValueError") && x.message().equals("bad value") && !x.caught()));
    }

    @Test
    void aDaemonIsCutOffAtExit() throws Exception {
        TracedProgram traced = TracedProgram.trace("daemon_cut.py");
        assertEquals(Reason.KILLED_AT_EXIT, traced.endReason("Background"));
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));
    }

    @Test
    void aSyntaxErrorExitsOneWithPythonsMessageAndEndsInError() throws Exception {
        TracedProgram traced = TracedProgram.trace("syntax_error.py");
        assertEquals(1, traced.status());
        assertTrue(traced.err().startsWith("  File "), traced.err());
        assertFalse(traced.err().contains("threadstage"), "no frame of ours: " + traced.err());
        assertEquals(Outcome.ERROR, traced.end().outcome());
    }

    @Test
    void twoCpuBoundThreadsTakeTurnsWithTheGil() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the GIL is read from /proc (Linux)");
        TracedProgram traced = TracedProgram.trace("cpu_bound.py");
        assertTrue(traced.waited("Spinner-A", Reason.GIL, null) || traced.waited("Spinner-B", Reason.GIL, null));
        List<Integer> owners = spinnersHoldingTheGil(traced);
        assertTrue(handOvers(owners) >= 2, "the GIL goes back and forth between the spinners: " + owners);
        assertNotNull(traced.end());
    }

    @Test
    void theCountersTakeTurnsWithTheGilWhileTheSleepersSleepAtOnce() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the GIL is read from /proc (Linux)");
        TracedProgram traced = TracedProgram.trace("gil_and_sleepers.py");
        traced.assertCleanExit("the spinners and the sleepers ended\n");
        List<Integer> owners = spinnersHoldingTheGil(traced);
        assertTrue(handOvers(owners) >= 2, "the GIL goes back and forth between the spinners: " + owners);
        long[] sleepA = sleep(traced, "Sleeper-A");
        long[] sleepB = sleep(traced, "Sleeper-B");
        long overlap = Math.min(sleepA[1], sleepB[1]) - Math.max(sleepA[0], sleepB[0]);
        assertTrue(overlap > 300_000_000L, "both sleep 0.4 s at once, GIL or not: overlap " + overlap / 1_000_000 + " ms");
        for (String sleeper : List.of("Sleeper-A", "Sleeper-B")) {
            assertFalse(traced.waited(sleeper, Reason.GIL, null), sleeper + " waits for no GIL while asleep");
        }
    }

    @Test
    void threadsBlockedInCallsThatLetTheGilGoWaitOnThoseCallsNotOnTheGil() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/wchan")), "where a thread sleeps is read from /proc (Linux)");
        TracedProgram traced = TracedProgram.trace("io_waits.py");
        traced.assertCleanExit("ChildWaiter saw the child exit with 0\nPipeReader read b'pipe'\n"
                + "SocketReader received b'socket'\n");
        assertTrue(traced.waited("ChildWaiter", Reason.IO, "a child process"), traced.states("ChildWaiter").toString());
        assertTrue(traced.waited("PipeReader", Reason.IO, "a pipe"), traced.states("PipeReader").toString());
        assertTrue(traced.waited("SocketReader", Reason.IO, "a socket"), traced.states("SocketReader").toString());
        assertTrue(traced.waited("MainThread", Reason.IO, "a child process"), "subprocess.run waits for its child");
        // the whole block is the I/O wait (each call blocks 0.4 s or more); a moment's GIL wait may follow
        // as the thread wakes and asks for it back, a library lock or the GIL, which both sleep on a futex
        for (String blocked : List.of("ChildWaiter", "PipeReader", "SocketReader")) {
            List<TraceEvent.State> states = traced.states(blocked);
            int io = states.stream().filter(state -> state.reason() == Reason.IO).findFirst()
                    .map(states::indexOf).orElseThrow();
            long blockedNanos = states.get(io + 1).t() - states.get(io).t();
            assertTrue(blockedNanos > 300_000_000L, blocked + " shown blocked in its call: " + states);
            assertTrue(states.subList(0, io).stream().noneMatch(state -> state.reason() == Reason.GIL),
                    blocked + " is not taken for a GIL waiter before: " + states);
        }
    }

    /** The GIL strip's owners in turn, as far as they are Spinner-A or Spinner-B. */
    private static List<Integer> spinnersHoldingTheGil(TracedProgram traced) {
        int a = traced.tid("Spinner-A");
        int b = traced.tid("Spinner-B");
        return traced.events().stream().filter(e -> e instanceof TraceEvent.Gil g && (g.owner() == a || g.owner() == b))
                .map(e -> ((TraceEvent.Gil) e).owner()).collect(Collectors.toList());
    }

    private static long handOvers(List<Integer> owners) {
        return java.util.stream.IntStream.range(1, owners.size()).filter(i -> !owners.get(i).equals(owners.get(i - 1)))
                .count();
    }

    /** When {@code name} began and ended its sleep, in the trace's nanoseconds. */
    private static long[] sleep(TracedProgram traced, String name) {
        List<TraceEvent.State> states = traced.states(name);
        for (int i = 0; i < states.size() - 1; i++) {
            if (states.get(i).reason() == Reason.SLEEP) {
                return new long[] {states.get(i).t(), states.get(i + 1).t()};
            }
        }
        throw new AssertionError(name + " never slept: " + states);
    }

    @Test
    void stopEndsTheProgramWithinASecond() throws Exception {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("daemon", "2026-01-01T00:00:00Z", 1.0, true));
        Path forever = Files.createTempFile("forever", ".py");
        Files.writeString(forever, "import threading, time\n"
                + "threading.Thread(target=time.sleep, args=(60,), name='Sleeper').start()\ntime.sleep(60)\n");
        PythonTraceSession session = PythonTraceSession.start(new PythonLaunch(PythonLaunch.DEFAULT_PYTHON, forever,
                List.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream()), recorder);
        // stopped once both threads sleep, whatever the machine's load made of the start
        long patience = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (recorder.events().stream().filter(e -> e instanceof TraceEvent.State state
                && state.reason() == Reason.SLEEP).count() < 2) {
            assertTrue(System.nanoTime() < patience, "both threads sleep: " + recorder.events());
            assertFalse(session.awaitEnd(Duration.ofMillis(10)), "the program runs until stopped");
        }
        long start = System.nanoTime();
        session.stop();
        assertTrue(session.awaitEnd(Duration.ofSeconds(1)), "ended within a second");
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        List<TraceEvent> events = recorder.events();
        assertEquals(Outcome.STOPPED, ((TraceEvent.End) events.get(events.size() - 1)).outcome());
        Files.deleteIfExists(forever);
    }
}
