package io.threadstage.bench;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time (not wall time, which swings on a shared machine) of recording 1,000,000 steps, of
 * recording 1,000,000 events of {@link IngestBench}'s mix, and of draining the mix into a store,
 * on the calling thread. {@link #round()} is what {@link BuildsSideBySide} calls in two builds.
 * Usage: {@code java -cp CLASSPATH io.threadstage.bench.RecordingCpuRounds ROUNDS}.
 */
public class RecordingCpuRounds {
    static final TraceHeader HEADER = new TraceHeader("bench", "2026-11-25T21:00:00Z", 1.0, true);
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** One round: CPU ns of 1M steps, of 1M events of the mix, of draining the mix into a store. */
    public static long[] round() {
        int events = 1_000_000;
        TraceRecorder s = new TraceRecorder(HEADER, TraceRecorder.MAX_CAPACITY);
        RunMixWriter.thread(s, 0);
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            RunMixWriter.step(s, i & 7, i);
        }
        long steps = MX.getCurrentThreadCpuTime() - t0;
        TraceRecorder m = new TraceRecorder(HEADER, TraceRecorder.MAX_CAPACITY);
        for (int tid = 0; tid < 8; tid++) {
            RunMixWriter.thread(m, tid);
        }
        t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            int tid = i & 7;
            switch ((i >> 3) % 8) {
                case 0 -> m.state(tid, ThreadState.RUNNING, Reason.NONE, null);
                case 1 -> RunMixWriter.step(m, tid, i);
                case 2 -> m.lock("lock " + (tid & 1), tid);
                case 3 -> m.lock("lock " + (tid & 1), TraceRecorder.NO_THREAD);
                case 4 -> RunMixWriter.put(m, tid, i);
                case 5 -> m.state(tid, ThreadState.WAITING, Reason.QUEUE_GET, "jobs");
                case 6 -> RunMixWriter.get(m, tid, i);
                default -> m.print(tid, "item " + (i & 15));
            }
        }
        long mix = MX.getCurrentThreadCpuTime() - t0;
        m.ready();
        t0 = MX.getCurrentThreadCpuTime();
        TraceStore store = TraceStore.forRun(m);
        long next = 0, before;
        do {
            before = next;
            next = RunMixWriter.drain(m, store, next);
        } while (next != before);
        long drain = MX.getCurrentThreadCpuTime() - t0;
        return new long[] {steps, mix, drain, s.ready() + store.eventCount()};
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long[][] t = new long[3][rounds];
        for (int r = 0; r < rounds; r++) {
            long[] x = round();
            for (int m = 0; m < 3; m++) {
                t[m][r] = x[m];
            }
        }
        System.out.printf("steps %.1f ns/event, mix %.1f ns/event, drain %.1f ns/event (median of the last two thirds of %d rounds)%n",
                median(t[0], rounds) / 1e6, median(t[1], rounds) / 1e6, median(t[2], rounds) / 1e6, rounds);
    }

    static double median(long[] v, int rounds) {
        long[] tail = Arrays.copyOfRange(v, rounds / 3, rounds);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
