package io.threadstage.pytrace;

import io.threadstage.trace.EventKind;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs a Python program traced to its end and keeps what it did in a store, for a comparison that
 * needs finished runs (the twin of a scenario's emulated run). The caller's thread waits: never the
 * UI thread. A program still going after {@code timeout} is stopped, so its store ends with
 * {@code stopped}; its output is dropped, as a comparison shows lanes, not a console.
 */
public final class PythonRunToEnd {

    /** Events read from the recorder at a time. */
    private static final int BATCH = 65_536;

    private PythonRunToEnd() {
    }

    /**
     * @throws PythonTraceException when the program cannot be started, or the tracer failed (the
     *     message says why: no python3, one older than 3.8, a broken channel)
     */
    public static TraceStore store(String python, Path program, Duration timeout) throws PythonTraceException {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(program.getFileName().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1.0, true));
        TraceStore store = TraceStore.forRun(recorder);
        PythonTraceSession session = PythonTraceSession.start(new PythonLaunch(python, program, List.of(),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream()), recorder);
        boolean[] ended = {false};
        long next = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!ended[0]) {
                long before = next;
                next = recorder.read(next, BATCH, event -> {
                    store.append(event);
                    ended[0] |= event.kind() == EventKind.END;
                });
                if (next == before && !ended[0]) {
                    if (System.nanoTime() > deadline) {
                        session.stop();
                        deadline = Long.MAX_VALUE;
                    }
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException interrupted) {
            session.stop();
            Thread.currentThread().interrupt();
            throw new PythonTraceException("interrupted while " + program.getFileName() + " ran");
        } catch (RuntimeException failed) {
            session.stop();
            throw failed;
        }
        session.awaitEnd(Duration.ofSeconds(5));
        if (session.failure() != null) {
            throw new PythonTraceException(session.failure());
        }
        return store;
    }
}
