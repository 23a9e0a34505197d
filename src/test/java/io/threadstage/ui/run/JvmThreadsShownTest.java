package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.TraceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java recording's JVM threads, hidden by default and shown on request: the view model reads the
 * shown recording again when asked, without a window (the test's thread plays the FX thread).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmThreadsShownTest {

    private static final Pattern HIDDEN = Pattern.compile(
            "trace naps\\.jfr: (\\d+) threads \\((\\d+) of the JVM's own hidden: Trace > Show the JVM's Own Threads\\)");
    private static final Pattern SHOWN = Pattern.compile("trace naps\\.jfr: (\\d+) threads \\((\\d+) of them the JVM's own\\)");

    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> handedBack = new LinkedBlockingQueue<>();
    private final RunViewModel runs = new RunViewModel(new FileWork(handedBack::add));

    /** A recording of the program's Napper and of Housekeeper, a thread in the JVM's own group, both sleeping. */
    static Path recordNaps(Path file) throws Exception {
        return record(file, "Napper", "Housekeeper");
    }

    /** A recording of {@code programs} threads and one of the JVM's own ({@code jvmThread}), each sleeping once. */
    private static Path record(Path file, String programs, String jvmThread) throws Exception {
        ThreadGroup jvmGroup = Thread.currentThread().getThreadGroup();
        while (!jvmGroup.getName().equals("system")) {
            jvmGroup = jvmGroup.getParent();
        }
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            List<Thread> nappers = new ArrayList<>();
            if (programs != null) {
                nappers.add(new Thread(JvmThreadsShownTest::nap, programs));
            }
            nappers.add(new Thread(jvmGroup, JvmThreadsShownTest::nap, jvmThread));
            for (Thread napper : nappers) {
                napper.start();
            }
            for (Thread napper : nappers) {
                napper.join();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void nap() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitFiles() throws InterruptedException {
        Runnable next = handedBack.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "the file work came back");
        next.run();
    }

    private List<String> lanes() {
        return runs.store().lanes().stream().map(TraceStore.Lane::name).toList();
    }

    private Matcher status(Pattern expected) {
        Matcher said = expected.matcher(runs.statusProperty().get());
        assertTrue(said.matches(), runs.statusProperty().get());
        return said;
    }

    @Test
    void theJvmsThreadsAreHiddenThenShownWhenAskedAndHiddenAgain() throws Exception {
        Path naps = recordNaps(dir.resolve("naps.jfr"));
        runs.openTrace(naps);
        awaitFiles();
        List<String> programs = lanes();
        assertTrue(programs.contains("Napper"), programs.toString());
        assertFalse(programs.contains("system/Housekeeper"), programs.toString());
        Matcher hidden = status(HIDDEN);
        assertEquals(programs.size(), Integer.parseInt(hidden.group(1)));
        int jvmThreads = Integer.parseInt(hidden.group(2));
        assertTrue(jvmThreads >= 1, "Housekeeper at least: " + jvmThreads);

        runs.jvmThreadsShownProperty().set(true);
        assertEquals("opening naps.jfr", runs.statusProperty().get(), "the recording is read again");
        awaitFiles();
        List<String> all = lanes();
        assertTrue(all.containsAll(programs) && all.contains("system/Housekeeper"), all.toString());
        Matcher shown = status(SHOWN);
        assertEquals(List.of(all.size(), jvmThreads),
                List.of(Integer.parseInt(shown.group(1)), Integer.parseInt(shown.group(2))));
        assertEquals(programs.size() + jvmThreads, all.size());

        runs.jvmThreadsShownProperty().set(false);
        awaitFiles();
        assertEquals(programs, lanes());
    }

    @Test
    void theChoiceReadsNothingWhenTheStageShowsNoRecording() throws Exception {
        Path naps = recordNaps(dir.resolve("naps.jfr"));
        runs.openTrace(naps);
        awaitFiles();
        Path trace = dir.resolve("naps.jsonl");
        io.threadstage.io.TraceWriter.write(trace, new io.threadstage.trace.TraceHeader("naps", "2026-12-06T00:00:00Z",
                1.0, true), List.of());
        runs.openTrace(trace);
        awaitFiles();
        List<String> statuses = new ArrayList<>();
        runs.statusProperty().addListener((obs, was, now) -> statuses.add(now));
        runs.jvmThreadsShownProperty().set(true);
        assertEquals(List.of(), statuses, "a trace is not a recording: nothing to read again");
        assertTrue(handedBack.isEmpty());
    }

    @Test
    void aRecordingOfTheJvmsThreadsAloneSaysHowToShowThem() throws Exception {
        Path file = record(dir.resolve("housekeeping.jfr"), null, "Housekeeper");
        io.threadstage.io.TraceFileException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.threadstage.io.TraceFileException.class, () -> TraceFiles.read(file, false));
        assertEquals(file + ": every thread with events is the JVM's own; show them with --all-threads"
                + " (in the window: Trace > Show the JVM's Own Threads)", refused.getMessage());
        assertTrue(TraceFiles.read(file, true).store().lanes().stream()
                .anyMatch(lane -> lane.name().equals("system/Housekeeper")));
    }
}
