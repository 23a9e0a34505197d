package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceReader;
import io.threadstage.jfr.FlightSettings;
import io.threadstage.jfr.programs.SmallPool;
import io.threadstage.jfr.programs.WaitNotify;
import io.threadstage.trace.TraceEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record}, {@code convert}, {@code render} and {@code open} on Java recordings: the files
 * they write, the program's status passed through, and bad input refused with our message
 * naming the file and exit 2, before anything is written.
 */
class JavaCommandsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** One real recording of a small program, made by {@code record} itself. */
    private static Path recording;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void recordOnce() {
        recording = shared.resolve("mailbox.jfr");
        JavaCommandsTest test = new JavaCommandsTest();
        int status = test.run("record", "--jfr", recording.toString(), "--", java(), "-cp",
                System.getProperty("java.class.path"), WaitNotify.class.getName());
        assertEquals(0, status, test.errors());
    }

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void recordPassesTheProgramsStatusThroughAndWritesEveryOutputFromTheRecording() throws Exception {
        Path jfr = dir.resolve("pool.jfr");
        Path trace = dir.resolve("pool.jsonl");
        Path chrome = dir.resolve("pool.json");
        Path png = dir.resolve("pool.png");
        int status = run("record", "--jfr", jfr.toString(), "--trace", trace.toString(), "--chrome", chrome.toString(),
                "--png", png.toString(), "--", java(), "-cp", System.getProperty("java.class.path"),
                SmallPool.class.getName(), "7");
        assertEquals(7, status, errors());
        assertTrue(Files.size(jfr) > 0);
        List<TraceEvent> events = new ArrayList<>();
        new TraceReader().read(trace, events::add);
        assertTrue(events.stream().anyMatch(e -> e instanceof TraceEvent.ThreadInfo info
                && info.thread().matches("pool-\\d+-thread-1")), events.toString());
        assertTrue(Files.readString(chrome).contains("\"traceEvents\""));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals(1920, picture.getWidth());
    }

    @Test
    void withoutJfrTheRecordingIsTemporaryAndTheTraceIsTitledAfterTheProgram() throws Exception {
        Path trace = dir.resolve("pool.jsonl");
        assertEquals(0, run("record", "--trace", trace.toString(), "--", java(), "-cp",
                System.getProperty("java.class.path"), SmallPool.class.getName()), errors());
        assertEquals("SmallPool (Java)", new TraceReader().read(trace, event -> { }).title());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(trace), left.toList(), "only the trace asked for");
        }
    }

    @Test
    void withNothingToWriteTheRecordingOpensInTheWindowWhenTheProgramEnds() throws Exception {
        List<String> shown = new ArrayList<>();
        RecordCommand record = new RecordCommand((recording, jvmThreads) -> {
            shown.add(recording.getFileName() + " " + jvmThreads + " " + Files.isRegularFile(recording));
            return 0;
        });
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream output = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(7, record.execute(List.of("--", java(), "-cp", System.getProperty("java.class.path"),
                SmallPool.class.getName(), "7"), output, errors), errors());
        assertEquals(List.of("SmallPool.jfr false true"), shown, "the whole recording, shown once the program ended");
        assertTrue(errors().matches("(?s).*record: the recording is .*SmallPool\\.jfr; opening it in the window\n"),
                errors());

        // no display: the window says why it could not open, and the command ends as it did
        RecordCommand headless = new RecordCommand((recording, jvmThreads) -> {
            shown.add("all threads " + jvmThreads);
            return 1;
        });
        assertEquals(1, headless.execute(List.of("--all-threads", "--", java(), "-cp",
                System.getProperty("java.class.path"), SmallPool.class.getName()), output, errors));
        assertEquals("all threads true", shown.get(1));
    }

    @Test
    void theProgramsNameComesFromItsMainClassJarOrModule() {
        assertEquals("Main", RecordCommand.programName(List.of("java", "-cp", "a.jar:b", "-Xmx1g", "com.example.Main", "x")));
        assertEquals("app-1.0", RecordCommand.programName(List.of("java", "-jar", "lib/app-1.0.jar", "--port", "80")));
        assertEquals("Prog", RecordCommand.programName(List.of("java", "src/Prog.java")));
        assertEquals("Main", RecordCommand.programName(List.of("java", "-p", "mods", "-m", "my.mod/com.example.Main")));
        assertEquals("program", RecordCommand.programName(List.of("java", "-version")));
    }

    @Test
    void aPicturesSizeIsCheckedBeforeTheProgramRuns() {
        Path jfr = dir.resolve("never.jfr");
        assertEquals(2, run("record", "--jfr", jfr.toString(), "--png", dir.resolve("x.png").toString(), "--width", "9",
                "--", java(), "-version"));
        assertTrue(errors().startsWith("record: --width must be a whole number of pixels"), errors());
        assertFalse(Files.exists(jfr));
    }

    @Test
    void convertWritesTheTraceAndSaysWhatItKept() throws Exception {
        Path trace = dir.resolve("mailbox.jsonl");
        assertEquals(0, run("convert", recording.toString(), "--trace", trace.toString()), errors());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith(recording + ": 3 threads, "), said);
        assertTrue(said.contains("of the JVM's own hidden (--all-threads shows them); completed"), said);
        List<TraceEvent> events = new ArrayList<>();
        new TraceReader().read(trace, events::add);
        assertTrue(events.get(events.size() - 1) instanceof TraceEvent.End);
    }

    @Test
    void renderDrawsARecordingAsItDrawsATrace() throws Exception {
        Path png = dir.resolve("mailbox.png");
        assertEquals(0, run("render", recording.toString(), "--png", png.toString(), "--width", "800", "--height",
                "400"), errors());
        assertEquals(800, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void aFileThatIsNoRecordingIsRefusedByNameWithExitTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "just some text\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(2, run("convert", text.toString(), "--trace", trace.toString()));
        assertEquals(text + ": not a Java Flight Recorder recording (a .jfr file starts with FLR)\n", errors());
        assertFalse(Files.exists(trace));
    }

    @Test
    void aCutRecordingIsRefusedWithOurMessageNotAStackTrace() throws Exception {
        byte[] whole = Files.readAllBytes(recording);
        for (int length : new int[] {100, whole.length / 2, whole.length - 10}) {
            Path cut = Files.write(dir.resolve("cut-" + length + ".jfr"), Arrays.copyOf(whole, length));
            err.reset();
            assertEquals(2, run("render", cut.toString(), "--png", dir.resolve("cut.png").toString()), "cut at " + length);
            assertEquals(cut + ": cannot read the recording: it is damaged or cut short"
                    + " (was it copied while the program was still writing it?)\n", errors());
        }
        assertFalse(Files.exists(dir.resolve("cut.png")));
    }

    @Test
    void aRecordingWithoutThreadEventsSaysSo() throws Exception {
        Path bare = dir.resolve("bare.jfr");
        try (Recording nothingOfThreads = new Recording()) {
            nothingOfThreads.enable("jdk.JVMInformation");
            nothingOfThreads.start();
            nothingOfThreads.stop();
            nothingOfThreads.dump(bare);
        }
        assertEquals(2, run("convert", bare.toString(), "--trace", dir.resolve("bare.jsonl").toString()));
        assertTrue(errors().startsWith(bare + ": the recording has no thread events"), errors());
    }

    @Test
    void outputsAreCheckedBeforeAnythingIsReadOrRun() throws Exception {
        assertEquals(2, run("convert", recording.toString(), "--trace", recording.toString()));
        assertEquals(recording + ": cannot write: it is the recording being converted\n", errors());
        err.reset();
        assertEquals(2, run("convert", recording.toString(), "--chrome", dir.toString()));
        assertEquals(dir + ": cannot write: it is a folder\n", errors());
        err.reset();
        Path neverMade = dir.resolve("never.jfr");
        assertEquals(2, run("record", "--jfr", neverMade.toString(), "--trace", dir.resolve("no/such/x.jsonl").toString(),
                "--", java(), "-version"));
        assertTrue(errors().contains("cannot write: no such directory"), errors());
        assertFalse(Files.exists(neverMade), "the program did not run");
    }

    @Test
    void recordRefusesACommandThatIsNotJava() {
        assertEquals(2, run("record", "--trace", dir.resolve("x.jsonl").toString(), "--", "python3", "-c", "pass"));
        assertTrue(errors().startsWith("record: the command after -- must start with java"), errors());
        err.reset();
        assertEquals(2, run("record", "--trace", dir.resolve("x.jsonl").toString()));
        assertTrue(errors().startsWith("record: which program?"), errors());
    }

    @Test
    void openRefusesABadRecordingOnTheCommandLineBeforeAnyWindow() throws Exception {
        Path text = Files.writeString(dir.resolve("bad.jfr"), "no");
        assertEquals(2, run("open", text.toString()));
        assertTrue(errors().startsWith(text + ": "), errors());
    }

    @Test
    void theWindowReadsARecordingWhereItReadsATrace() throws Exception {
        io.threadstage.ui.run.TraceFiles.Opened opened = io.threadstage.ui.run.TraceFiles.read(recording, false);
        assertEquals("mailbox (Java)", opened.title());
        assertEquals(List.of("main", "Waiter", "Notifier"),
                opened.store().lanes().stream().map(io.threadstage.trace.TraceStore.Lane::name).toList());
    }

    @Test
    void theSettingsShippedEnableEveryThreadEventAtZeroThresholdWithoutStacks() throws Exception {
        String settings = new String(FlightSettings.open().readAllBytes(), StandardCharsets.UTF_8);
        for (String event : List.of("jdk.ThreadSleep", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait")) {
            int at = settings.indexOf("\"" + event + "\"");
            String block = settings.substring(at, settings.indexOf("</event>", at));
            assertTrue(block.contains("<setting name=\"threshold\">0 ms</setting>"), event);
            assertTrue(block.contains("<setting name=\"stackTrace\">false</setting>"), event);
        }
    }
}
