package io.threadstage.app;

import io.threadstage.io.AtomicFile;
import io.threadstage.io.ChromeTraceWriter;
import io.threadstage.io.TraceWriter;
import io.threadstage.trace.EventCursor;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The command line's one reader of a run: a thread of its own follows the recorder while the
 * run goes on and hands each event, once, to everything that wants it: the program's prints to
 * stdout and its error reports to stderr (the console is a view of the trace; {@link #filesOnly}
 * leaves them to a program that prints by itself), the trace file,
 * the Chrome trace and the store the pictures are drawn from. Nothing waits in a list.
 *
 * <p>Threads: the outputs are chosen and {@link #start}ed, then {@link #awaitEnd finished} and
 * committed, by the thread that runs the command (or its Ctrl-C hook); the reading thread owns
 * the files and the store in between, and {@link #awaitEnd} hands them back.
 */
final class RunReader {

    /** How long the reader sleeps when the recorder has nothing new. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Events taken per read, so the reader lock is let go now and then. */
    private static final int BATCH = 4096;

    private final TraceRecorder recorder;
    private final PrintStream out;
    private final PrintStream err;
    private final Thread thread;
    private AtomicFile traceFile;
    private TraceWriter trace;
    private ChromeTraceWriter.Streaming chrome;
    private IOException chromeFailure;
    private TraceStore store;
    private volatile IOException traceFailure;
    private volatile boolean ended;
    private boolean finished;

    RunReader(TraceRecorder recorder, PrintStream out, PrintStream err) {
        this.recorder = recorder;
        this.out = out;
        this.err = err;
        this.thread = new Thread(this::follow, "threadstage run: reader");
        thread.setDaemon(true);
    }

    /** A reader that writes files only: for a program whose output reaches the terminal by itself. */
    static RunReader filesOnly(TraceRecorder recorder) {
        return new RunReader(recorder, null, null);
    }

    /** Writes the trace to {@code target} as the run goes; refused at once as {@link AtomicFile#create} refuses. */
    void writeTrace(Path target) throws IOException {
        AtomicFile file = AtomicFile.create(target);
        try {
            trace = new TraceWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
            trace.header(recorder.header());
        } catch (IOException | RuntimeException failed) {
            file.close();
            throw failed;
        }
        traceFile = file;
    }

    /**
     * Writes a Chrome trace to {@code target} as the run goes. A refusal is kept for
     * {@link #commitChrome}, so it is reported where a failed Chrome trace always was: after the trace file.
     */
    void writeChrome(Path target) {
        try {
            chrome = ChromeTraceWriter.open(target, recorder.header());
        } catch (IOException failed) {
            chromeFailure = failed;
        }
    }

    /** Fills a store for pictures as the run goes. */
    void fillStore() {
        store = TraceStore.forRun(recorder);
    }

    void start() {
        thread.start();
    }

    /**
     * Keeps the trace file when the process ends: the caller's shutdown hook then commits it, so
     * a run cut short by Ctrl-C keeps what it recorded.
     */
    void keepTraceAtExit() {
        if (traceFile != null) {
            traceFile.finishedAtExit();
        }
    }

    private void follow() {
        long next = 0;
        while (!ended) {
            long before = next;
            next = recorder.read(next, BATCH, this::take);
            if (next != before) {
                flushTrace();
            }
            if (ended) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                // asked to stop: take what is ready, a run cut short
                long last;
                do {
                    last = next;
                    next = recorder.read(next, BATCH, this::take);
                } while (next != last);
                flushTrace();
                break;
            }
            if (next == before) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        if (out != null) {
            out.flush();
            err.flush();
        }
    }

    /** Flushes after every batch, so the trace file can be tailed while the run goes on. */
    private void flushTrace() {
        if (trace != null && traceFailure == null) {
            try {
                trace.flush();
            } catch (IOException failed) {
                traceFailure = AtomicFile.readable(failed);
            }
        }
    }

    /** One event, handed to each output; an output that failed is left out from then on. */
    private void take(EventCursor event) {
        switch (event.kind()) {
            case PRINT -> {
                if (out != null) {
                    out.println(event.text());
                }
            }
            case ERROR_REPORT -> {
                if (err != null) {
                    err.println(event.text());
                }
            }
            case END -> ended = true;
            default -> {
                // the other kinds are for the files and the pictures only
            }
        }
        if (store != null) {
            store.append(event);
        }
        if ((trace == null || traceFailure != null) && chrome == null) {
            return;
        }
        TraceEvent value = event.toEvent();
        if (trace != null && traceFailure == null) {
            try {
                trace.event(value);
            } catch (IOException failed) {
                traceFailure = AtomicFile.readable(failed);
            }
        }
        if (chrome != null) {
            try {
                chrome.accept(value);
            } catch (IOException failed) {
                chromeFailure = AtomicFile.readable(failed);
                chrome.close();
                chrome = null;
            }
        }
    }

    /**
     * Waits up to {@code patience} for the reader to take the {@code end} event, then has it take
     * what is ready and stop. The outputs are the caller's from here on. Idempotent.
     */
    synchronized void awaitEnd(Duration patience) {
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
    }

    /** Moves the trace file into place; a write that failed (a full disk) leaves no file and is thrown here. */
    synchronized void commitTrace() throws IOException {
        if (traceFile == null) {
            return;
        }
        AtomicFile file = traceFile;
        traceFile = null;
        try {
            if (thread.isAlive()) {
                throw new IOException("the trace writer did not stop");
            }
            if (traceFailure != null) {
                throw traceFailure;
            }
            trace.flush();
            file.commit();
        } finally {
            file.close();
        }
    }

    /** Ends the Chrome trace and moves it into place, or throws why it could not be written. */
    synchronized void commitChrome() throws IOException {
        if (chromeFailure != null) {
            throw chromeFailure;
        }
        if (chrome != null) {
            ChromeTraceWriter.Streaming file = chrome;
            chrome = null;
            file.finish();
        }
    }

    /** The store filled from the run ({@link #fillStore}), once {@link #awaitEnd} returned. */
    TraceStore store() {
        return store;
    }

    /** Abandons whatever was not committed. */
    synchronized void close() {
        if (traceFile != null) {
            traceFile.close();
        }
        if (chrome != null) {
            chrome.close();
        }
    }
}
