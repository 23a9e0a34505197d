package io.threadstage.export;

import static io.threadstage.export.PixelColors.color;
import static io.threadstage.export.PixelColors.pixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.app.CommandLine;
import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceReader;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threadstage run LESSON --png OUT}: the finished run drawn headless, as {@code render} draws its trace. */
class RunPngTest {

    @TempDir
    Path dir;

    /** A quarter into the longest interval of {@code tid} in {@code state} (and {@code reason}, if given). */
    private static long middleOfLongest(List<TraceEvent> events, int tid, ThreadState state, Reason reason) {
        long best = -1;
        long bestLength = 0;
        TraceEvent.State open = null;
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.State s && s.tid() == tid) {
                if (open != null && s.t() - open.t() > bestLength) {
                    bestLength = s.t() - open.t();
                    // a quarter in: clear of the handoff arrows drawn where the interval's steps meet
                    best = open.t() + bestLength / 4;
                }
                open = s.state() == state && (reason == null || s.reason() == reason) ? s : null;
            }
        }
        return best;
    }

    @Test
    void drawsTheFinishedRunWithItsLanes() throws Exception {
        Path png = dir.resolve("run.png");
        Path trace = dir.resolve("run.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"run", "lesson:producer-consumer", "--trace", trace.toString(), "--png", png.toString()});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("main: every job was uploaded\n"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());

        TraceFile file = new TraceReader().read(trace);
        TraceStore store = new TraceStore();
        file.events().forEach(store::append);
        // both carry the lesson's caption (`render` finds the lesson by the trace's title)
        String caption = new io.threadstage.io.ScenarioLoader().load("lesson:producer-consumer").lesson().strip();
        PngPicture.Rendered reference = PngPicture.render(file.header(), store, 1920, 1080, false, caption);
        StageLayout layout = reference.layout();
        assertEquals(3, store.laneCount());
        assertEquals("Producer", store.lane(1).name());
        assertEquals("Consumer", store.lane(2).name());

        long producerComputes = middleOfLongest(file.events(), store.lane(1).tid(), ThreadState.RUNNING, null);
        double barTop = layout.laneTop(1) + Math.max(2, Math.floor(layout.laneHeight * 0.1));
        // under the bar's top edge: the put-to-get arrows leave from the lane's centre
        assertEquals(color(Ink.RUNNING), pixel(image, layout.x(producerComputes), barTop + 2),
                "Producer running while it computes");
        long mainJoins = middleOfLongest(file.events(), store.lane(0).tid(), ThreadState.WAITING, Reason.JOIN);
        assertEquals(color(Ink.JOIN), pixel(image, layout.x(mainJoins), layout.laneCenter(0)),
                "MainThread waiting in join");
        long consumerUploads = middleOfLongest(file.events(), store.lane(2).tid(), ThreadState.WAITING, Reason.IO);
        assertEquals(color(Ink.IO), pixel(image, layout.x(consumerUploads), layout.laneCenter(2)),
                "Consumer waiting on I/O while it uploads");

        // the same picture as `render` draws from the trace file
        BufferedImage rendered = reference.image();
        int differing = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != rendered.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "pixels that differ from the rendered trace");
    }

    @Test
    void aPictureOfTwoThreadsFillsItsHeightDownToTheCaption() throws Exception {
        Path png = dir.resolve("two.png");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"run", "lesson:target-function", "--png", png.toString()});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        BufferedImage image = ImageIO.read(png.toFile());
        int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
        int lastPainted = -1;
        for (int y = image.getHeight() - 1; y >= 0 && lastPainted < 0; y--) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    lastPainted = y;
                    break;
                }
            }
        }
        // the caption's last line ends the picture: 2 % of the height is its descenders and margin
        assertTrue(lastPainted >= image.getHeight() * 0.97,
                "last painted row " + lastPainted + " of " + image.getHeight());
    }
}
