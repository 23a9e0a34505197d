package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples of the Python threading chapter ({@code shared/reference/python-threading-chapter.txt}),
 * written as programs that print facts about themselves, traced by the real python3. Each expected
 * stdout, stderr and exit status is what plain CPython 3.11 gave for the program, so the trace is
 * checked against the program's own account: the lanes are the threads it named, the waits and
 * arrows are the ones its joins, events, queues and futures make certain, and each line is printed
 * on the lane of the thread the program says printed it.
 *
 * <p>Waits are asserted only where the program makes them certain (a join, a barrier, a timeout that
 * must expire, an event set only after the wait began), never where they hang on scheduling.
 */
@Timeout(120)
class ChapterExamplesTraceTest {

    private static final Pattern FRAME = Pattern.compile("^  File \"(.+)\", line \\d+, in (.+)$", Pattern.MULTILINE);

    @BeforeAll
    static void pythonIsThere() {
        TracedProgram.assumePython3();
    }

    // ------------------------------------------------------------ the ways to give a thread its work

    @Test
    void aTargetFunctionRunsWithItsArgsAndKwargsInAThreadNamedAfterIt() throws Exception {
        String out = """
                Thread-1 (greet): Hello, Alice!
                Greeter: Hi, Bob?
                MainThread joined Thread-1 (greet) and Greeter
                """;
        TracedProgram traced = TracedProgram.trace("chapter/target_function.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "Thread-1 (greet)", "Greeter"), traced.threadNames());
        for (String worker : List.of("Thread-1 (greet)", "Greeter")) {
            assertEquals("target", traced.infos(worker).get(0).style());
            assertTrue(traced.waited("MainThread", Reason.JOIN, worker), "MainThread waits on " + worker);
            assertTrue(traced.joined("MainThread", worker), "the join arrow from " + worker);
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/target_function.py", out, List.of(
                "Thread-1 (greet) | Thread-1 (greet): Hello, Alice!", "Greeter | Greeter: Hi, Bob?",
                "MainThread | MainThread joined Thread-1 (greet) and Greeter"));
    }

