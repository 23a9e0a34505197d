package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A program of {@code src/test/resources/python-programs} traced to its end by the real python3, and what the tests ask of its trace. */
record TracedProgram(List<TraceEvent> events, int status, String out, String err) {

    static final Path PROGRAMS = Path.of("src", "test", "resources", "python-programs");

    /** Whether python3 runs here; the tests of real programs are skipped, saying so, where it does not. */
    static boolean pythonInstalled() {
        try {
            Process probe = new ProcessBuilder(PythonLaunch.DEFAULT_PYTHON, "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ran = probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
            probe.destroyForcibly();
            return ran;
        } catch (Exception notThere) {
            return false;
        }
    }

    static TracedProgram trace(String program) throws Exception {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(program, "2026-01-01T00:00:00Z", 1.0, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PythonTraceSession session = PythonTraceSession.start(new PythonLaunch(PythonLaunch.DEFAULT_PYTHON,
                PROGRAMS.resolve(program), List.of(), out, err), recorder);
        assertTrue(session.awaitEnd(Duration.ofSeconds(90)), program + " ends");
        return new TracedProgram(recorder.events(), session.exitStatus(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    Set<String> threadNames() {
        return events.stream().filter(e -> e instanceof TraceEvent.ThreadInfo)
                .map(e -> ((TraceEvent.ThreadInfo) e).thread()).collect(Collectors.toCollection(TreeSet::new));
    }

    int tid(String name) {
        return events.stream().filter(e -> e instanceof TraceEvent.ThreadInfo t && t.thread().equals(name))
                .map(e -> ((TraceEvent.ThreadInfo) e).tid()).findFirst().orElseThrow(() -> new AssertionError(
                        "no thread " + name + " in " + events));
    }

    List<TraceEvent.State> states(String name) {
        int tid = tid(name);
        return events.stream().filter(e -> e instanceof TraceEvent.State s && s.tid() == tid)
                .map(e -> (TraceEvent.State) e).collect(Collectors.toList());
    }

    boolean waited(String name, Reason reason, String on) {
        return states(name).stream().anyMatch(s -> s.state() == ThreadState.WAITING && s.reason() == reason
                && Objects.equals(on, s.on()));
    }

    Reason endReason(String name) {
        List<TraceEvent.State> states = states(name);
        TraceEvent.State last = states.get(states.size() - 1);
        assertEquals(ThreadState.TERMINATED, last.state(), name + " ends terminated");
        return last.reason();
    }

    TraceEvent.End end() {
        return (TraceEvent.End) events.get(events.size() - 1);
    }

    void assertCleanExit(String expectedOut) {
        assertEquals("", err, "stderr");
        assertEquals(expectedOut, out, "stdout as plain python3 prints it");
        assertEquals(0, status, "exit status as plain python3");
        assertEquals(Outcome.COMPLETED, end().outcome());
    }
}
