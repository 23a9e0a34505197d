package io.threadstage.bench;

import io.threadstage.app.CommandLine;
import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.FileClips;
import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole clip of a recorded lesson, as {@code render --gif} makes it once JavaFX is up: frames
 * painted and snapshotted on the FX thread, encoded on the encoding thread. Prints the frame
 * count, the file's size and the time per frame; the lesson is run once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dprism.order=sw", "-Djava.awt.headless=true"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ClipBench {

    @Param({"producer-consumer", "deadlock"})
    public String lesson;

    @Param({"1280x720"})
    public String size;

    @Param({"1", "0.25"})
    public double speed;

    private TraceFile trace;
    private Path dir;
    private Path gif;
    private ClipSettings settings;
    private ClipPlan plan;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("clip-bench");
        Path file = dir.resolve("run.jsonl");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        new CommandLine(quiet, quiet).run(new String[] {"run", "lesson:" + lesson, "--trace", file.toString()});
        trace = new TraceReader().read(file);
        String[] sides = size.split("x");
        settings = ClipSettings.of(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]), ClipSettings.DEFAULT_FPS, speed);
        gif = dir.resolve("clip.gif");
    }

    @Benchmark
    public ClipPlan clip() throws Exception {
        plan = FileClips.writeGif(trace.header(), trace.events(), gif, settings);
        return plan;
    }

    @TearDown(Level.Trial)
    public void report() throws Exception {
        System.out.printf("%n%s at %s, %sx: %d frames, %,d bytes%n", lesson, size, speed, plan.frameCount(),
                Files.size(gif));
        Files.deleteIfExists(gif);
        Files.deleteIfExists(dir.resolve("run.jsonl"));
        Files.deleteIfExists(dir);
    }
}
