package io.threadstage.bench;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the window's pulse pays to move a run's events from the recorder into the stage's store:
 * one recorder filled once with a run's mix (states, queue puts and gets, lock handoffs, steps,
 * prints) by 8 threads, then drained whole into a fresh store per measurement. Reported per
 * event, so the figure compares with the recorder's own cost per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IngestBench {

    private static final TraceHeader HEADER = new TraceHeader("bench", "2026-11-25T21:00:00Z", 1.0, true);
    private static final int THREADS = 8;

    @Param({"1000000"})
    public int events;

    private TraceRecorder recorder;

    @Setup(Level.Trial)
    public void record() throws InterruptedException {
        recorder = new TraceRecorder(HEADER, TraceRecorder.MAX_CAPACITY);
        RunMix.record(recorder, THREADS, events);
        recorder.ready();
    }

    /** Every event of the recorder into a new store; the time divided by the events is the cost of one. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(1)
    public TraceStore drainIntoStore() {
        TraceStore store = TraceStore.forRun(recorder);
        long next = 0;
        long before;
        do {
            before = next;
            next = RunMix.drainInto(recorder, store, next);
        } while (next != before);
        return store;
    }

    /** A run's mix of events, recorded from several threads at once. */
    static final class RunMix {

        static void record(TraceRecorder recorder, int threads, int events) throws InterruptedException {
            Thread[] writers = new Thread[threads];
            int each = events / threads;
            for (int w = 0; w < threads; w++) {
                int tid = w;
                writers[w] = new Thread(() -> {
                    RunMixWriter.thread(recorder, tid);
                    for (int i = 0; i < each; i++) {
                        switch (i % 8) {
                            case 0 -> recorder.state(tid, ThreadState.RUNNING, Reason.NONE, null);
                            case 1 -> RunMixWriter.step(recorder, tid, i);
                            case 2 -> recorder.lock("lock " + (tid & 1), tid);
                            case 3 -> recorder.lock("lock " + (tid & 1), TraceRecorder.NO_THREAD);
                            case 4 -> RunMixWriter.put(recorder, tid, i);
                            case 5 -> recorder.state(tid, ThreadState.WAITING, Reason.QUEUE_GET, "jobs");
                            case 6 -> RunMixWriter.get(recorder, tid, i);
                            default -> recorder.print(tid, "item " + (i & 15));
                        }
                    }
                });
                writers[w].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }

        static long drainInto(TraceRecorder recorder, TraceStore store, long from) {
            return RunMixWriter.drain(recorder, store, from);
        }
    }
}
