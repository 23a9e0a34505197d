package io.threadstage.ui.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

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

    /** The decoded frames and each one's delay, and whether the file asks to loop forever. */
    record Decoded(List<BufferedImage> frames, List<Integer> delays, boolean loopsForever) {
    }

    static Decoded decode(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            boolean loops = false;
            for (int k = 0; k < count; k++) {
                frames.add(reader.read(k));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(k).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                var apps = root.getElementsByTagName("ApplicationExtension");
                for (int a = 0; a < apps.getLength(); a++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(a);
                    byte[] data = (byte[]) app.getUserObject();
                    if (app.getAttribute("applicationID").equals("NETSCAPE") && data.length == 3 && data[0] == 1
                            && data[1] == 0 && data[2] == 0) {
                        loops = true;
                    }
                }
            }
            reader.dispose();
            return new Decoded(frames, delays, loops);
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        HeadlessFx.start();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    private static String color(Ink ink) {
        javafx.scene.paint.Color c = Palette.defaults().color(ink);
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void tenFramesASecondReplayTheRunThenHoldTheWholeRunTwoSeconds() throws Exception {
        Path gif = dir.resolve("clip.gif");
        ClipPlan plan = StageClip.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        Decoded clip = decode(gif);
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
        StageClip.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        StagePicture.writePng(HEADER, threeSeconds(), png, WIDTH, HEIGHT);
        Decoded clip = decode(gif);
        assertArrayEquals(pixels(ImageIO.read(png.toFile())), pixels(clip.frames().get(clip.frames().size() - 1)));
    }

    @Test
    void anEarlyFrameShowsTheWorkerRunningWhereTheLastShowsItEnded() throws Exception {
        Path gif = dir.resolve("clip.gif");
        StageClip.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
        Decoded clip = decode(gif);
        TraceStore store = new TraceStore();
        threeSeconds().forEach(store::append);
        ClipPlan plan = ClipPlan.of(store.startNanos(), store.endNanos(), 10, 1);
        // frame 15 shows the run up to 1.5 s, the present at the right edge of the plot
        StageLayout early = onFx(() -> {
            ClipFrames frames = new ClipFrames("Clip", store, plan, ClipSettings.of(WIDTH, HEIGHT, 10, 1));
            frames.paint(15);
            StageLayout layout = frames.layout();
            frames.dispose();
            return layout;
        });
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
        StageClip.writeGif(HEADER, threeSeconds(), gif, ClipSettings.of(WIDTH, HEIGHT, 4, 0.5));
        Decoded clip = decode(gif);
        // 25 hundredths a frame at half speed: 125 ms of the run per frame, 24 frames, then the hold
        assertEquals(25, clip.frames().size());
        assertEquals(25, clip.delays().get(0));
        assertEquals(200, clip.delays().get(24));
        assertFalse(Files.exists(dir.resolve("half.gif.part")));
    }
}
