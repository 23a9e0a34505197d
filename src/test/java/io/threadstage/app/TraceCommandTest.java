package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadstage.io.TraceReader;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code threadstage trace}: a real program run on python3, its output and status passed through, its trace written. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraceCommandTest {

    private static final Path PROGRAMS = Path.of("src", "test", "resources", "python-programs");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void pythonIsThere() throws Exception {
        boolean ran;
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ran = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException notThere) {
            ran = false;
        }
        assumeTrue(ran, "python3 is not installed");
    }

    private int trace(String... args) {
        List<String> line = new ArrayList<>(List.of("trace"));
        line.addAll(List.of(args));
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(line.toArray(new String[0]));
    }

    private static List<TraceEvent> read(Path trace) throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        new TraceReader().read(trace, events::add);
        return events;
    }

    private static TraceEvent.End end(List<TraceEvent> events) {
        return (TraceEvent.End) events.get(events.size() - 1);
    }

    @Test
    void theProgramsOutputAndStatusPassThroughAndTheTraceAndPictureAreWritten() throws Exception {
        Path trace = dir.resolve("os_exit.jsonl");
        Path png = dir.resolve("os_exit.png");
        assertEquals(7, trace("--trace", trace.toString(), "--png", png.toString(),
                PROGRAMS.resolve("os_exit.py").toString()));
        assertEquals("MainThread leaves with os._exit(7) while Lingerer waits\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        List<TraceEvent> events = read(trace);
        assertEquals("exit status 7: os._exit in MainThread ended every thread", end(events).message());
        assertTrue(events.stream().anyMatch(e -> e instanceof TraceEvent.ThreadInfo t && t.thread().equals("Lingerer")));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals(List.of(RenderCommand.DEFAULT_WIDTH, RenderCommand.DEFAULT_HEIGHT),
                List.of(picture.getWidth(), picture.getHeight()));
    }

    @Test
    void theProgramsOwnArgumentsComeAfterIt() throws Exception {
        Path echo = Files.writeString(dir.resolve("echo.py"), "import sys\nprint(sys.argv[1:])\nsys.exit(len(sys.argv))\n");
        assertEquals(3, trace(echo.toString(), "--trace", "x"));
        assertEquals("['--trace', 'x']\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir.resolve("x")) && Files.notExists(Path.of("x")), "--trace after the program is its own");
    }

    @Test
    void aProgramThatRunsPastItsTimeoutIsStoppedWithItsThreadsAndTheTraceKept() throws Exception {
        Path trace = dir.resolve("forever.jsonl");
        long started = System.nanoTime();
        assertEquals(RunCommand.TIMED_OUT, trace("--timeout", "2", "--trace", trace.toString(),
                PROGRAMS.resolve("forever.py").toString()));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 2_000, "ran its two seconds: " + tookMillis + " ms");
        assertEquals("MainThread runs forever\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("threadstage trace: " + PROGRAMS.resolve("forever.py") + " did not end within 2.0 s;"
                + " it was stopped with its threads, the trace so far kept\n", err.toString(StandardCharsets.UTF_8));
        List<TraceEvent> events = read(trace);
        assertEquals(Outcome.STOPPED, end(events).outcome());
        assertTrue(events.stream().anyMatch(e -> e instanceof TraceEvent.State s && s.thread().equals("Ticker")
                && s.reason() == Reason.SLEEP), "the Ticker's sleeps are in the trace");
        assertTrue(ProcessHandle.current().descendants().noneMatch(child -> child.info().command()
                .map(command -> command.contains("python")).orElse(false)), "no python process is left");
    }

    @Test
    void aBadTimeoutOrAMissingProgramIsRefusedWithTwoAndTheUsage() {
        assertEquals(RunCommand.BAD_INPUT, trace("--timeout", "soon", "p.py"));
        assertEquals("threadstage trace: --timeout needs a number, not soon\n" + usage(), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(RunCommand.BAD_INPUT, trace(dir.resolve("missing.py").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(dir.resolve("missing.py") + ": "),
                err.toString(StandardCharsets.UTF_8));
    }

    private static String usage() {
        return "usage: threadstage trace [--python PATH] [--trace OUT.jsonl] [--png OUT.png] [--timeout S]"
                + " [--] PROGRAM.py [ARGS...]\n";
    }
}
