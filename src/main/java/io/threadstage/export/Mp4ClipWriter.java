package io.threadstage.export;

import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.transcode.PixelStore;
import org.jcodec.api.transcode.Sink;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.api.transcode.VideoFrameWithPacket;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;

/**
 * Writes an H.264 video in an MP4 file, frame by frame, at a constant rate: a replay drawn frame
 * by frame drops nothing, which a screen recording of the window cannot promise. Frames are
 * opaque ARGB pixels of one size, both sides even (H.264 keeps colour per 2x2 block). Each is
 * encoded as it comes, so a video never holds more than one frame in memory. Owned by the one
 * thread that encodes.
 *
 * <p>The colours are converted here, to studio-range BT.709: what a player assumes of an HD
 * stream that does not say (the library's own RGB conversion darkens white to 233 of 255).
 */
public final class Mp4ClipWriter implements AutoCloseable {

    private final FileChannelWrapper channel;
    private final Sink sink;
    private final int width;
    private final int height;
    private final int framesPerSecond;
    /** Reused for every frame: the encoder is done with it when it returns. */
    private final Picture picture;
    private int frames;

    /** Opens {@code out} (a part file: the caller moves it over the target once closed). */
    public Mp4ClipWriter(Path out, int width, int height, int framesPerSecond) throws IOException {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("a video's sides must be even and positive, got " + width + "x" + height);
        }
        if (framesPerSecond < 1 || framesPerSecond > 120) {
            throw new IllegalArgumentException("frames a second must be 1 to 120, got " + framesPerSecond);
        }
        this.width = width;
        this.height = height;
        this.framesPerSecond = framesPerSecond;
        channel = NIOUtils.writableChannel(out.toFile());
        try {
            sink = SinkImpl.createWithStream(channel, Format.MOV, Codec.H264, null);
            sink.init();
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
        picture = Picture.create(width, height, ColorSpace.YUV420J);
    }

    /** Appends one frame of {@code argb} pixels, row by row, of the writer's size. */
    public void write(int[] argb) throws IOException {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("a frame of " + argb.length + " pixels for a " + width + "x" + height + " video");
        }
        toYuv420(argb, width, height, picture.getPlaneData(0), picture.getPlaneData(1), picture.getPlaneData(2));
        // time in frames: the track's time scale is the frame rate, each frame lasts one unit
        Packet packet = Packet.createPacket(null, frames, framesPerSecond, 1, frames, Packet.FrameType.KEY, null);
        sink.outputVideoFrame(new VideoFrameWithPacket(packet, new PixelStore.LoanerPicture(picture, 0)));
        frames++;
    }

    /** How many frames were written so far. */
    public int frames() {
        return frames;
    }

    /**
     * Studio-range BT.709 in fixed point (Y 16-235, Cb and Cr 16-240), chroma from the mean of
     * each 2x2 block. The encoder keeps samples as signed bytes: the value minus 128.
     */
    static void toYuv420(int[] argb, int width, int height, byte[] luma, byte[] blue, byte[] red) {
        int half = width / 2;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int sumRed = 0;
                int sumGreen = 0;
                int sumBlue = 0;
                for (int dy = 0; dy < 2; dy++) {
                    int row = (y + dy) * width;
                    for (int dx = 0; dx < 2; dx++) {
                        int pixel = argb[row + x + dx];
                        int r = pixel >> 16 & 0xff;
                        int g = pixel >> 8 & 0xff;
                        int b = pixel & 0xff;
                        // 219/255 of (0.2126, 0.7152, 0.0722), times 2^16
                        luma[row + x + dx] = (byte) (16 + ((11_966 * r + 40_254 * g + 4_064 * b + 32_768) >> 16) - 128);
                        sumRed += r;
                        sumGreen += g;
                        sumBlue += b;
                    }
                }
                int chroma = y / 2 * half + x / 2;
                // 224/255 of (-0.1146, -0.3854, 0.5) and (0.5, -0.4542, -0.0458), times 2^16, over four pixels
                blue[chroma] = (byte) (((-6_597 * sumRed - 22_189 * sumGreen + 28_786 * sumBlue + 131_072) >> 18));
                red[chroma] = (byte) (((28_786 * sumRed - 26_149 * sumGreen - 2_637 * sumBlue + 131_072) >> 18));
            }
        }
    }

    /** Writes the MP4's index (without it players cannot start), then closes the file. */
    @Override
    public void close() throws IOException {
        try {
            sink.finish();
        } finally {
            channel.close();
        }
    }
}
