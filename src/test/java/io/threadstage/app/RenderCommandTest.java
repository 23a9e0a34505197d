package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.threadstage.io.TraceWriter;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceHeader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threadstage render}: a trace file in, a PNG of the stage out, exit 2 on bad input. */
class RenderCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int render(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path trace() throws Exception {
        Path file = dir.resolve("run.jsonl");
        TraceWriter.write(file, new TraceHeader("Two threads", "2026-11-25T21:00:00Z", 1.0, false),
                new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0)
                        .atMs(5).thread(1, "worker", "target", false).created(1).atMs(6).running(1)
                        .atMs(20).terminated(1, io.threadstage.trace.Reason.RETURNED)
                        .atMs(25).terminated(0, io.threadstage.trace.Reason.RETURNED).end(Outcome.COMPLETED, null)
                        .events());
        return file;
    }

    @Test
    void drawsTheTraceAtTheAskedSize() throws Exception {
        Path png = dir.resolve("out.png");
        assertEquals(0, render("render", trace().toString(), "--png", png.toString(), "--width", "800", "--height", "450"),
                errors());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
        assertEquals(List.of("out.png", "run.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void defaultsToFullHd() throws Exception {
        Path png = dir.resolve("full.png");
        assertEquals(0, render("render", trace().toString(), "--png", png.toString()), errors());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
    }

    @Test
    void aMissingTraceIsBadInputNamingTheFile() {
        Path png = dir.resolve("out.png");
        assertEquals(2, render("render", dir.resolve("nope.jsonl").toString(), "--png", png.toString()));
        assertEquals(dir.resolve("nope.jsonl") + ": cannot read: no such file\n", errors());
        assertFalse(Files.exists(png));
    }

    @Test
    void aBrokenLineIsBadInputNamingTheLine() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"format\":\"threadstage-trace/1\",\"title\":\"t\",\"started\":\"2026-11-25T21:00:00Z\","
                + "\"speed\":1.0,\"gil\":false}\nnot json\n");
        assertEquals(2, render("render", file.toString(), "--png", dir.resolve("out.png").toString()));
        assertEquals(file + ": line 2, column 1: not JSON: unexpected word \"not\" (texts need double quotes)\n", errors());
    }

    @Test
    void badOptionsAreBadInput() throws Exception {
        String trace = trace().toString();
        assertEquals(2, render("render", trace));
        assertEquals("render: --png OUT.png, --gif OUT.gif or --mp4 OUT.mp4 is required\n"
                + "usage: threadstage render TRACE.jsonl|RECORDING.jfr --png OUT.png [--width W --height H]"
                + " | --gif OUT.gif | --mp4 OUT.mp4 [--width W --height H] [--fps N] [--speed X]; a recording: [--all-threads]\n",
                errors());
        err.reset();
        assertEquals(2, render("render", trace, "--png", dir.resolve("o.png").toString(), "--width", "wide"));
        assertEquals("render: --width must be a whole number of pixels (width from 320, height from 200) up to 8192,"
                + " not wide\n", errors());
        err.reset();
        assertEquals(2, render("render", trace, "--png", dir.resolve("missing/o.png").toString()));
        assertEquals(dir.resolve("missing/o.png") + ": cannot write: no such directory " + dir.resolve("missing") + "\n",
                errors());
    }
}
