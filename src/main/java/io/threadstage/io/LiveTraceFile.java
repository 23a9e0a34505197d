package io.threadstage.io;

import io.threadstage.trace.TraceRecorder;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A run's trace written to its file while the run records it, so the trace never waits in
 * memory as a list: a thread of its own follows the recorder ({@link TraceWriter#follow}) into an
 * {@link AtomicFile}, which {@link #finish} moves into place once the {@code end} line is
 * written. A run cut short (a timeout the run did not answer, Ctrl-C) is kept up to where it got.
 *
 * <p>Threads: {@link #start} and {@link #finish} from the thread that runs the command; the
 * writing thread owns the file in between.
 */
public final class LiveTraceFile {

    /** How long the writer sleeps when the recorder has nothing new. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final AtomicFile file;
    private final TraceWriter writer;
    private final Thread thread;
    private volatile IOException failure;
    private boolean finished;

    private LiveTraceFile(AtomicFile file, TraceRecorder recorder) throws IOException {
        this.file = file;
        this.writer = new TraceWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
        this.thread = new Thread(() -> follow(recorder), "trace writer " + file.target().getFileName());
        thread.setDaemon(true);
    }

    /** Opens {@code target} (refused as {@link AtomicFile#create} refuses) and starts following {@code recorder}. */
    public static LiveTraceFile start(TraceRecorder recorder, Path target) throws IOException {
        AtomicFile file = AtomicFile.create(target);
        try {
            LiveTraceFile live = new LiveTraceFile(file, recorder);
            live.thread.start();
            return live;
        } catch (IOException | RuntimeException failed) {
            file.close();
            throw failed;
        }
    }

    private void follow(TraceRecorder recorder) {
        try {
            writer.follow(recorder, POLL_NANOS);
        } catch (IOException | RuntimeException failed) {
            failure = failed instanceof IOException io ? AtomicFile.readable(io) : new IOException(failed.toString(), failed);
        }
    }

    /**
     * Waits up to {@code patience} for the writer to write the {@code end} line, then takes what
     * is left and moves the file into place. A write that failed (a full disk) leaves no file
     * and is thrown here. Once only.
     */
    public synchronized void finish(Duration patience) throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            thread.join(Math.max(1, patience.toMillis()));
            if (thread.isAlive()) {
                // no end line is coming in time: write what was recorded, a trace cut short
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
        try {
            if (thread.isAlive()) {
                throw new IOException("the trace writer did not stop");
            }
            if (failure != null) {
                throw failure;
            }
            writer.flush();
            file.commit();
        } finally {
            file.close();
        }
    }

    /**
     * Keeps this trace when the process ends: the caller's shutdown hook then calls
     * {@link #finish}, so a run cut short by Ctrl-C keeps what it recorded.
     */
    public void finishedAtExit() {
        file.finishedAtExit();
    }

    /** Whether the {@code end} line was written. */
    public boolean ended() {
        return writer.ended();
    }
}
