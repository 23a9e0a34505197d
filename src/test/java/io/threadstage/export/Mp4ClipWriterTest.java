package io.threadstage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4ClipWriterTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;
    private static final int BACKGROUND = 0xfff6f7f9;
    private static final int BAR = 0xff0072b2;

    @TempDir
    Path folder;

    /** A light frame with a blue bar that grows to the right, as a lane does during a replay. */
    private static int[] frame(int index) {
        int[] pixels = new int[WIDTH * HEIGHT];
        java.util.Arrays.fill(pixels, BACKGROUND);
        for (int y = 24; y < 40; y++) {
            for (int x = 0; x < 2 + index * 2; x++) {
                pixels[y * WIDTH + x] = BAR;
            }
        }
        return pixels;
    }

    @Test
    void everyFrameWrittenDecodesAtItsSizeAndRate() throws Exception {
        Path video = folder.resolve("replay.mp4");
        try (Mp4ClipWriter writer = new Mp4ClipWriter(video, WIDTH, HEIGHT, 30)) {
            for (int i = 0; i < 45; i++) {
                writer.write(frame(i));
            }
            assertEquals(45, writer.frames());
        }
        try (FileChannelWrapper in = NIOUtils.readableChannel(video.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            assertEquals(45, meta.getTotalFrames());
            assertEquals(1.5, meta.getTotalDuration(), 0.001);
            int decoded = 0;
            Picture last = null;
            for (Picture picture = grab.getNativeFrame(); picture != null; picture = grab.getNativeFrame()) {
                last = picture;
                decoded++;
            }
            assertEquals(45, decoded);
            assertEquals(WIDTH, last.getCroppedWidth());
            assertEquals(HEIGHT, last.getCroppedHeight());
            // the last frame's bar reaches x = 89: blue luma inside it, the light background outside
            int inside = last.getPlaneData(0)[32 * last.getWidth() + 40] + 128;
            int outside = last.getPlaneData(0)[8 * last.getWidth() + 40] + 128;
            assertEquals(studioLuma(BAR), inside, 3);
            assertEquals(studioLuma(BACKGROUND), outside, 3);
        }
        assertTrue(Files.size(video) > 0);
    }

    /** BT.709's luma in studio range, as a player reads an HD stream that names no colour matrix. */
    private static int studioLuma(int rgb) {
        double linear = 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff);
        return (int) Math.round(16 + 219 * linear / 255);
    }

    @Test
    void oddSidesAreRefusedBeforeAnyFileIsOpened() {
        Path video = folder.resolve("odd.mp4");
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> new Mp4ClipWriter(video, 1919, 1080, 30));
        assertEquals("a video's sides must be even and positive, got 1919x1080", odd.getMessage());
        assertTrue(Files.notExists(video));
    }

    @Test
    void coloursBecomeStudioRangeBt709() {
        // one 2x2 block of white over black, one of the stage's blue
        int[] pixels = {0xffffffff, 0xffffffff, 0xff0072b2, 0xff0072b2, 0xff000000, 0xff000000, 0xff0072b2, 0xff0072b2};
        byte[] luma = new byte[8];
        byte[] blue = new byte[2];
        byte[] red = new byte[2];
        Mp4ClipWriter.toYuv420(pixels, 4, 2, luma, blue, red);
        assertEquals(java.util.List.of(235, 235, 97, 97, 16, 16, 97, 97), unsigned(luma));
        // grey has no colour; the blue is strongly blue and little red (Cb 168, Cr 75 by the formula)
        assertEquals(java.util.List.of(128, 168), unsigned(blue));
        assertEquals(java.util.List.of(128, 75), unsigned(red));
    }

    private static java.util.List<Integer> unsigned(byte[] samples) {
        java.util.List<Integer> values = new java.util.ArrayList<>();
        for (byte sample : samples) {
            values.add(sample + 128);
        }
        return values;
    }
}
