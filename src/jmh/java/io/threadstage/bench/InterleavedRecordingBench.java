package io.threadstage.bench;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * A companion to {@link RecorderBench} for a shared, busy machine: the same six cases, but run
 * in short alternating rounds (ours, JFR, ours, JFR ...), so both sides see the same background
 * load and their ratio means something even when the absolute figures wander. Prints the median
 * over rounds of the time per event per thread and of the total throughput. Our recorder is
 * drained every 16 ms by a reader thread, as the UI's pulse does.
 *
 * <p>Run after {@code mvn -B -q -Pbench test-compile}:
 * {@code java -cp target/classes:target/test-classes io.threadstage.bench.InterleavedRecordingBench [rounds] [ms per round]}.
 */
public final class InterleavedRecordingBench {

    private static final TraceHeader HEADER = new TraceHeader("bench", "2026-11-25T21:00:00Z", 1.0, false);

    private InterleavedRecordingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long roundMillis = args.length > 1 ? Long.parseLong(args[1]) : 300;
        try (Recording recording = new Recording()) {
            recording.enable(BenchStateEvent.class).withoutStackTrace();
            recording.start();
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int threads : new int[] {1, 2, 8}) {
                results.put("recorder " + threads, new ArrayList<>());
                results.put("jfr      " + threads, new ArrayList<>());
            }
            for (int warm = 0; warm < 3; warm++) {
                for (int threads : new int[] {1, 2, 8}) {
                    round(threads, true, roundMillis);
                    round(threads, false, roundMillis);
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (int threads : new int[] {1, 2, 8}) {
                    results.get("recorder " + threads).add(round(threads, true, roundMillis));
                    results.get("jfr      " + threads).add(round(threads, false, roundMillis));
                }
            }
            recording.stop();
            System.out.printf("%-12s %14s %14s   (median of %d rounds of %d ms)%n", "case", "ns/event", "events/us",
                    rounds, roundMillis);
            for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
                System.out.printf("%-12s %14.1f %14.2f%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1));
            }
            for (int threads : new int[] {1, 2, 8}) {
                System.out.printf("ratio ours/JFR, %d thread(s): %.2f (per-round ratios, median)%n", threads,
                        medianRatio(results.get("recorder " + threads), results.get("jfr      " + threads)));
            }
        }
    }

    /** One round: {@code threads} threads record as fast as they can for {@code millis}. */
    private static double[] round(int threads, boolean ours, long millis) throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER, TraceRecorder.MAX_CAPACITY);
        AtomicBoolean stop = new AtomicBoolean();
        Thread pulse = new Thread(() -> {
            while (!stop.get()) {
                recorder.ready();
                LockSupport.parkNanos(16_000_000L);
            }
        }, "pulse");
        pulse.setDaemon(true);
        LongAdder ops = new LongAdder();
        LongAdder busyNanos = new LongAdder();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int tid = i;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                long count = 0;
                long began = System.nanoTime();
                while (!stop.get()) {
                    for (int k = 0; k < 1000; k++) {
                        if (ours) {
                            recorder.state(tid, ThreadState.WAITING, Reason.LOCK, "lock a");
                        } else {
                            BenchStateEvent event = new BenchStateEvent();
                            event.tid = tid;
                            event.state = "waiting";
                            event.on = "lock a";
                            event.commit();
                        }
                    }
                    count += 1000;
                }
                busyNanos.add(System.nanoTime() - began);
                ops.add(count);
            });
            worker.start();
            workers.add(worker);
        }
        start.await();
        if (ours && !Boolean.getBoolean("bench.noPulse")) {
            pulse.start();
        }
        long began = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(millis);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - began;
        double perEventPerThread = busyNanos.sum() / (double) ops.sum();
        double perMicro = ops.sum() / (wall / 1000.0);
        return new double[] {perEventPerThread, perMicro};
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double medianRatio(List<double[]> ours, List<double[]> jfr) {
        double[] ratios = new double[ours.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = ours.get(i)[0] / jfr.get(i)[0];
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }
}
