package io.threadstage.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.jfr.programs.LiveTicker;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Java program's lanes grow while it runs, from the recorder's stream, and Stop ends it. */
@Timeout(180)
class JavaRecordingSessionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private JavaRecordingSession session;

    @AfterEach
    void endProgram() throws InterruptedException {
        if (session != null) {
            session.stop();
            session.awaitEnd(PATIENCE);
        }
    }

    private List<String> command(Path stopFile) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), LiveTicker.class.getName(), stopFile.toString());
    }

    private static TraceRecorder recorder() {
        return new TraceRecorder(new TraceHeader("LiveTicker (Java)", "2026-01-01T00:00:00Z", 1.0, true));
    }

    /** Waits until the recorder holds an event the test looks for, or the patience runs out. */
    private static List<TraceEvent> awaitEvent(TraceRecorder recorder, Predicate<TraceEvent> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<TraceEvent> events = recorder.events();
            if (events.stream().anyMatch(wanted)) {
                return events;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen within " + PATIENCE + ": " + recorder.events());
    }

    private static Predicate<TraceEvent> waiting(String thread, Reason reason) {
        return event -> event instanceof TraceEvent.State state && thread.equals(state.thread())
                && state.state() == ThreadState.WAITING && state.reason() == reason;
    }

    @Test
    void lanesGrowWhileTheProgramRunsAndTheEndComesAfterIt() throws Exception {
        Path stopFile = folder.resolve("stop");
        TraceRecorder recorder = recorder();
        session = JavaRecordingSession.start(command(stopFile), recorder, false, JavaRecordingSession.Output.TO_TRACE);

        awaitEvent(recorder, waiting("Grabber", Reason.LOCK));
        awaitEvent(recorder, waiting("Sleeper", Reason.SLEEP));
        // the Keeper hands the monitor to the Grabber: the owner changes from one to the other at one instant
        List<TraceEvent> live = awaitEvent(recorder, event -> event instanceof TraceEvent.LockOwner owner
                && "LiveTicker.Baton".equals(owner.on()) && owner.owner() >= 0);
        assertFalse(session.ended(), "the program runs until the stop file exists");
        assertTrue(live.stream().noneMatch(event -> event instanceof TraceEvent.End), "no end while it runs");
        List<String> lanes = live.stream().filter(event -> event instanceof TraceEvent.ThreadInfo)
                .map(event -> ((TraceEvent.ThreadInfo) event).thread()).distinct().toList();
        assertTrue(lanes.containsAll(List.of("main", "Sleeper", "Keeper", "Grabber")), "lanes: " + lanes);
        assertTrue(lanes.stream().noneMatch(name -> name.startsWith("JFR") || name.startsWith("system/")),
                "the JVM's own threads are hidden: " + lanes);

        Files.createFile(stopFile);
        assertTrue(session.awaitEnd(PATIENCE), "the trace ends after the program");
        List<TraceEvent> all = recorder.events();
        TraceEvent.End end = (TraceEvent.End) all.get(all.size() - 1);
        assertEquals(Outcome.COMPLETED, end.outcome());
        assertEquals(0, session.exitStatus());
        assertEquals(List.of("started", "done"), all.stream().filter(event -> event instanceof TraceEvent.Print)
                .map(event -> ((TraceEvent.Print) event).text()).toList());
        for (String thread : List.of("Sleeper", "Keeper", "Grabber")) {
            assertTrue(all.stream().anyMatch(event -> event instanceof TraceEvent.State state
                    && thread.equals(state.thread()) && state.state() == ThreadState.TERMINATED),
                    thread + " ends in the lanes (from the stream, or the recording written at exit)");
        }
        for (String thread : List.of("main", "Sleeper", "Keeper", "Grabber")) {
            // the last second comes from the stream and again from the file written at exit: taken once
            assertEquals(1, all.stream().filter(event -> event instanceof TraceEvent.ThreadInfo info
                    && thread.equals(info.thread())).count(), thread + " appears once");
            assertTrue(all.stream().filter(event -> event instanceof TraceEvent.State state
                    && thread.equals(state.thread()) && state.state() == ThreadState.TERMINATED).count() <= 1,
                    thread + " ends once");
        }
        long[] times = all.stream().mapToLong(TraceEvent::t).toArray();
        for (int i = 1; i < times.length; i++) {
            assertTrue(times[i] >= times[i - 1], "time never goes back");
        }
    }

    @Test
    void stopEndsTheProgramWithinASecondAndTheTraceSaysStopped() throws Exception {
        TraceRecorder recorder = recorder();
        session = JavaRecordingSession.start(command(folder.resolve("never")), recorder, false,
                JavaRecordingSession.Output.TO_TRACE);
        awaitEvent(recorder, waiting("Sleeper", Reason.SLEEP));

        long asked = System.nanoTime();
        session.stop();
        assertTrue(session.awaitEnd(Duration.ofSeconds(3)), "the trace ends soon after Stop");
        long tookMillis = (System.nanoTime() - asked) / 1_000_000;
        System.out.println("Stop of a running Java program: its trace ended " + tookMillis + " ms later");
        assertTrue(ProcessHandle.of(session.pid()).map(ProcessHandle::isAlive).orElse(false) == false,
                "the program is gone");
        assertTrue(tookMillis < 2_000, "Stop took " + tookMillis + " ms");
        List<TraceEvent> all = recorder.events();
        assertEquals(Outcome.STOPPED, ((TraceEvent.End) all.get(all.size() - 1)).outcome());
    }
}
