package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadstage.pytrace.PythonTraceSession;
import io.threadstage.trace.LiveRun;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.ui.editor.CodeView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's view model driving a real Python program on CPython, without a window: the test's
 * thread plays the FX thread, takes the file thread's results and pulses by hand.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PythonProgramRunTest {

    /** Two threads take turns at one lock; each prints once it let go, then MainThread prints. */
    static final String TWO_THREADS = """
            import threading
            import time
            lock = threading.Lock()
            def work():
                with lock:
                    time.sleep(0.4)
                print("done", threading.current_thread().name)
            a = threading.Thread(target=work, name="A")
            b = threading.Thread(target=work, name="B")
            a.start()
            b.start()
            a.join()
            b.join()
            print("main done")
            """;
    static final int SLEEP_LINE = 6;
    static final int WITH_LINE = 5;

    static final String FOREVER = """
            import threading
            import time
            def spin():
                while True:
                    time.sleep(0.01)
            threading.Thread(target=spin, name="Spinner").start()
            while True:
                time.sleep(0.01)
            """;

    @TempDir
    Path folder;

    private final BlockingQueue<Runnable> handedBack = new LinkedBlockingQueue<>();
    private final RunViewModel runs = new RunViewModel(new FileWork(handedBack::add));
    private final List<RunViewModel.Complaint> complaints = new java.util.ArrayList<>();

    {
        runs.complaintProperty().addListener((obs, was, now) -> {
            if (now != null) {
                complaints.add(now);
            }
        });
    }

    @BeforeAll
    static void needsPython() {
        assumeTrue(pythonRuns(), "python3 is not on the PATH: these tests run real Python programs on it");
    }

    /** Whether python3 is on the PATH and runs, for the window's tests of real programs. */
    static boolean pythonRuns() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException absent) {
            return false;
        }
    }

    private Path program(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Takes the file thread's results and pulses, as the FX thread would once a frame, until {@code done} or 30 s. */
    private void pulseUntil(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s for: " + what);
            Runnable result = handedBack.poll(16, TimeUnit.MILLISECONDS);
            if (result != null) {
                result.run();
            }
            runs.pulse();
        }
    }

    private PythonTraceSession session() {
        LiveRun live = runs.liveRun().orElseThrow();
        assertTrue(live instanceof PythonTraceSession, "the window drives the program's own session: " + live);
        return (PythonTraceSession) live;
    }

    @Test
    void aProgramRunsLiveWithItsThreadsWaitsLinesAndOutput() throws Exception {
        Path file = program("turns.py", TWO_THREADS);
        runs.runProgram(file);
        pulseUntil(() -> runs.isRunning(), "the program started");
        assertEquals(file, runs.programProperty().get().file());
        assertEquals(TWO_THREADS, runs.programProperty().get().text(), "the code view gets the file's own text");
        assertFalse(runs.liveRun().orElseThrow().canStep(), "a process cannot be stepped");
        assertFalse(runs.steppableProperty().get());

        // while one thread sleeps holding the lock, the other waits at `with lock:`
        pulseUntil(() -> {
            Map<Integer, List<CodeView.ThreadMark>> marks = runs.threadMarksProperty().get();
            return names(marks.get(SLEEP_LINE)).size() == 1 && names(marks.get(WITH_LINE)).size() == 1;
        }, "one thread on the sleep, the other at the lock");
        Set<String> both = names(runs.threadMarksProperty().get().get(SLEEP_LINE));
        both.addAll(names(runs.threadMarksProperty().get().get(WITH_LINE)));
        assertEquals(Set.of("A", "B"), both);
        assertTrue(runs.store().laneCount() >= 3, "MainThread, A and B have lanes while it runs");

        pulseUntil(() -> !runs.isRunning(), "the program ended");
        assertEquals("exited 0", runs.statusProperty().get());
        assertEquals(Map.of(), runs.threadMarksProperty().get(), "no thread is on a line once it ended");

        TraceRecorder recorder = runs.recorder().orElseThrow();
        List<TraceEvent> events = recorder.events();
        Map<Integer, String> names = events.stream().filter(e -> e instanceof TraceEvent.ThreadInfo)
                .map(e -> (TraceEvent.ThreadInfo) e)
                .collect(Collectors.toMap(TraceEvent.ThreadInfo::tid, TraceEvent.ThreadInfo::thread, (x, y) -> y));
        assertEquals(Map.of(0, "MainThread", 1, "A", 2, "B"), names);
        assertEquals(1, events.stream().filter(e -> e instanceof TraceEvent.State s && s.state() == ThreadState.WAITING
                && s.reason() == Reason.LOCK && s.tid() != 0).count(), "the second thread waited for the lock, once");
        List<TraceEvent.Print> prints = events.stream().filter(e -> e instanceof TraceEvent.Print)
                .map(e -> (TraceEvent.Print) e).toList();
        assertEquals(3, prints.size(), prints.toString());
        for (TraceEvent.Print print : prints.subList(0, 2)) {
            assertEquals("done " + print.thread(), print.text(), "a print is on the lane of the thread that printed");
        }
        assertEquals(new TraceEvent.Print(prints.get(2).seq(), prints.get(2).t(), 0, "MainThread", "main done"),
                prints.get(2));
        assertEquals(List.of(prints.get(0).text(), prints.get(1).text(), "main done"),
                runs.consoleLines().stream().map(ConsoleLine::text).toList(), "the console is the trace's prints");

        PythonTraceSession session = session();
        assertTrue(session.awaitEnd(Duration.ofSeconds(1)));
        assertTrue(ProcessHandle.of(session.pid()).map(p -> !p.isAlive()).orElse(true), "the process is gone");
        assertEquals(List.of(), complaints);

        // its trace saves as any run's; opened again, it is a trace, no longer the program
        Path saved = folder.resolve("turns.jsonl");
        runs.saveTrace(saved);
        pulseUntil(() -> runs.statusProperty().get().equals("trace written to turns.jsonl"), "the trace written");
        runs.openTrace(saved);
        pulseUntil(() -> runs.openedTitleProperty().get() != null, "the trace opened");
        assertNull(runs.programProperty().get(), "the code view goes back to the scenario's Python");
        assertEquals(List.of("MainThread", "A", "B"), runs.store().lanes().stream()
                .map(io.threadstage.trace.TraceStore.Lane::name).toList());
    }

    @Test
    void pauseHoldsTheProcessAndStopEndsItWithinASecondEvenWhilePaused() throws Exception {
        runs.runProgram(program("forever.py", FOREVER));
        pulseUntil(() -> runs.store().laneCount() == 2, "both threads have lanes");
        PythonTraceSession session = session();
        long pid = session.pid();
        runs.pause(true);
        assertEquals("paused", runs.statusProperty().get());
        pulseUntil(session::isPaused, "the process is held");
        assertEquals('T', processState(pid), "the process is stopped by SIGSTOP");
        assertTrue(statField(pid, 3) != statField(ProcessHandle.current().pid(), 3),
                "the program has a session of its own: the kernel's SIGHUP to an orphaned group holding a stopped"
                        + " process does not reach it");
        long cpuBefore = cpuTicks(pid);
        Thread.sleep(300); // a span over which a running process would gain CPU time
        assertEquals(cpuBefore, cpuTicks(pid), "a paused process gains no CPU time");
        runs.step();
        runs.pause(false);
        pulseUntil(() -> !session.isPaused(), "the process goes on");
        runs.pause(true);
        pulseUntil(session::isPaused, "held again");

        long asked = System.nanoTime();
        runs.stop();
        assertEquals("stopping", runs.statusProperty().get());
        assertTrue(session.awaitEnd(Duration.ofSeconds(1)), "a paused program ends within a second of Stop");
        assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(1));
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the process is gone");
        pulseUntil(() -> !runs.isRunning(), "the window saw the end");
        assertEquals("stopped", runs.statusProperty().get());
        List<String> markers = runs.recorder().orElseThrow().events().stream()
                .filter(e -> e instanceof TraceEvent.Marker).map(e -> ((TraceEvent.Marker) e).text())
                .filter(text -> text.equals("paused") || text.equals("resumed")).toList();
        assertEquals(List.of("paused", "resumed", "paused"), markers, "the trace shows each pause and resume");
        assertTrue(runs.recorder().orElseThrow().events().stream().noneMatch(e -> e instanceof TraceEvent.Marker m
                && m.text().equals("step")), "Step does nothing to a program");
    }

    @Test
    void anUncaughtExceptionEndsWithStatusOneAndItsTracebackInTheConsole() throws Exception {
        runs.runProgram(program("raises.py", "print('before')\nraise ValueError('boom')\n"));
        pulseUntil(() -> runs.hasFinishedRun(), "the program ended");
        assertEquals("exited 1 (exception: ValueError: boom)", runs.statusProperty().get());
        List<ConsoleLine> console = runs.consoleLines();
        assertEquals(new ConsoleLine("before", false), console.get(0));
        assertEquals(new ConsoleLine("Traceback (most recent call last):", true), console.get(1));
        assertTrue(console.get(2).text().contains("raises.py\", line 2"), console.toString());
        assertEquals(new ConsoleLine("ValueError: boom", true), console.get(console.size() - 1));
        assertEquals(List.of(), complaints, "a program's own exception is its output, not our complaint");
    }

    @Test
    void aCrashAtImportEndsWithItsExceptionNamedAndTheTracebackInTheConsole() throws Exception {
        runs.runProgram(program("imports.py", "import threading\nimport no_such_module_here\n"));
        pulseUntil(() -> runs.hasFinishedRun(), "the program ended");
        assertEquals("exited 1 (exception: ModuleNotFoundError: No module named 'no_such_module_here')",
                runs.statusProperty().get());
        List<ConsoleLine> console = runs.consoleLines();
        assertTrue(console.stream().anyMatch(line -> line.error() && line.text().contains("imports.py\", line 2")),
                console.toString());
        assertEquals(new ConsoleLine("ModuleNotFoundError: No module named 'no_such_module_here'", true),
                console.get(console.size() - 1));
    }

    @Test
    void aFileThatIsNotPythonIsComplainedAboutWithItsLine() throws Exception {
        runs.runProgram(program("notes.py", "This is not Python.\nJust notes.\n"));
        pulseUntil(() -> runs.hasFinishedRun(), "the program ended");
        assertTrue(runs.statusProperty().get().startsWith("exited 1 (SyntaxError: invalid syntax"),
                runs.statusProperty().get());
        assertEquals(1, complaints.size());
        assertEquals("Cannot run notes.py", complaints.get(0).header());
        assertTrue(complaints.get(0).message().matches("SyntaxError: invalid syntax \\(.*notes\\.py, line 1\\)"),
                complaints.get(0).message());
    }

    @Test
    void noInterpreterIsComplainedAboutAndTheWindowStaysAsItWas() throws Exception {
        runs.setPython("python3-that-is-not-installed");
        runs.runProgram(program("fine.py", "print('hi')\n"));
        pulseUntil(() -> !complaints.isEmpty(), "the complaint");
        assertEquals("Cannot run fine.py", complaints.get(0).header());
        assertEquals("fine.py runs on CPython 3.8 or later, and python3-that-is-not-installed is not on the PATH"
                + " (or cannot be run): install it, then open the file again.", complaints.get(0).message());
        assertFalse(runs.isRunning());
        assertNull(runs.programProperty().get());
        assertEquals("", runs.statusProperty().get());
    }

    private static Set<String> names(List<CodeView.ThreadMark> marks) {
        return marks == null ? new java.util.HashSet<>()
                : marks.stream().map(CodeView.ThreadMark::thread).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    /** The process's state letter in {@code /proc/PID/stat}. */
    static char processState(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** Field {@code index} after the name in {@code /proc/PID/stat}: 0 the state, 1 ppid, 2 pgrp, 3 the session. */
    private static long statField(long pid, int index) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    /** The process's user and system CPU time so far, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