    @Test
    void aLambdaTargetIsALaneOfTheLambdaStyle() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/lambda_worker.py");
        traced.assertCleanExit("LambdaWorker computed 45\n");
        assertEquals(Set.of("MainThread", "LambdaWorker"), traced.threadNames());
        assertEquals("lambda", traced.infos("LambdaWorker").get(0).style());
        assertTrue(traced.joined("MainThread", "LambdaWorker"));
        assertEquals(Reason.RETURNED, traced.endReason("LambdaWorker"));
    }

    @Test
    void aSubclassOverridingRunIsALaneOfTheSubclassStyle() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/subclass_run.py");
        traced.assertCleanExit("""
                Counter-3: run() ran in Counter-3, total 6
                Counter-5: run() ran in Counter-5, total 15
                """);
        assertEquals(Set.of("MainThread", "Counter-3", "Counter-5"), traced.threadNames());
        assertEquals(Set.of("Counter-3", "Counter-5"), traced.lanesOfStyle("subclass"));
        for (String counter : List.of("Counter-3", "Counter-5")) {
            assertTrue(traced.joined("MainThread", counter));
            assertEquals(Reason.RETURNED, traced.endReason(counter));
        }
    }

    @Test
    void oneCallableObjectServesTwoThreadsOneAfterTheOther() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/callable_object.py");
        traced.assertCleanExit("""
                Multiplier-2 computed 6
                Multiplier-7 computed 21
                the target was a Multiplier object, not a function; the same object served 2 threads
                """);
        assertEquals(Set.of("MainThread", "Multiplier-2", "Multiplier-7"), traced.threadNames());
        // the second thread is created only after the first was joined
        int firstEnds = traced.indexOf(e -> e instanceof TraceEvent.State s && s.tid() == traced.tid("Multiplier-2")
                && s.state() == ThreadState.TERMINATED);
        int secondBegins = traced.indexOf(e -> e instanceof TraceEvent.ThreadInfo t && t.thread().equals("Multiplier-7"));
        assertTrue(firstEnds < secondBegins, "Multiplier-2 ended before Multiplier-7 was made");
        for (String worker : List.of("Multiplier-2", "Multiplier-7")) {
            assertTrue(traced.joined("MainThread", worker));
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
    }

    @Test
    void aCallableObjectTargetIsALaneOfTheCallableStyle() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/callable_object.py");
        assertEquals(Set.of("Multiplier-2", "Multiplier-7"), traced.lanesOfStyle("callable"));
    }

    // ------------------------------------------------------------ properties, states, names

    @Test
    void theIdsAThreadReportsAreTheIdsOfItsLane() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/thread_properties.py");
        assertEquals("""
                before start: name=Inspector ident=None native_id=None daemon=False alive=False
                running: ident is int=True native_id is int=True alive=True
                inside, ident matched get_ident()=True native_id matched get_native_id()=True
                after join: ident kept=True alive=False
                """, traced.out());
        assertEquals(0, traced.status());
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        assertEquals(Set.of("MainThread", "Inspector"), traced.threadNames());
        // the numbers differ from run to run: the program wrote them to stderr, "ids NAME IDENT NATIVE_ID"
        List<String> reported = traced.err().lines().collect(Collectors.toList());
        assertEquals(2, reported.size(), traced.err());
        for (String line : reported) {
            String[] words = line.split(" ");
            List<TraceEvent.ThreadInfo> infos = traced.infos(words[1]);
            TraceEvent.ThreadInfo started = infos.get(infos.size() - 1);
            assertEquals(Long.valueOf(words[2]), started.ident(), words[1] + "'s ident");
            assertEquals(Long.valueOf(words[3]), started.nativeId(), words[1] + "'s native_id");
            assertFalse(started.daemon(), words[1] + " is no daemon");
        }
        // created, not yet started: ident None, as the program printed before start()
        TraceEvent.ThreadInfo created = traced.infos("Inspector").get(0);
        assertNull(created.ident());
        assertNull(created.nativeId());
        assertTrue(traced.signalled("MainThread", "release"));
        assertTrue(traced.joined("MainThread", "Inspector"));
        assertEquals(Reason.RETURNED, traced.endReason("Inspector"));
    }

    @Test
    void createdRunningAndTerminatedComeWhereTheProgramSawThem() throws Exception {
        String out = """
                Stateful is created
                Stateful is running
                Stateful is terminated
                """;
        TracedProgram traced = TracedProgram.trace("chapter/thread_state.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "Stateful"), traced.threadNames());
        assertTrue(traced.signalled("MainThread", "finish"));
        assertTrue(traced.joined("MainThread", "Stateful"));
        assertEquals(Reason.RETURNED, traced.endReason("Stateful"));

        TracedProgram recorded = TracedProgram.traceRecorded("chapter/thread_state.py");
        assertEquals(out, recorded.out());
        int stateful = recorded.tid("Stateful");
        int created = recorded.indexOf(e -> e instanceof TraceEvent.State s && s.tid() == stateful
                && s.state() == ThreadState.CREATED);
        int running = recorded.indexOf(e -> e instanceof TraceEvent.State s && s.tid() == stateful
                && s.state() == ThreadState.RUNNING);
        int terminated = recorded.indexOf(e -> e instanceof TraceEvent.State s && s.tid() == stateful
                && s.state() == ThreadState.TERMINATED);
        int sawCreated = recorded.indexOf(e -> e instanceof TraceEvent.Print p && p.text().equals("Stateful is created"));
        int sawRunning = recorded.indexOf(e -> e instanceof TraceEvent.Print p && p.text().equals("Stateful is running"));
        int sawTerminated = recorded.indexOf(e -> e instanceof TraceEvent.Print p
                && p.text().equals("Stateful is terminated"));
        assertTrue(created < sawCreated && sawCreated < running, "created when the program saw it created");
        assertTrue(running < sawRunning && sawRunning < terminated, "running when the program saw it running");
        assertTrue(terminated < sawTerminated, "terminated when the program saw it terminated");
    }

    @Test
    void eachLogLineIsWrittenByTheThreadItsNameSays() throws Exception {
        String out = """
                HTTP-Worker-1 handled request /page/1
                HTTP-Worker-2 handled request /page/2
                HTTP-Worker-3 handled request /page/3
                MainThread all requests handled
                """;
        TracedProgram traced = TracedProgram.trace("chapter/naming_threads.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "HTTP-Worker-1", "HTTP-Worker-2", "HTTP-Worker-3"), traced.threadNames());
        for (String worker : List.of("HTTP-Worker-1", "HTTP-Worker-2", "HTTP-Worker-3")) {
            assertTrue(traced.joined("MainThread", worker));
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }

        TracedProgram.assertPrintsOnTheirLanes("chapter/naming_threads.py", out,
                out.lines().map(line -> line.substring(0, line.indexOf(' ')) + " | " + line)
                .collect(Collectors.toList()));
    }

    @Test
    void aLaneTakesEveryNameItsThreadIsGiven() throws Exception {
        String out = """
                started as Downloader-1
                renamed itself to Downloader-1-busy
                after join the main thread renamed it to Downloader-1-done
                the main thread is now called Coordinator
                """;
        TracedProgram traced = TracedProgram.trace("chapter/rename_thread.py");
        traced.assertCleanExit(out);
        assertEquals(List.of("Downloader-1", "Downloader-1-busy", "Downloader-1-done"), traced.names("Downloader-1"));
        assertEquals(List.of("MainThread", "Coordinator"), traced.names("MainThread"));
        // the join waits on the name the thread had when the join began: before or after its own rename
        assertTrue(traced.waited("MainThread", Reason.JOIN, "Downloader-1")
                || traced.waited("MainThread", Reason.JOIN, "Downloader-1-busy"), traced.states("MainThread").toString());
        assertTrue(traced.joined("MainThread", "Downloader-1"));
        assertEquals(Reason.RETURNED, traced.endReason("Downloader-1"));
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/rename_thread.py", out, List.of(
                "Downloader-1 | started as Downloader-1",
                "Downloader-1-busy | renamed itself to Downloader-1-busy",
                "MainThread | after join the main thread renamed it to Downloader-1-done",
                "Coordinator | the main thread is now called Coordinator"));
    }

    // ------------------------------------------------------------ daemons

    @Test
    void aDaemonStillRunningAtExitIsKilledThere() throws Exception {
        String out = """
                Heartbeat started
                Heartbeat daemon=True alive=True
                MainThread ends; the daemon is still beating
                """;
        TracedProgram traced = TracedProgram.trace("chapter/daemon_exit.py");
        traced.assertCleanExit(out);
        assertEquals("exited 0", traced.ending());
        assertEquals(Set.of("MainThread", "Heartbeat"), traced.threadNames());
        List<TraceEvent.ThreadInfo> infos = traced.infos("Heartbeat");
        assertFalse(infos.get(0).daemon(), "made without daemon=");
        assertTrue(infos.stream().filter(i -> i.ident() != null).allMatch(TraceEvent.ThreadInfo::daemon),
                "a daemon from before its start: " + infos);
        assertTrue(traced.waited("Heartbeat", Reason.SLEEP, null));
        assertTrue(traced.signalled("Heartbeat", "beat"));
        assertEquals(Reason.KILLED_AT_EXIT, traced.endReason("Heartbeat"));
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/daemon_exit.py", out, List.of(
                "Heartbeat | Heartbeat started", "MainThread | Heartbeat daemon=True alive=True",
                "MainThread | MainThread ends; the daemon is still beating"));
    }

    @Test
    void settingDaemonAfterStartFailsTheMainThreadAndTheWorkerStillRunsToItsEnd() throws Exception {
        String out = """
                Worker alive=True daemon=False
                Worker ran on after MainThread ended (MainThread alive=False)
                """;
        String error = "RuntimeError: cannot set daemon status of active thread";
        TracedProgram traced = TracedProgram.trace("chapter/daemon_after_start.py");
        assertEquals(out, traced.out());
        assertEquals(1, traced.status());
        List<String> err = traced.err().lines().collect(Collectors.toList());
        assertEquals("Traceback (most recent call last):", err.get(0));
        assertEquals(error, err.get(err.size() - 1));
        assertEquals("exited 1 (exception: " + error + ")", traced.ending());
        // only a syntax error ends a trace in error; an exception is the program's own end
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        assertEquals(Set.of("MainThread", "Worker"), traced.threadNames());
        List<TraceEvent.ExceptionRaised> raised = traced.exceptions();
        assertEquals(1, raised.size(), raised.toString());
        assertEquals(traced.tid("MainThread"), raised.get(0).tid());
        assertEquals("RuntimeError: cannot set daemon status of active thread",
                raised.get(0).type() + ": " + raised.get(0).message());
        assertFalse(raised.get(0).caught());
        assertEquals(Reason.EXCEPTION, traced.endReason("MainThread"));
        assertTrue(traced.waited("Worker", Reason.JOIN, "MainThread"), "Worker joins the main thread");
        assertTrue(traced.joined("Worker", "MainThread"));
        assertEquals(Reason.RETURNED, traced.endReason("Worker"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/daemon_after_start.py", out, List.of(
                "MainThread | Worker alive=True daemon=False",
                "Worker | Worker ran on after MainThread ended (MainThread alive=False)"));
    }

    @Test
    void theMainThreadsTracebackIsPython3s() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/daemon_after_start.py");
        assertEquals(List.of("daemon_after_start.py in <module>", "threading.py in daemon"), frames(traced.err()));
        assertTrue(traced.err().contains("  File \"" + absolute("chapter/daemon_after_start.py")
                + "\", line 16, in <module>\n    worker.daemon = True\n"), traced.err());
    }

    // ------------------------------------------------------------ start, run, join, stop

    @Test
    void aSecondStartIsRefusedAndANewThreadRunsTheTaskAgain() throws Exception {
        String out = """
                task ran in First
                second start of First: RuntimeError: threads can only be started once
                task ran in Again
                """;
        TracedProgram traced = TracedProgram.trace("chapter/start_twice.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "First", "Again"), traced.threadNames());
        for (String thread : List.of("First", "Again")) {
            // a start gives the lane its ident: one such event, one created and one terminated state
            assertEquals(1, traced.infos(thread).stream().filter(i -> i.ident() != null).count(), thread + " started once");
            List<TraceEvent.State> states = traced.states(thread);
            assertEquals(1, states.stream().filter(s -> s.state() == ThreadState.CREATED).count(), states.toString());
            assertEquals(1, states.stream().filter(s -> s.state() == ThreadState.TERMINATED).count(), states.toString());
            assertTrue(traced.joined("MainThread", thread));
            assertEquals(Reason.RETURNED, traced.endReason(thread));
        }
        // the refused start raised in the main thread, which caught it
        assertTrue(traced.exceptions().isEmpty(), traced.exceptions().toString());

        TracedProgram.assertPrintsOnTheirLanes("chapter/start_twice.py", out, List.of("First | task ran in First",
                "MainThread | second start of First: RuntimeError: threads can only be started once",
                "Again | task ran in Again"));
    }

    @Test
    void runRunsInTheCallerAndStartInANewThread() throws Exception {
        String out = """
                where() runs in MainThread
                after run(): Called ident=None alive=False
                where() runs in Started
                after start() and join(): Started has an ident=True alive=False
                """;
        TracedProgram traced = TracedProgram.trace("chapter/run_vs_start.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "Called", "Started"), traced.threadNames());
        assertTrue(traced.infos("Called").stream().allMatch(i -> i.ident() == null), "Called never had an ident");
        assertTrue(traced.states("Called").stream().noneMatch(s -> s.state() == ThreadState.RUNNING
                || s.state() == ThreadState.WAITING), "Called never ran: " + traced.states("Called"));
        assertTrue(traced.joined("MainThread", "Started"));
        assertEquals(Reason.RETURNED, traced.endReason("Started"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/run_vs_start.py", out, List.of(
                "MainThread | where() runs in MainThread",
                "MainThread | after run(): Called ident=None alive=False",
                "Started | where() runs in Started",
                "MainThread | after start() and join(): Started has an ident=True alive=False"));
    }

    @Test
    void aThreadNeverStartedIsNotKilledAtExit() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/run_vs_start.py");
        assertTrue(traced.states("Called").stream().noneMatch(s -> s.reason() == Reason.KILLED_AT_EXIT),
                traced.states("Called").toString());
    }

    @Test
    void aJoinThatTimesOutLeavesTheThreadAliveAndTheExitStatusSaysSo() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/join_timeout.py");
        assertEquals("""
                join(timeout=0.2) returned None; Slow alive=True
                join() returned; Slow alive=False
                """, traced.out());
        assertEquals("", traced.err());
        assertEquals(3, traced.status());
        assertEquals("exited 3", traced.ending());
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        assertEquals(Set.of("MainThread", "Slow"), traced.threadNames());
        int slow = traced.tid("Slow");
        List<TraceEvent.Join> ends = traced.joinEnds("MainThread");
        assertEquals(List.of(slow, slow), ends.stream().map(TraceEvent.Join::target).collect(Collectors.toList()));
        assertEquals(List.of(true, false), ends.stream().map(TraceEvent.Join::timedOut).collect(Collectors.toList()),
                "the first join timed out, as is_alive() said");
        assertTrue(traced.waited("MainThread", Reason.JOIN, "Slow"));
        assertTrue(traced.waited("Slow", Reason.EVENT, "finish"));
        assertTrue(traced.signalled("MainThread", "finish"));
        assertEquals(Reason.RETURNED, traced.endReason("Slow"));
        // sys.exit is the program's choice, not an exception of the thread
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));
        assertTrue(traced.exceptions().isEmpty(), traced.exceptions().toString());
    }

    @Test
    void setStopsAWorkerWaitingOnTheStopEvent() throws Exception {
        String out = """
                Poller saw the stop request
                Poller stopped after at least one round: True, alive=False
                """;
        TracedProgram traced = TracedProgram.trace("chapter/event_stop.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "Poller"), traced.threadNames());
        // the first wait times out before first_round is set, and only then does MainThread set stop_event
        assertTrue(traced.waited("Poller", Reason.EVENT, "stop_event"));
        assertTrue(traced.signalled("Poller", "first_round"));
        assertTrue(traced.signalled("MainThread", "stop_event"));
        assertTrue(traced.waited("MainThread", Reason.JOIN, "Poller"));
        assertTrue(traced.joined("MainThread", "Poller"));
        assertEquals(Reason.RETURNED, traced.endReason("Poller"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/event_stop.py", out, List.of(
                "Poller | Poller saw the stop request",
                "MainThread | Poller stopped after at least one round: True, alive=False"));
    }

    @Test
    void aFlagCheckedBetweenSleepsStopsTheWorkerAtItsNextCheck() throws Exception {
        String out = """
                NaivePoller saw the flag down
                NaivePoller alive=False
                """;
        TracedProgram traced = TracedProgram.trace("chapter/naive_stop.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "NaivePoller"), traced.threadNames());
        assertTrue(traced.waited("NaivePoller", Reason.SLEEP, null));
        assertTrue(traced.signalled("NaivePoller", "checked"));
        assertTrue(traced.joined("MainThread", "NaivePoller"));
        assertEquals(Reason.RETURNED, traced.endReason("NaivePoller"));

        TracedProgram.assertPrintsOnTheirLanes("chapter/naive_stop.py", out, List.of(
                "NaivePoller | NaivePoller saw the flag down", "MainThread | NaivePoller alive=False"));
    }

    @Test
    void theThreadsThreadingCountsAreTheLanes() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/monitor_threads.py");
        traced.assertCleanExit("""
                active_count=3
                enumerate=['MainThread', 'Monitored-1', 'Monitored-2']
                current_thread=MainThread is main_thread: True
                after join active_count=1
                """);
        assertEquals(Set.of("MainThread", "Monitored-1", "Monitored-2"), traced.threadNames());
        for (String party : List.of("MainThread", "Monitored-1", "Monitored-2")) {
            assertTrue(traced.waited(party, Reason.EVENT, "ready"), party + " waits at the barrier ready");
        }
        assertTrue(traced.signalled("MainThread", "release"));
        for (String worker : List.of("Monitored-1", "Monitored-2")) {
            assertTrue(traced.joined("MainThread", worker));
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
    }

    // ------------------------------------------------------------ getting results back

    @Test
    void resultsGoIntoASharedListUnderTheLock() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/shared_lock.py");
        traced.assertCleanExit("""
                Squarer-1 stored 1*1=1
                Squarer-2 stored 2*2=4
                Squarer-3 stored 3*3=9
                Squarer-4 stored 4*4=16
                """);
        List<String> squarers = List.of("Squarer-1", "Squarer-2", "Squarer-3", "Squarer-4");
        Set<String> names = new TreeSet<>(squarers);
        names.add("MainThread");
        assertEquals(names, traced.threadNames());
        Set<Integer> squarerTids = squarers.stream().map(traced::tid).collect(Collectors.toSet());
        // whether the appends ever contended is up to the scheduler; when they did, it was on results_lock
        assertTrue(traced.events().stream().filter(e -> e instanceof TraceEvent.State s && s.reason() == Reason.LOCK)
                .allMatch(e -> squarerTids.contains(((TraceEvent.State) e).tid())
                        && "results_lock".equals(((TraceEvent.State) e).on())), traced.events().toString());
        assertTrue(traced.events().stream().filter(e -> e instanceof TraceEvent.LockOwner)
                .map(e -> (TraceEvent.LockOwner) e)
                .allMatch(l -> l.on().equals("results_lock") && (l.owner() == -1 || squarerTids.contains(l.owner()))));
        for (String squarer : squarers) {
            assertTrue(traced.waited("MainThread", Reason.JOIN, squarer));
            assertTrue(traced.joined("MainThread", squarer));
            assertEquals(Reason.RETURNED, traced.endReason(squarer));
        }
    }

    @Test
    void eachWorkerPutsItsResultAndTheMainThreadDrainsTheQueue() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/queue_results.py");
        traced.assertCleanExit("""
                Cuber-1 put 1**3=1
                Cuber-2 put 2**3=8
                Cuber-3 put 3**3=27
                queue empty: True
                """);
        List<String> cubers = List.of("Cuber-1", "Cuber-2", "Cuber-3");
        assertEquals(Set.of("MainThread", "Cuber-1", "Cuber-2", "Cuber-3"), traced.threadNames());
        List<TraceEvent.QueueDepth> depths = traced.events().stream().filter(e -> e instanceof TraceEvent.QueueDepth)
                .map(e -> (TraceEvent.QueueDepth) e).collect(Collectors.toList());
        assertTrue(depths.stream().allMatch(d -> d.on().equals("result_queue") && d.maxsize() == 0), depths.toString());
        assertEquals(List.of("put 1", "put 2", "put 3", "get 2", "get 1", "get 0"),
                depths.stream().map(d -> d.op() + " " + d.depth()).collect(Collectors.toList()));
        assertEquals(cubers.stream().map(traced::tid).collect(Collectors.toSet()),
                depths.subList(0, 3).stream().map(TraceEvent.QueueDepth::tid).collect(Collectors.toSet()),
                "each worker put once");
        assertTrue(depths.subList(3, 6).stream().allMatch(d -> d.tid() == traced.tid("MainThread")));
        // the fourth get finds the queue empty and waits out its timeout
        assertTrue(traced.waited("MainThread", Reason.QUEUE_GET, "result_queue"));
        for (String cuber : cubers) {
            assertTrue(traced.joined("MainThread", cuber));
            assertEquals(Reason.RETURNED, traced.endReason(cuber));
        }
    }

    @Test
    void submitReturnsAFutureWhoseResultTheMainThreadWaitsFor() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/futures_submit.py");
        traced.assertCleanExit("""
                quick task ran in Pool_1
                slow task done: False
                result(timeout=0.2) raised TimeoutError
                slow task returned 42 from Pool_0
                """);
        assertEquals(Set.of("MainThread", "Pool_0", "Pool_1"), traced.threadNames());
        assertEquals(Set.of("Pool_0", "Pool_1"), traced.lanesOfStyle("pool"));
        assertTrue(traced.signalled("Pool_0", "slow_started"));
        assertTrue(traced.waited("Pool_0", Reason.EVENT, "release"));
        // the slow task cannot finish before release is set, which comes after result(timeout) gave up
        assertTrue(traced.waited("MainThread", Reason.FUTURE, "doubled"));
        assertTrue(traced.signalled("MainThread", "release"));
        assertTrue(traced.waited("Pool_1", Reason.IDLE, "executor"), "Pool_1 idles after its quick task");
        for (String worker : List.of("Pool_0", "Pool_1")) {
            assertTrue(traced.waited("MainThread", Reason.JOIN, worker), "the with block's end joins " + worker);
            assertTrue(traced.joined("MainThread", worker));
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
    }

    @Test
    void mapGivesTheResultsInOrderFromThePoolsThreads() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/executor_map.py");
        assertEquals("""
                squares: [0, 1, 4, 9, 16, 25]
                all ran in the pool: True
                """, traced.out());
        assertEquals(0, traced.status());
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        Set<String> pool = poolThreadsReported(traced.err());
        assertFalse(pool.isEmpty(), traced.err());
        assertEquals(pool, traced.lanesOfStyle("pool"));
        Set<String> names = new TreeSet<>(pool);
        names.add("MainThread");
        assertEquals(names, traced.threadNames());
        for (String worker : pool) {
            assertTrue(traced.joined("MainThread", worker), "the with block's end joins " + worker);
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
    }

    @Test
    void eachThreadSeesItsOwnThreadLocalValue() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/thread_local.py");
        traced.assertCleanExit("""
                Session-1 saw context.user=user-1
                Session-2 saw context.user=user-2
                Session-3 saw context.user=user-3
                MainThread still sees context.user=main-user
                """);
        List<String> sessions = List.of("Session-1", "Session-2", "Session-3");
        assertEquals(Set.of("MainThread", "Session-1", "Session-2", "Session-3"), traced.threadNames());
        for (String session : sessions) {
            assertTrue(traced.waited(session, Reason.EVENT, "all_set"), session + " waits at the barrier all_set");
            assertTrue(traced.joined("MainThread", session));
            assertEquals(Reason.RETURNED, traced.endReason(session));
        }
    }

    // ------------------------------------------------------------ exceptions

    @Test
    void anUncaughtExceptionEndsItsThreadAndTheProgramStillExitsZero() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/thread_exception.py");
        assertEquals("""
                Careful handled: invalid literal for int() with base 10: 'forty-two'
                MainThread carries on; Careless alive=False
                """, traced.out());
        assertEquals(0, traced.status());
        assertEquals("exited 0", traced.ending());
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        List<String> err = traced.err().lines().collect(Collectors.toList());
        assertEquals("Exception in thread Careless:", err.get(0));
        assertEquals("ValueError: invalid literal for int() with base 10: 'forty-two'", err.get(err.size() - 1));
        assertEquals(Set.of("MainThread", "Careful", "Careless"), traced.threadNames());
        List<TraceEvent.ExceptionRaised> raised = traced.exceptions();
        assertEquals(1, raised.size(), "the handled one is no event: " + raised);
        assertEquals(traced.tid("Careless"), raised.get(0).tid());
        assertEquals("ValueError", raised.get(0).type());
        assertEquals("invalid literal for int() with base 10: 'forty-two'", raised.get(0).message());
        assertFalse(raised.get(0).caught());
        assertEquals(Reason.RETURNED, traced.endReason("Careful"));
        assertEquals(Reason.EXCEPTION, traced.endReason("Careless"));
        assertTrue(traced.joined("MainThread", "Careless"));
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));
    }

    @Test
    void anUncaughtExceptionInAThreadIsReportedAsPython3ReportsIt() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/thread_exception.py");
        assertEquals(List.of("threading.py in _bootstrap_inner", "threading.py in run", "thread_exception.py in careless"),
                frames(traced.err()));
        assertTrue(traced.err().contains("  File \"" + absolute("chapter/thread_exception.py")
                + "\", line 16, in careless\n    int(\"forty-two\")\n"), traced.err());
    }

    @Test
    void resultRaisesTheTasksExceptionInTheCaller() throws Exception {
        TracedProgram traced = TracedProgram.trace("chapter/futures_exception.py");
        assertEquals("""
                risky(1) = 10
                risky(2) = 20
                risky(3) raised ValueError: cannot handle 3
                future.exception() returns the error result() raised: True
                """, traced.out());
        assertEquals(0, traced.status());
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        Set<String> pool = poolThreadsReported(traced.err());
        assertFalse(pool.isEmpty(), traced.err());
        assertEquals(pool, traced.lanesOfStyle("pool"));
        // the future took the exception: no thread was left with it uncaught
        assertTrue(traced.exceptions().isEmpty(), traced.exceptions().toString());
        for (String worker : pool) {
            assertTrue(traced.joined("MainThread", worker));
            assertEquals(Reason.RETURNED, traced.endReason(worker));
        }
    }

    @Test
    void aCustomExcepthookRunsInTheFailingThreadAndStderrStaysEmpty() throws Exception {
        String out = """
                hook: Failer raised KeyError: 'missing-key'
                Failer alive=False; nothing written to stderr
                """;
        TracedProgram traced = TracedProgram.trace("chapter/custom_excepthook.py");
        traced.assertCleanExit(out);
        assertEquals(Set.of("MainThread", "Failer"), traced.threadNames());
        List<TraceEvent.ExceptionRaised> raised = traced.exceptions();
        assertEquals(1, raised.size(), raised.toString());
        assertEquals(traced.tid("Failer"), raised.get(0).tid());
        assertEquals("KeyError", raised.get(0).type());
        assertEquals("'missing-key'", raised.get(0).message());
        assertEquals(Reason.EXCEPTION, traced.endReason("Failer"));
        assertTrue(traced.joined("MainThread", "Failer"));

        TracedProgram recorded = TracedProgram.traceRecorded("chapter/custom_excepthook.py");
        assertEquals(out, recorded.out());
        assertEquals("", recorded.err());
        assertEquals(List.of("Failer | hook: Failer raised KeyError: 'missing-key'",
                "MainThread | Failer alive=False; nothing written to stderr"), recorded.printed());
    }

    /** The names on the program's stderr line {@code pool threads NAME...}: how many there are varies from run to run. */
    private static Set<String> poolThreadsReported(String err) {
        String prefix = "pool threads ";
        List<String> lines = err.lines().collect(Collectors.toList());
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith(prefix), err);
        return new TreeSet<>(Arrays.asList(lines.get(0).substring(prefix.length()).split(" ")));
    }

    /** A traceback's frames, each as {@code FILE in FUNCTION} with the file's name alone. */
    private static List<String> frames(String err) {
        List<String> frames = new ArrayList<>();
        Matcher frame = FRAME.matcher(err);
        while (frame.find()) {
            frames.add(Path.of(frame.group(1)).getFileName() + " in " + frame.group(2));
        }
        return frames;
    }

    private static String absolute(String program) {
        return TracedProgram.PROGRAMS.resolve(program).toAbsolutePath().toString();
    }
}
