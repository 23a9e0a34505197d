package io.threadstage.export;

import static io.threadstage.export.PixelColors.color;
import static io.threadstage.export.PixelColors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known three-second trace made into a GIF: frames, delays, loop, and pixels of early and last frames. */
class GifClipTest {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    @TempDir
    Path dir;

    /** Main runs three seconds; the worker runs from 0.5 s and returns at 2 s. */
    static List<TraceEvent> threeSeconds() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(500).thread(1, "worker", "target", false).running(1)
                .atMs(2000).terminated(1, Reason.RETURNED)
                .atMs(3000).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .events();
    }

    static final TraceHeader HEADER = new TraceHeader("Clip", "2026-11-26T00:00:00Z", 1.0, false);

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void tenFramesASecondReplayTheRunThenHoldTheWholeRunTwoSeconds() throws Exception {
        Path gif = dir.resolve("clip.gif");
        ClipPlan plan = FileClips.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        GifFrames clip = GifFrames.read(gif);
        assertEquals(31, clip.frames().size());
        assertEquals(31, plan.frameCount());
        List<Integer> expected = new ArrayList<>(java.util.Collections.nCopies(30, 10));
        expected.add(200);
        assertEquals(expected, clip.delays());
        assertTrue(clip.loopsForever());
        assertEquals(WIDTH, clip.frames().get(0).getWidth());
        assertEquals(HEIGHT, clip.frames().get(0).getHeight());
        assertEquals(List.of("clip.gif"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theLastFrameIsThePictureOfTheFinishedRun() throws Exception {
        Path gif = dir.resolve("clip.gif");
        Path png = dir.resolve("run.png");
        FileClips.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        PngPicture.writePng(HEADER, threeSeconds(), png, WIDTH, HEIGHT);
        GifFrames clip = GifFrames.read(gif);
        assertArrayEquals(pixels(ImageIO.read(png.toFile())), pixels(clip.frames().get(clip.frames().size() - 1)));
    }

    @Test
    void anEarlyFrameShowsTheWorkerRunningWhereTheLastShowsItEnded() throws Exception {
        Path gif = dir.resolve("clip.gif");
        FileClips.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        GifFrames clip = GifFrames.read(gif);
        TraceStore store = new TraceStore();
        threeSeconds().forEach(store::append);
        ClipPlan plan = ClipPlan.of(store.startNanos(), store.endNanos(), 10, 1);
        // frame 15 shows the run up to 1.5 s, the present at the right edge of the plot
        ClipFrames frames = new ClipFrames("Clip", store, plan, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        frames.paint(15);
        StageLayout early = frames.layout();
        assertEquals(1_500_000_000L, plan.presentOf(15));
        assertEquals(1_500_000_000L, early.endNanos);
        int x = (int) Math.floor(early.x(1_400_000_000L));
        int y = (int) Math.floor(early.laneCenter(1));
        assertEquals(color(Ink.RUNNING), hex(clip.frames().get(15).getRGB(x, y)), "worker running at 1.4 s");
        assertEquals(color(Ink.TERMINATED), hex(clip.frames().get(30).getRGB(x, y)),
                "the same pixel of the whole run is past the worker's end");
        assertNotEquals(color(Ink.TERMINATED), color(Ink.RUNNING));
    }

    @Test
    void slowerReplaysTakeMoreFramesOfTheSameDelay() throws Exception {
        Path gif = dir.resolve("half.gif");
        FileClips.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 4, 0.5));
        GifFrames clip = GifFrames.read(gif);
        // 25 hundredths a frame at half speed: 125 ms of the run per frame, 24 frames, then the hold
        assertEquals(25, clip.frames().size());
        assertEquals(25, clip.delays().get(0));
        assertEquals(200, clip.delays().get(24));
        assertFalse(Files.exists(dir.resolve("half.gif.part")));
    }

    /** The status words of the title bar in a frame built at {@code present}. */
    private static StageFrame.Text status(TraceStore store, long present) {
        StageFrame frame = new StageFrame();
        Viewport viewport = new Viewport();
        viewport.present(store.startNanos(), present);
        new FrameBuilder().build(frame, store, viewport, WIDTH, HEIGHT,
                new StageOptions("Deadlock", true, 0, present, "replay 1\u00d7"));
        return frame.texts().stream().filter(text -> text.text().startsWith("replay")).findFirst().orElseThrow();
    }

    @Test
    void aReplayTellsTheDeadlockOnlyWhenItGetsThere() {
        TraceStore store = new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(100).waiting(0, Reason.LOCK, "a")
                .atMs(900).end(Outcome.DEADLOCK, "MainThread waits for lock a held by MainThread")
                .store();
        StageFrame.Text before = status(store, 500_000_000L);
        assertEquals("replay 1\u00d7  \u00b7  500.000 ms  \u00b7  1 thread", before.text());
        assertEquals(Ink.TEXT_MUTED, before.ink());
        assertFalse(before.bold());
        StageFrame.Text after = status(store, 900_000_000L);
        assertEquals("replay 1\u00d7  \u00b7  deadlock after 900.000 ms  \u00b7  1 thread", after.text());
        assertEquals(Ink.EXCEPTION, after.ink());
        assertTrue(after.bold());
    }
}
