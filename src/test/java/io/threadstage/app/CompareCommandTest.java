package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code threadstage compare}: two runs drawn on one time scale, the summary line on stdout. */
class CompareCommandTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    @Timeout(120)
    void oneScenarioIsComparedWithTheGilOnAndOff() throws Exception {
        Path png = dir.resolve("gil.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(out, err, "compare", "lesson:run-vs-start", "--png", png.toString(), "--width", "1280",
                "--height", "720");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String summary = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(summary.matches("(GIL|free-threaded): \\d+\\.\\d\\d s, (GIL|free-threaded): \\d+\\.\\d\\d s, \\d+\\.\\d\\dx"),
                summary);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
    }

    @Test
    void withoutAPictureItIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err, "compare", "lesson:gil"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("threadstage compare: --png OUT.png is needed"));
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }
}
