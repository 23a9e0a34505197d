package io.threadstage.ui.stage;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF that loops forever, frame by frame, with the JDK's own GIF writer: each
 * frame gets its own palette ({@link ClipPalette}) and its delay; the first carries the loop
 * extension. Frames are written as they come, so a clip never holds more than one in memory.
 * Owned by the one thread that encodes.
 */
final class GifClipWriter implements AutoCloseable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private boolean first = true;

    GifClipWriter(Path out) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer in this Java runtime");
        }
        writer = writers.next();
        Files.deleteIfExists(out);
        stream = ImageIO.createImageOutputStream(out.toFile());
        if (stream == null) {
            throw new IOException("cannot open " + out + " for writing");
        }
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** Appends a frame of opaque pixels ({@code argb} row by row) shown {@code delayCentis} hundredths of a second. */
    void write(int[] argb, int width, int height, int delayCentis) throws IOException {
        BufferedImage image = ClipPalette.indexed(argb, width, height);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        root.appendChild(colourTable((IndexColorModel) image.getColorModel()));
        if (first) {
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
        first = false;
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
            if (!first) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
            stream.close();
        }
    }
}
