package io.threadstage.ui.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the sample pictures to target/pictures so people can look at them. */
class StagePictureLookTest {

    @Test
    void writesSamplePictures() throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        StagePicture.writePng(SampleTraces.header("Producer and consumer", false), SampleTraces.producerConsumer().events(),
                dir.resolve("producer-consumer.png"), 1920, 1080);
        StagePicture.writePng(SampleTraces.header("join() with a timeout", false), SampleTraces.joinTimeoutLockEvent().events(),
                dir.resolve("join-timeout.png"), 1600, 900);
    }
}
