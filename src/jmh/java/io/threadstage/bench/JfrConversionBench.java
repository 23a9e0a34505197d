package io.threadstage.bench;

import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.FlightSettings;
import io.threadstage.jfr.JavaRecording;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast a big recording becomes lanes, and what it costs per event. Records {@link Busy} (four
 * threads taking turns on a monitor and parking inside it, so every turn is a park and a
 * contended enter) in a child JVM with our settings, then converts it three times as
 * {@code render} and {@code convert} do: reading the recording into the sorted state changes,
 * then saying the trace into a stage's store and into a trace writer (to nowhere). Prints the
 * recording's events per second of conversion and the bytes kept per event.
 *
 * <pre>
 * mvn -B -o -q -Pbench test-compile
 * java -cp "$(cat cp.txt):target/classes:target/test-classes" io.threadstage.bench.JfrConversionBench [SECONDS]
 * </pre>
 */
public final class JfrConversionBench {

    private JfrConversionBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path folder = Files.createTempDirectory("threadstage-jfr-bench");
        Path recording = folder.resolve("busy.jfr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(FlightSettings.jvmOptions(recording, FlightSettings.writeTemporary()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Busy.class.getName(),
                String.valueOf(seconds)));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(seconds + 120L, TimeUnit.SECONDS) || child.exitValue() != 0) {
            throw new IllegalStateException("the busy program failed");
        }
        System.out.printf(Locale.ROOT, "recording: %,d bytes, %d s of 4 busy threads%n", Files.size(recording), seconds);
        for (int round = 1; round <= 3; round++) {
            System.gc();
            long start = System.nanoTime();
            JavaRecording read = JavaRecording.read(recording, false);
            long readNanos = System.nanoTime() - start;
            TraceStore store = new TraceStore();
            read.replay(store::append);
            long storeNanos = System.nanoTime() - start - readNanos;
            long written = 0;
            try (TraceWriter writer = new TraceWriter(Writer.nullWriter())) {
                for (TraceEvent event : read.events()) {
                    writer.event(event);
                    written++;
                }
            }
            long writeNanos = System.nanoTime() - start - readNanos - storeNanos;
            long events = read.recordingEventCount();
            System.out.printf(Locale.ROOT, "round %d: %,d recording events -> %,d state changes -> %,d trace events;"
                            + " read+sort %.0f ms (%,.0f recording events/s), into the store %.0f ms, written %.0f ms;"
                            + " overall %,.0f recording events/s; kept %.1f bytes per state change, %.1f bytes per"
                            + " recording event; store %.1f bytes per trace event; file %.1f bytes per recording event%n",
                    round, events, read.transitionCount(), written, readNanos / 1e6, events / (readNanos / 1e9),
                    storeNanos / 1e6, writeNanos / 1e6, events / ((readNanos + storeNanos + writeNanos) / 1e9),
                    (double) read.memoryBytes() / read.transitionCount(), (double) read.memoryBytes() / events,
                    (double) store.memoryBytes() / written, (double) Files.size(recording) / events);
        }
        Files.deleteIfExists(recording);
        Files.deleteIfExists(folder);
    }

    /** The program recorded: four threads take turns on one monitor, parking 20 us inside it, for N seconds. */
    public static final class Busy {

        private static final Object MONITOR = new Object();

        private Busy() {
        }

        public static void main(String[] args) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
            List<Thread> threads = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        synchronized (MONITOR) {
                            LockSupport.parkNanos(20_000);
                        }
                    }
                }, "Busy-" + i);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
