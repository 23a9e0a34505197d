package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.export.ClipPlan;
import io.threadstage.export.GifFrames;
import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceReader;
import io.threadstage.io.TraceWriter;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --gif} and {@code run --gif}: a clip of the run, its options, and exit 2 on bad ones. */
class ClipCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int command(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Main runs for {@code seconds}; a worker runs from 0.5 s to 2 s. */
    private Path trace(double seconds) throws Exception {
        Path file = dir.resolve("run.jsonl");
        TraceWriter.write(file, new TraceHeader("Clip", "2026-11-26T00:00:00Z", 1.0, false),
                new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0)
                        .atMs(500).thread(1, "worker", "target", false).running(1)
                        .atMs(2000).terminated(1, Reason.RETURNED)
                        .atMs(seconds * 1000).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                        .events());
        return file;
    }

    private static List<Integer> delays(int frames, int each) {
        List<Integer> delays = new ArrayList<>(Collections.nCopies(frames - 1, each));
        delays.add(ClipPlan.HOLD_CENTIS);
        return delays;
    }

    @Test
    void renderWritesA720pClipAtTenFramesASecondByDefault() throws Exception {
        Path gif = dir.resolve("clip.gif");
        assertEquals(0, command("render", trace(3).toString(), "--gif", gif.toString()), errors());
        assertEquals("", errors());
        GifFrames clip = GifFrames.read(gif);
        assertEquals(delays(31, 10), clip.delays());
        assertTrue(clip.loopsForever());
        assertEquals(1280, clip.frames().get(0).getWidth());
        assertEquals(720, clip.frames().get(0).getHeight());
        assertEquals(List.of("clip.gif", "run.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void aSlowedClipTakesMoreFramesAndItsLastFrameIsThePngOfTheSameSize() throws Exception {
        Path gif = dir.resolve("clip.gif");
        Path png = dir.resolve("clip.png");
        assertEquals(0, command("render", trace(3).toString(), "--gif", gif.toString(), "--png", png.toString(),
                "--width", "640", "--height", "360", "--fps", "5", "--speed", "0.5"), errors());
        GifFrames clip = GifFrames.read(gif);
        // 20 hundredths a frame at half speed: 100 ms of the run per frame, 30 frames, then the hold
        assertEquals(delays(31, 20), clip.delays());
        assertArrayEquals(GifFrames.read(gif).pixels(clip.last()), pixelsOf(png));
    }

    private static int[] pixelsOf(Path png) throws Exception {
        var image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aRunTooLongForSixHundredFramesPlaysFasterAndSaysSo() throws Exception {
        Path gif = dir.resolve("long.gif");
        assertEquals(0, command("render", trace(120).toString(), "--gif", gif.toString(), "--width", "320",
                "--height", "200"), errors());
        assertEquals("render: " + gif + ": the run needs more than 600 frames at 10 fps; the clip plays it at 2.00x"
                + " instead of 1.0x\n", errors());
        assertEquals(delays(600, 10), GifFrames.read(gif).delays());
    }

    @Test
    void badClipOptionsAreBadInputNamingTheOption() throws Exception {
        String trace = trace(3).toString();
        String gif = dir.resolve("o.gif").toString();
        assertEquals(2, command("render", trace, "--gif", gif, "--fps", "60"));
        assertEquals("render: --fps must be a whole number of frames a second from 1 to 50, not 60\n", errors());
        err.reset();
        assertEquals(2, command("render", trace, "--gif", gif, "--speed", "fast"));
        assertEquals("render: --speed must be a number from 0.05 to 20 (0.5 plays the run at half its pace), not fast\n",
                errors());
        err.reset();
        assertEquals(2, command("render", trace, "--png", dir.resolve("o.png").toString(), "--speed", "0.5"));
        assertEquals("render: --speed only applies to a clip: add --gif OUT.gif or --mp4 OUT.mp4\n", errors());
        err.reset();
        assertEquals(2, command("render", trace, "--gif", dir.resolve("missing/o.gif").toString()));
        assertEquals(dir.resolve("missing/o.gif") + ": cannot write: no such directory " + dir.resolve("missing") + "\n",
                errors());
        err.reset();
        assertEquals(2, command("render", trace, "--fps"));
        assertEquals("render: --fps needs a value\n" + "usage: threadstage render TRACE.jsonl|RECORDING.jfr --png OUT.png"
                + " [--width W --height H] | --gif OUT.gif | --mp4 OUT.mp4 [--width W --height H] [--fps N] [--speed X];"
                + " a recording: [--all-threads]\n", errors());
        err.reset();
        assertEquals(2, command("render", dir.resolve("nope.jsonl").toString(), "--gif", gif));
        assertEquals(dir.resolve("nope.jsonl") + ": cannot read: no such file\n", errors());
        assertEquals(List.of("run.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void runWritesAClipOfTheFinishedRunBesideItsTrace() throws Exception {
        Path gif = dir.resolve("run.gif");
        Path trace = dir.resolve("run.jsonl");
        assertEquals(0, command("run", "lesson:target-function", "--trace", trace.toString(), "--gif", gif.toString(),
                "--width", "480", "--height", "270", "--fps", "20"), errors());
        TraceFile recorded = new TraceReader().read(trace);
        long start = recorded.events().get(0).t();
        long end = recorded.events().get(recorded.events().size() - 1).t();
        ClipPlan plan = ClipPlan.of(start, end, 20, 1);
        GifFrames clip = GifFrames.read(gif);
        assertEquals(delays(plan.frameCount(), 5), clip.delays());
        assertEquals(480, clip.frames().get(0).getWidth());
        assertEquals(270, clip.frames().get(0).getHeight());
    }

    @Test
    void runRefusesClipOptionsWithoutAClip() {
        assertEquals(2, command("run", "lesson:target-function", "--fps", "5"));
        assertEquals("threadstage run: --fps only applies to a clip: add --gif OUT.gif\n"
                + "usage: threadstage run FILE [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png] [--gif OUT.gif]"
                + " [--width W --height H] [--fps N] [--speed X] [--timeout S] [--gil | --no-gil]\n", errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, command("run", "lesson:target-function", "--gif", dir.resolve("no/x.gif").toString()));
        assertEquals(dir.resolve("no/x.gif") + ": cannot write: no such directory " + dir.resolve("no") + "\n", errors());
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
