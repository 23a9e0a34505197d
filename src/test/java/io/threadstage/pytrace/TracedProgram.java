package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A program of {@code src/test/resources/python-programs} traced to its end by the real python3, and what the tests ask of its trace.
 *
 * @param ending the session's words for the end, as the window's status shows them ({@code exited 3})
 */
record TracedProgram(List<TraceEvent> events, int status, String out, String err, String ending) {

    static final Path PROGRAMS = Path.of("src", "test", "resources", "python-programs");

    /** Skips the calling test class where there is no python3 to trace with. */
    static void assumePython3() {
        boolean present;
        try {
            Process probe = new ProcessBuilder(PythonLaunch.DEFAULT_PYTHON, "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            present = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            probe.destroyForcibly();
        } catch (Exception e) {
            present = false;
        }
        assumeTrue(present, "python3 is not installed");
    }

    /** Traced as {@code threadstage trace} runs it: the program's stdout and stderr pass through into {@code out} and {@code err}. */
    static TracedProgram trace(String program) throws Exception {
        return run(program, false);
    }

    /**
     * Traced as the window runs it: each line the program writes becomes a {@code print} (on the lane of
     * the thread that wrote it) or error-report event, and {@code out} and {@code err} are read back from those.
     */
    static TracedProgram traceRecorded(String program) throws Exception {
        return run(program, true);
    }

    private static TracedProgram run(String program, boolean recordOutput) throws Exception {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(program, "2026-01-01T00:00:00Z", 1.0, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = PROGRAMS.resolve(program);
        PythonLaunch launch = recordOutput ? PythonLaunch.recorded(PythonLaunch.DEFAULT_PYTHON, file, List.of())
                : new PythonLaunch(PythonLaunch.DEFAULT_PYTHON, file, List.of(), out, err);
        PythonTraceSession session = PythonTraceSession.start(launch, recorder);
        assertTrue(session.awaitEnd(Duration.ofSeconds(90)), program + " ends");
        List<TraceEvent> events = recorder.events();
        String ending = session.endDescription(0);
        if (recordOutput) {
            return new TracedProgram(events, session.exitStatus(),
                    lines(events.stream().filter(e -> e instanceof TraceEvent.Print)
                            .map(e -> ((TraceEvent.Print) e).text()).collect(Collectors.toList())),
                    lines(events.stream().filter(e -> e instanceof TraceEvent.ErrorReport)
                            .map(e -> ((TraceEvent.ErrorReport) e).text()).collect(Collectors.toList())),
                    ending);
        }
        return new TracedProgram(events, session.exitStatus(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), ending);
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
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

    /** The lane's {@code thread} events in order: at its creation (no ident yet), its start, each rename or daemon change. */
    List<TraceEvent.ThreadInfo> infos(String name) {
        int tid = tid(name);
        return events.stream().filter(e -> e instanceof TraceEvent.ThreadInfo t && t.tid() == tid)
                .map(e -> (TraceEvent.ThreadInfo) e).collect(Collectors.toList());
    }

    /** The names the lane had, in order: the first, then one for each rename. */
    List<String> names(String name) {
        List<String> names = new ArrayList<>();
        for (TraceEvent.ThreadInfo info : infos(name)) {
            if (names.isEmpty() || !names.get(names.size() - 1).equals(info.thread())) {
                names.add(info.thread());
            }
        }
        return names;
    }

    /** The first names of the lanes of one style ({@code pool}, {@code subclass}, ...). */
    Set<String> lanesOfStyle(String style) {
        return events.stream().filter(e -> e instanceof TraceEvent.ThreadInfo t && t.style().equals(style))
                .map(e -> names(((TraceEvent.ThreadInfo) e).thread()).get(0))
                .collect(Collectors.toCollection(TreeSet::new));
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

    /** The ends of the joins {@code joiner} made, in order: each names the joined lane and whether it timed out. */
    List<TraceEvent.Join> joinEnds(String joiner) {
        int tid = tid(joiner);
        return events.stream().filter(e -> e instanceof TraceEvent.Join j && j.tid() == tid && !j.begin())
                .map(e -> (TraceEvent.Join) e).collect(Collectors.toList());
    }

    /** Whether a join by {@code joiner} returned with {@code joined} ended: the trace's arrow between them. */
    boolean joined(String joiner, String joined) {
        int target = tid(joined);
        return joinEnds(joiner).stream().anyMatch(j -> j.target() == target && !j.timedOut());
    }

    /** Whether {@code setter} set (or notified) {@code on}: the trace's signal arrow. */
    boolean signalled(String setter, String on) {
        int tid = tid(setter);
        return events.stream().anyMatch(e -> e instanceof TraceEvent.Signal s && s.tid() == tid && s.on().equals(on)
                && s.set());
    }

    List<TraceEvent.ExceptionRaised> exceptions() {
        return events.stream().filter(e -> e instanceof TraceEvent.ExceptionRaised)
                .map(e -> (TraceEvent.ExceptionRaised) e).collect(Collectors.toList());
    }

    /**
     * Runs {@code program} as the window runs it and checks that it prints {@code out} as plain python3
     * does, each line on the lane of the thread that wrote it ({@code printed}, as {@link #printed}).
     */
    static void assertPrintsOnTheirLanes(String program, String out, List<String> printed) throws Exception {
        TracedProgram recorded = traceRecorded(program);
        assertEquals(out, recorded.out());
        assertEquals(printed, recorded.printed());
    }

    /** Of a {@link #traceRecorded} run: each printed line as {@code THREAD | LINE}, THREAD the name its writer had then. */
    List<String> printed() {
        return events.stream().filter(e -> e instanceof TraceEvent.Print)
                .map(e -> ((TraceEvent.Print) e).thread() + " | " + ((TraceEvent.Print) e).text())
                .collect(Collectors.toList());
    }

    /** The index in {@link #events} of the first event that matches, -1 if none. */
    int indexOf(Predicate<TraceEvent> matches) {
        for (int i = 0; i < events.size(); i++) {
            if (matches.test(events.get(i))) {
                return i;
            }
        }
        return -1;
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
