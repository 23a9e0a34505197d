package io.threadstage.bench;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one event, ours beside a JDK Flight Recorder custom event's
 * {@code commit()} (no stack trace, recording on), with 1, 2 and 8 threads recording at once.
 * Both sides record the same payload: a thread id, a state and the object waited on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class RecorderBench {

    private static final TraceHeader HEADER = new TraceHeader("bench", "2026-11-25T21:00:00Z", 1.0, false);

    private TraceRecorder recorder;
    private Recording recording;
    private ScheduledExecutorService pulse;

    /** A small tid per benchmark thread, as the runtime hands out. */
    @State(Scope.Thread)
    public static class Writer {
        private static final AtomicInteger NEXT = new AtomicInteger();
        int tid;

        @Setup(Level.Trial)
        public void pickTid() {
            tid = NEXT.getAndIncrement() & 0x3ff;
        }
    }

    @Setup(Level.Trial)
    public void startFlightRecording() {
        recording = new Recording();
        recording.enable(BenchStateEvent.class).withoutStackTrace();
        recording.start();
    }

    @TearDown(Level.Trial)
    public void stopFlightRecording() {
        recording.stop();
        recording.close();
    }

    /**
     * A fresh recorder each iteration (1 s of recording is tens of millions of events), drained
     * every 16 ms by a reader thread, as the UI's pulse does; JFR has its own background thread.
     */
    @Setup(Level.Iteration)
    public void freshRecorder() {
        TraceRecorder fresh = new TraceRecorder(HEADER, TraceRecorder.MAX_CAPACITY);
        recorder = fresh;
        pulse = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread reader = new Thread(r, "pulse");
            reader.setDaemon(true);
            return reader;
        });
        pulse.scheduleAtFixedRate(fresh::ready, 16, 16, TimeUnit.MILLISECONDS);
    }

    @TearDown(Level.Iteration)
    public void dropRecorder() throws InterruptedException {
        pulse.shutdownNow();
        pulse.awaitTermination(10, TimeUnit.SECONDS);
        recorder = null;
        // Frees the last iteration's off-heap columns now, not during a later measurement.
        System.gc();
    }

    @Benchmark
    @Threads(1)
    public void recorder1Thread(Writer writer) {
        recorder.state(writer.tid, ThreadState.WAITING, Reason.LOCK, "lock a");
    }

    @Benchmark
    @Threads(2)
    public void recorder2Threads(Writer writer) {
        recorder.state(writer.tid, ThreadState.WAITING, Reason.LOCK, "lock a");
    }

    @Benchmark
    @Threads(8)
    public void recorder8Threads(Writer writer) {
        recorder.state(writer.tid, ThreadState.WAITING, Reason.LOCK, "lock a");
    }

    @Benchmark
    @Threads(1)
    public void jfrCommit1Thread(Writer writer) {
        commitJfr(writer);
    }

    @Benchmark
    @Threads(2)
    public void jfrCommit2Threads(Writer writer) {
        commitJfr(writer);
    }

    @Benchmark
    @Threads(8)
    public void jfrCommit8Threads(Writer writer) {
        commitJfr(writer);
    }

    private static void commitJfr(Writer writer) {
        BenchStateEvent event = new BenchStateEvent();
        event.tid = writer.tid;
        event.state = "waiting";
        event.on = "lock a";
        event.commit();
    }
}
