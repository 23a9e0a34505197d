package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceWriter;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --mp4}: a video of the run, every frame drawn from the trace, decodable, at the asked size and rate. */
class VideoExportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int command(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Main runs for 3 s; a worker runs from 0.5 s to 2 s. */
    private Path trace() throws Exception {
        Path file = dir.resolve("run.jsonl");
        TraceWriter.write(file, new TraceHeader("Video", "2026-11-26T00:00:00Z", 1.0, false),
                new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0)
                        .atMs(500).thread(1, "worker", "target", false).running(1)
                        .atMs(2000).terminated(1, Reason.RETURNED)
                        .atMs(3000).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                        .events());
        return file;
    }

    @Test
    void aVideoHasAFrameForEveryTenthOfASecondThenHoldsTheWholeRunForTwoSeconds() throws Exception {
        Path video = dir.resolve("lesson.mp4");
        assertEquals(0, command("render", trace().toString(), "--mp4", video.toString(), "--width", "640",
                "--height", "360", "--fps", "10"), errors());
        assertEquals("", errors());
        try (FileChannelWrapper in = NIOUtils.readableChannel(video.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            // 3 s replayed at 10 frames a second, then 2 s of the finished run
            assertEquals(30 + 20, meta.getTotalFrames());
            assertEquals(5.0, meta.getTotalDuration(), 0.001);
            Picture first = grab.getNativeFrame();
            assertEquals(640, first.getCroppedWidth());
            assertEquals(360, first.getCroppedHeight());
            int decoded = 1;
            while (grab.getNativeFrame() != null) {
                decoded++;
            }
            assertEquals(50, decoded);
        }
        assertEquals(List.of("lesson.mp4", "run.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void aVideoTakesSixtyFramesASecondWhereAGifStopsAtFifty() throws Exception {
        String trace = trace().toString();
        assertEquals(2, command("render", trace, "--gif", dir.resolve("o.gif").toString(), "--fps", "60"));
        assertEquals("render: --fps must be a whole number of frames a second from 1 to 50, not 60\n", errors());
        err.reset();
        Path video = dir.resolve("smooth.mp4");
        assertEquals(0, command("render", trace, "--mp4", video.toString(), "--width", "320", "--height", "200",
                "--fps", "60"), errors());
        try (FileChannelWrapper in = NIOUtils.readableChannel(video.toFile())) {
            assertEquals(180 + 120, FrameGrab.createFrameGrab(in).getVideoTrack().getMeta().getTotalFrames());
        }
    }

    @Test
    void oddSidesAndMissingFoldersAreRefusedBeforeAnythingIsDrawn() throws Exception {
        String trace = trace().toString();
        assertEquals(2, command("render", trace, "--mp4", dir.resolve("o.mp4").toString(), "--width", "641",
                "--height", "360"));
        assertEquals("render: a video's --width must be even (H.264 keeps colour per 2x2 block), not 641\n", errors());
        err.reset();
        assertEquals(2, command("render", trace, "--mp4", dir.resolve("missing/o.mp4").toString()));
        assertEquals(dir.resolve("missing/o.mp4") + ": cannot write: no such directory " + dir.resolve("missing") + "\n",
                errors());
        err.reset();
        assertEquals(2, command("render", trace, "--mp4", trace));
        assertTrue(errors().contains("run.jsonl"), errors());
        assertEquals(List.of("run.jsonl"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }
}
