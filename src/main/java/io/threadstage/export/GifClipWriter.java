package io.threadstage.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF that loops forever, frame by frame, with the JDK's own GIF writer: each
 * frame gets its own palette ({@link ClipPalette}) and its delay; the first carries the loop
 * extension, the others only what changed since the one before. Frames are written as they come, so a clip never holds more than one in memory.
 * Owned by the one thread that encodes.
 */
final class GifClipWriter implements AutoCloseable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    /** The last frame written, which the next one paints over; null before the first. */
    private int[] previous;

    GifClipWriter(Path out) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer in this Java runtime");
        }
        writer = writers.next();
        // a file stream of our own: ImageIO.createImageOutputStream prints a stack trace when it cannot open one
        stream = new FileImageOutputStream(out.toFile());
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /**
     * Appends a frame of opaque pixels ({@code argb} row by row, not changed afterwards) shown
     * {@code delayCentis} hundredths of a second. After the first, only the rectangle around
     * what changed is written, its unchanged pixels transparent: a replay mostly grows bars at
     * the right and redraws a few edges, so the clip shrinks several times over.
     */
    void write(int[] argb, int width, int height, int delayCentis) throws IOException {
        ClipPalette.Region region = previous == null ? new ClipPalette.Region(0, 0, width, height)
                : changed(previous, argb, width, height);
        BufferedImage image = ClipPalette.indexed(argb, previous, width, region);
        IndexColorModel colours = (IndexColorModel) image.getColorModel();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode descriptor = new IIOMetadataNode("ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(region.x()));
        descriptor.setAttribute("imageTopPosition", Integer.toString(region.y()));
        descriptor.setAttribute("imageWidth", Integer.toString(region.width()));
        descriptor.setAttribute("imageHeight", Integer.toString(region.height()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(descriptor);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        // each frame stays under the next, which paints only what changed
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        int transparent = colours.getTransparentPixel();
        control.setAttribute("transparentColorFlag", transparent >= 0 ? "TRUE" : "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, transparent)));
        root.appendChild(control);
        root.appendChild(colourTable(colours));
        if (previous == null) {
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            // sub-block 1, then the loop count as little-endian 16 bits: 0 loops forever
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        try {
            metadata.mergeTree(FORMAT, root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("GIF metadata refused: " + e.getMessage(), e);
        }
        writer.writeToSequence(new IIOImage(image, null, metadata), param);
        previous = argb;
    }

    /** The smallest rectangle holding every pixel that differs; a single pixel when none does. */
    static ClipPalette.Region changed(int[] before, int[] after, int width, int height) {
        int top = -1;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (before[row + x] != after[row + x]) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = first;
            for (int x = width - 1; x > first; x--) {
                if (before[row + x] != after[row + x]) {
                    last = x;
                    break;
                }
            }
            if (top < 0) {
                top = y;
            }
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last);
        }
        if (top < 0) {
            return new ClipPalette.Region(0, 0, 1, 1);
        }
        return new ClipPalette.Region(left, top, right - left + 1, bottom - top + 1);
    }

    /** The frame's own palette, named outright: left out, the writer would use a stock palette. */
    private static IIOMetadataNode colourTable(IndexColorModel model) {
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        int size = model.getMapSize();
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(model.getRed(i)));
            entry.setAttribute("green", Integer.toString(model.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(model.getBlue(i)));
            table.appendChild(entry);
        }
        return table;
    }

    @Override
    public void close() throws IOException {
        try {
            if (previous != null) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
            stream.close();
        }
    }
}
