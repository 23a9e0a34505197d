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
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shared-counter lesson's PNG shows both counters' strips: the lost updates are in the picture. */
class CounterStripPngTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void theLessonsPictureHasAStripPerCounter() throws Exception {
        Path png = dir.resolve("counter.png");
        Path trace = dir.resolve("counter.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"run", "lesson:shared-counter", "--trace", trace.toString(), "--png", png.toString()});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        TraceFile file = new TraceReader().read(trace);
        TraceStore store = new TraceStore();
        file.events().forEach(store::append);
        assertEquals(2, store.counterCount());
        assertEquals("unsafe_total", store.counter(0).name());
        assertEquals(400, store.counter(1).lastValue(), "the locked counter loses nothing");
        assertEquals(400, store.counter(0).writes());

        // run --png carries the lesson's caption, which takes room under the legend: lay out the same
        String caption = new io.threadstage.io.ScenarioLoader().load("lesson:shared-counter").lesson();
        StageLayout layout = PngPicture.render(file.header(), store, 1920, 1080, false, caption.strip()).layout();
        BufferedImage image = ImageIO.read(png.toFile());
        // the safe counter ends at the strips' top value: its area fills the strip's bottom at the end
        int safeStrip = store.queueCount() + 1;
        double bottom = layout.queueTop(safeStrip) + layout.metrics.queueHeight() - 6;
        double x = layout.x(store.endNanos()) - 60;
        assertEquals(color(Ink.COUNTER_FILL), pixel(image, x, bottom - 4), "the safe counter's area");
        assertTrue(store.counter(0).lastValue() <= 400);
    }
}
