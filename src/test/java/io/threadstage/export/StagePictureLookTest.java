package io.threadstage.export;

import io.threadstage.picture.SampleTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the sample pictures to target/pictures so people can look at them, at the sizes asked for. */
class StagePictureLookTest {

    @Test
    void writesSamplePictures() throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        PngPicture.writePng(SampleTraces.header("Producer and consumer", false), SampleTraces.producerConsumer().events(),
                dir.resolve("producer-consumer.png"), 1920, 1080);
        PngPicture.writePng(SampleTraces.header("join() with a timeout", false), SampleTraces.joinTimeoutLockEvent().events(),
                dir.resolve("join-timeout.png"), 1600, 900);
        PngPicture.writePng(SampleTraces.header("The GIL takes turns", true), SampleTraces.gilTurns().events(),
                dir.resolve("gil.png"), 1920, 1080);
        io.threadstage.trace.TraceStore store = new io.threadstage.trace.TraceStore();
        SampleTraces.producerConsumer().events().forEach(store::append);
        javax.imageio.ImageIO.write(PngPicture.render(SampleTraces.header("Producer and consumer", false), store,
                1920, 1080, true).image(), "png", dir.resolve("producer-consumer-high-contrast.png").toFile());
        for (String name : new String[] {"producer-consumer", "gil", "producer-consumer-high-contrast"}) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(dir.resolve(name + ".png").toFile());
            org.junit.jupiter.api.Assertions.assertEquals(1920, image.getWidth(), name);
            org.junit.jupiter.api.Assertions.assertEquals(1080, image.getHeight(), name);
        }
        java.awt.image.BufferedImage join = javax.imageio.ImageIO.read(dir.resolve("join-timeout.png").toFile());
        org.junit.jupiter.api.Assertions.assertEquals(1600, join.getWidth());
        org.junit.jupiter.api.Assertions.assertEquals(900, join.getHeight());
    }
}
