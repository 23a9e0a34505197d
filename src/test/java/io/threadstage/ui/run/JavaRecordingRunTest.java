package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.jfr.JavaRecordingSession;
import io.threadstage.jfr.programs.LiveTicker;
import io.threadstage.trace.LiveRun;
import io.threadstage.trace.TraceStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's view model recording a Java program live (Trace > Record Java Program...), without a
 * window: the test's thread plays the FX thread, takes the file thread's results and pulses by hand.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JavaRecordingRunTest {

    private static final long PATIENCE_SECONDS = 90;

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

    /** Takes the file thread's results and pulses, as the FX thread would once a frame, until {@code done}. */
    private void pulseUntil(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + PATIENCE_SECONDS + " s for: " + what
                    + "; complaints " + complaints.stream().map(RunViewModel.Complaint::message).toList());
            Runnable result = handedBack.poll(16, TimeUnit.MILLISECONDS);
            if (result != null) {
                result.run();
            }
            runs.pulse();
        }
    }

    private List<String> laneNames() {
        return runs.store().lanes().stream().map(TraceStore.Lane::name).toList();
    }

    private static String quoted(String path) {
        return "\"" + path + "\"";
    }

    @Test
    void lanesGrowWhileTheJavaProgramRunsAndStopEndsIt() throws Exception {
        String command = "java -Xmx64m -cp " + quoted(System.getProperty("java.class.path")) + " "
                + LiveTicker.class.getName() + " " + quoted(folder.resolve("never").toString());
        runs.recordJava(command);
        pulseUntil(runs::isRunning, "the program started");
        LiveRun live = runs.liveRun().orElseThrow();
        assertTrue(live instanceof JavaRecordingSession, "the window drives the recording session: " + live);
        assertFalse(live.canStep(), "a process cannot be stepped");
        JavaRecordingSession session = (JavaRecordingSession) live;

        pulseUntil(() -> laneNames().containsAll(List.of("main", "Sleeper", "Keeper", "Grabber")),
                "the program's four lanes");
        assertTrue(runs.isRunning(), "lanes are there while the program runs");
        assertTrue(ProcessHandle.of(session.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(0, runs.store().lanes().get(0).tid(), "main is the first lane");
        assertTrue(laneNames().stream().noneMatch(name -> name.startsWith("JFR") || name.startsWith("system/")),
                "the JVM's own threads are hidden: " + laneNames());
        pulseUntil(() -> runs.consoleLines().stream().anyMatch(line -> line.text().equals("started")),
                "the program's output in the console");

        long asked = System.nanoTime();
        runs.stop();
        pulseUntil(() -> !runs.isRunning(), "the run's end after Stop");
        long tookMillis = (System.nanoTime() - asked) / 1_000_000;
        assertTrue(tookMillis < 3_000, "Stop took " + tookMillis + " ms");
        assertFalse(ProcessHandle.of(session.pid()).map(ProcessHandle::isAlive).orElse(false), "the program is gone");
        assertEquals("stopped", runs.statusProperty().get());
        assertTrue(complaints.isEmpty(), "no complaint: " + complaints);
    }

    @Test
    void aLiveRecordingTakesTheJvmThreadsChoiceAndIsReadAgainFromItsFileOnceEnded() throws Exception {
        runs.jvmThreadsShownProperty().set(true);
        runs.recordJava("java -Xmx64m -cp " + quoted(System.getProperty("java.class.path")) + " "
                + LiveTicker.class.getName() + " " + quoted(folder.resolve("never").toString()));
        pulseUntil(() -> laneNames().contains("Grabber") && laneNames().stream().anyMatch(name -> name.startsWith("system/")),
                "the program's lanes and the JVM's");
        runs.stop();
        pulseUntil(() -> !runs.isRunning(), "the run's end after Stop");
        Path recording = ((JavaRecordingSession) runs.liveRun().orElseThrow()).recording();

        String command = runs.javaCommandProperty().get();
        assertTrue(command.startsWith("java -Xmx64m "), command);
        runs.jvmThreadsShownProperty().set(false);
        assertEquals("opening " + recording.getFileName(), runs.statusProperty().get(), "its recording is read again");
        pulseUntil(() -> runs.statusProperty().get().startsWith("trace "), "the recording read again");
        assertTrue(laneNames().containsAll(List.of("main", "Sleeper", "Keeper", "Grabber")), laneNames().toString());
        assertTrue(laneNames().stream().noneMatch(name -> name.startsWith("system/")), laneNames().toString());
        assertEquals(command, runs.javaCommandProperty().get(), "Run still records the program again");
        assertTrue(complaints.isEmpty(), "no complaint: " + complaints);
    }

    @Test
    void aLineThatIsNoJavaCommandIsRefusedWithAComplaint() throws Exception {
        runs.recordJava("python3 app.py");
        pulseUntil(() -> !complaints.isEmpty(), "the complaint");
        assertEquals("Cannot record the program", complaints.get(0).header());
        assertEquals("The command must start with java (the Flight Recorder is Java's), not python3.",
                complaints.get(0).message());
        assertFalse(runs.isRunning());
    }
}
