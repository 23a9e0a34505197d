package io.threadstage.export;

import static io.threadstage.trace.TraceBuilder.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slide: caption, stage, code with its thread tags and console in one picture, at 1080p and 4K, headless. */
class SlideExportTest {

    @TempDir
    Path folder;

    private static TraceStore threeThreads() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(5).thread(1, "Left", "target", false).created(1)
                .atMs(6).thread(2, "Right", "target", false).created(2)
                .atMs(10).running(1).running(2)
                .atMs(20).waiting(0, Reason.JOIN, "Left")
                .atMs(60).waiting(1, Reason.SLEEP, null)
                .atMs(90).terminated(1, Reason.RETURNED).terminated(2, Reason.RETURNED).running(0)
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .store();
    }

    private static SlideContent content(TraceStore store) {
        List<String> code = List.of("import threading", "", "def left():", "    time.sleep(0.03)", "",
                "def right():", "    print('right done')", "",
                "left_thread = threading.Thread(target=left, name='Left')  # a long line that has to wrap on the slide",
                "left_thread.start()", "left_thread.join()");
        return new SlideContent("Two threads", "Two threads run side by side; MainThread waits for Left with join().",
                store, code, Map.of(4, List.of(new SlideContent.ThreadMark(1, "Left")),
                        11, List.of(new SlideContent.ThreadMark(0, "MainThread"))),
                List.of(new SlideContent.ConsoleText("right done", false)), false);
    }

    private static int count(BufferedImage image, int x0, int y0, int x1, int y1, int rgb) {
        int found = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    found++;
                }
            }
        }
        return found;
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int found = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int sum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (sum < 200) {
                    found++;
                }
            }
        }
        return found;
    }

    @Test
    void aSlideHasCaptionStageCodeAndConsoleAt1080p() throws Exception {
        Path out = folder.resolve("slide.png");
        SlidePicture.Rendered rendered = SlidePicture.writePng(content(threeThreads()), SlidePicture.Size.HD, out);
        BufferedImage image = javax.imageio.ImageIO.read(out.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        SlidePicture.Placement at = rendered.placement();
        int captionBottom = (int) at.captionBottom();
        int stageRight = (int) at.stageRight();
        int consoleTop = (int) at.consoleTop();
        assertTrue(captionBottom > 40, "a caption band");
        assertTrue(darkPixels(image, 0, 0, 1920, captionBottom) > 500, "the caption's words");
        assertTrue(darkPixels(image, stageRight + 4, captionBottom, 1920, consoleTop) > 1000, "the code's text");
        assertTrue(count(image, stageRight, captionBottom, 1920, consoleTop, 0x0072B2) > 50, "MainThread's tag");
        assertTrue(count(image, stageRight, captionBottom, 1920, consoleTop, 0xB8420B) > 50, "Left's tag");
        assertTrue(darkPixels(image, 0, consoleTop, 1920, 1080) > 100, "the console's line");
        StageColours colours = StageColours.defaults();
        int running = colours.rgb(Ink.RUNNING) & 0xFFFFFF;
        StageLayout stage = at.stage();
        for (int lane = 0; lane < 3; lane++) {
            int top = captionBottom + (int) stage.laneTop(lane);
            assertTrue(count(image, 0, top, stageRight, top + (int) stage.laneHeight, running) > 100, "lane " + lane);
        }
    }

    @Test
    void aTwoOrThreeThreadStageFillsTheSlidesHeight() {
        SlidePicture.Rendered rendered = SlidePicture.render(content(threeThreads()), SlidePicture.Size.HD);
        SlidePicture.Placement at = rendered.placement();
        StageLayout stage = at.stage();
        double stageHeight = at.consoleTop() - at.captionBottom();
        double lanes = stage.laneTop(2) + stage.laneHeight - stage.laneTop(0);
        double empty = stageHeight - (stage.legendTop + 60);
        assertTrue(lanes > stageHeight * 0.45, "lanes take " + lanes + " of " + stageHeight);
        assertTrue(empty < stageHeight * 0.2, "left empty under the legend: " + empty + " of " + stageHeight);
    }

    @Test
    void a4kSlideIsTheSameSlideSharper() {
        BufferedImage hd = SlidePicture.render(content(threeThreads()), SlidePicture.Size.HD).image();
        BufferedImage uhd = SlidePicture.render(content(threeThreads()), SlidePicture.Size.UHD).image();
        assertEquals(3840, uhd.getWidth());
        assertEquals(2160, uhd.getHeight());
        // the tag and the running bars in the same places, twice as far from the corner
        int tagged = count(hd, 1270, 0, 1920, 1080, 0x0072B2);
        int taggedUhd = count(uhd, 2540, 0, 3840, 2160, 0x0072B2);
        assertTrue(taggedUhd > 3 * tagged, tagged + " at 1080p, " + taggedUhd + " at 4K");
    }
}
