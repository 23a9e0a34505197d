package io.threadstage.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * A GIF decoded with the JDK's reader as a viewer shows it: each frame painted over the ones
 * before (every frame of a clip keeps what it does not paint), each frame's delay, and whether
 * the file asks to loop forever.
 */
public record GifFrames(List<BufferedImage> frames, List<Integer> delays, boolean loopsForever) {

    public static GifFrames read(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            BufferedImage shown = new BufferedImage(Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")), BufferedImage.TYPE_INT_RGB);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            boolean loops = false;
            for (int k = 0; k < count; k++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(k).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                IIOMetadataNode place = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                if (k > 0 && !control.getAttribute("disposalMethod").equals("doNotDispose")) {
                    throw new AssertionError("frame " + k + " disposes: " + control.getAttribute("disposalMethod"));
                }
                var g = shown.createGraphics();
                g.drawImage(reader.read(k), Integer.parseInt(place.getAttribute("imageLeftPosition")),
                        Integer.parseInt(place.getAttribute("imageTopPosition")), null);
                g.dispose();
                BufferedImage copy = new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.setData(shown.getData());
                frames.add(copy);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                NodeList apps = root.getElementsByTagName("ApplicationExtension");
                for (int a = 0; a < apps.getLength(); a++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(a);
                    byte[] data = (byte[]) app.getUserObject();
                    // NETSCAPE2.0, sub-block 1, loop count 0: forever
                    loops |= app.getAttribute("applicationID").equals("NETSCAPE")
                            && app.getAttribute("authenticationCode").equals("2.0")
                            && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0;
                }
            }
            return new GifFrames(frames, delays, loops);
        } finally {
            reader.dispose();
        }
    }

    /** Every pixel of frame {@code k}, row by row. */
    public int[] pixels(int k) {
        BufferedImage image = frames.get(k);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    public int last() {
        return frames.size() - 1;
    }
}
