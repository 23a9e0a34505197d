package io.threadstage.bench;

import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory held per recorded event: used heap after full GCs plus direct (off-heap) buffer memory,
 * with 10 M events recorded, minus the same before, divided by the count, once the reader has merged them all. Printed as {@code bytes/event} in the run's output; the
 * score itself is only the time to record them.
 *
 * <p>{@code mixed}: a lesson-like mix over 100 threads (thread starts, states with the object
 * waited on, queue puts and gets, locks, steps, prints from a vocabulary of 1,000 lines).
 * {@code states}: state events only. {@code distinctPrints}: every event a print of a new text,
 * the worst case, where each text is kept once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class RecorderMemoryBench {

    private static final int EVENTS = 10_000_000;
    private static final TraceHeader HEADER = new TraceHeader("bench", "2026-11-25T21:00:00Z", 1.0, false);

    @Param({"mixed", "states", "distinctPrints"})
    public String mix;

    @Benchmark
    public long bytesPerEvent() {
        long before = usedAfterGc();
        long directBefore = directUsed();
        TraceRecorder recorder = new TraceRecorder(HEADER, EVENTS);
        if (mix.equals("mixed")) {
            recordMixed(recorder);
        } else if (mix.equals("states")) {
            for (int i = 0; i < EVENTS; i++) {
                recorder.state(i % 100, ThreadState.WAITING, Reason.LOCK, "lock a");
            }
        } else {
            for (int i = 0; i < EVENTS; i++) {
                recorder.print(i % 100, "line " + i);
            }
        }
        long ready = recorder.ready();
        long after = usedAfterGc();
        long directAfter = directUsed();
        long held = after - before + directAfter - directBefore;
        System.out.printf("%n%s: %d events, %.1f bytes/event (heap %d -> %d, off-heap %d -> %d bytes), ready %d%n",
                mix, EVENTS, held / (double) EVENTS, before, after, directBefore, directAfter, ready);
        return recorder.recordedCount();
    }

    private static void recordMixed(TraceRecorder recorder) {
        String[] locks = new String[50];
        String[] lines = new String[1000];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = "lock " + i;
        }
        recorder.nameSteps(id -> "$.workers[" + id % 10 + "].steps[" + id / 10 + "]");
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "worker " + i % 100 + " handled item " + i;
        }
        for (int tid = 0; tid < 100; tid++) {
            recorder.thread(tid, "Thread-" + tid, ThreadStyle.TARGET, false, null, null);
            recorder.thread(tid, "Thread-" + tid, ThreadStyle.TARGET, false, 1000L + tid, 2000L + tid);
        }
        int i = 0;
        long recorded = 200;
        for (; recorded + 10 <= EVENTS; recorded += 10) {
            int tid = i % 100;
            recorder.step(tid, i % 100);
            recorder.state(tid, ThreadState.WAITING, Reason.LOCK, locks[i % 50]);
            recorder.lock(locks[i % 50], tid);
            recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
            recorder.queue("q", i % 10, 10, tid, QueueOp.PUT);
            recorder.state(tid, ThreadState.WAITING, Reason.QUEUE_GET, "q");
            recorder.queue("q", i % 10, 10, tid, QueueOp.GET);
            recorder.print(tid, lines[i % 1000]);
            recorder.lock(locks[i % 50], -1);
            recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
            i++;
        }
        for (; recorded < EVENTS; recorded++) {
            recorder.marker("fill");
        }
    }

    private static long directUsed() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
