package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Programs that test the tracer's edges: one that forks, one that leaves with {@code os._exit}, one
 * that starts 2,000 threads, one that crashes at import. Each is traced by the real python3 and must
 * print, exit and report as it does untraced (the expected texts are python3's own), while the trace
 * says what happened.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PythonHardProgramsTraceTest {

    @BeforeAll
    static void pythonIsThere() {
        TracedProgram.assumePython3();
    }

    private static List<String> markers(TracedProgram traced) {
        return traced.events().stream().filter(e -> e instanceof TraceEvent.Marker)
                .map(e -> ((TraceEvent.Marker) e).text()).collect(Collectors.toList());
    }

    @Test
    void aForkedChildStaysOutOfTheParentsTrace() throws Exception {
        TracedProgram traced = TracedProgram.trace("fork_child.py");
        traced.assertCleanExit("Worker ran in process parent\nChildWorker ran in process child\n"
                + "MainThread saw the child exit with 5\n");
        // the child's thread, its hello and its exit through atexit would all have come down the parent's socket
        assertEquals(Set.of("MainThread", "Worker"), traced.threadNames());
        List<String> markers = markers(traced);
        assertEquals(2, markers.size(), markers.toString());
        assertTrue(markers.get(0).startsWith("CPython 3."), markers.get(0));
        assertTrue(markers.get(1).matches("MainThread forked child process \\d+; the child's threads are not traced"),
                markers.get(1));
        assertEquals(Reason.RETURNED, traced.endReason("MainThread"));
        assertEquals("exit status 0", traced.end().message());
    }

    @Test
    void osExitSendsWhatTheTracerHeldAndCutsEveryThreadOff() throws Exception {
        TracedProgram traced = TracedProgram.trace("os_exit.py");
        assertEquals(7, traced.status());
        assertEquals("MainThread leaves with os._exit(7) while Lingerer waits\n", traced.out());
        assertEquals("", traced.err());
        // an Event no variable holds is named by its type
        assertTrue(traced.waited("Lingerer", Reason.EVENT, "event"), traced.states("Lingerer").toString());
        assertEquals(Reason.KILLED_AT_EXIT, traced.endReason("Lingerer"));
        assertEquals(Reason.KILLED_AT_EXIT, traced.endReason("MainThread"));
        assertEquals(Outcome.COMPLETED, traced.end().outcome());
        assertEquals("exit status 7: os._exit in MainThread ended every thread", traced.end().message());
    }

    @Test
    void twoThousandThreadsEachWaitAtTheGateAndEnd() throws Exception {
        TracedProgram traced = TracedProgram.trace("many_threads.py");
        traced.assertCleanExit("2000 threads waited for the gate and ended\n");
        Set<String> names = traced.threadNames();
        assertEquals(2001, names.size());
        for (int i = 0; i < 2000; i += 199) {
            String name = "T" + i;
            assertTrue(names.contains(name), name);
            assertEquals(Reason.RETURNED, traced.endReason(name));
        }
        long waitingAtGate = traced.events().stream().filter(e -> e instanceof TraceEvent.State s
                && s.state() == ThreadState.WAITING && s.reason() == Reason.EVENT && "gate".equals(s.on()))
                .map(e -> ((TraceEvent.State) e).tid()).distinct().count();
        assertTrue(waitingAtGate > 0, "threads started before the gate opened wait on it");
        assertTrue(traced.waited("MainThread", Reason.JOIN, "T1999"), "MainThread joins the last thread");
    }

    @Test
    void aCrashAtImportPrintsPythonsTracebackAndExitsOne() throws Exception {
        TracedProgram traced = TracedProgram.trace("import_crash.py");
        assertEquals(1, traced.status());
        assertEquals("", traced.out());
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"" + TracedProgram.PROGRAMS.resolve("import_crash.py").toAbsolutePath() + "\", line 3, in <module>\n"
                + "    import no_such_module_for_threadstage\n"
                + "ModuleNotFoundError: No module named 'no_such_module_for_threadstage'\n", traced.err());
        assertEquals(Reason.EXCEPTION, traced.endReason("MainThread"));
        assertTrue(traced.events().stream().anyMatch(e -> e instanceof TraceEvent.ExceptionRaised x
                && x.type().equals("ModuleNotFoundError") && !x.caught()));
        assertEquals("exit status 1", traced.end().message());
    }

    @Test
    void notesThatAreNoPythonEndInPythonsSyntaxError() throws Exception {
        TracedProgram traced = TracedProgram.trace("notes.py");
        assertEquals(1, traced.status());
        String file = TracedProgram.PROGRAMS.resolve("notes.py").toAbsolutePath().toString();
        assertEquals("  File \"" + file + "\", line 1\n"
                + "    These are notes about threads,\n"
                + "          ^^^\n"
                + "SyntaxError: invalid syntax\n", traced.err());
        assertEquals(Outcome.ERROR, traced.end().outcome());
        assertEquals("SyntaxError: invalid syntax (" + file + ", line 1)", traced.end().message());
    }
}
