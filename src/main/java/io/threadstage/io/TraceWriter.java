package io.threadstage.io;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceSink;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a trace as JSON Lines ({@code threadstage-trace/1}): the header line, then one line per
 * event with its keys in a fixed order ({@code seq}, {@code t}, {@code ev}, then {@code tid} and
 * {@code thread} where the event belongs to a thread, then the event's own keys; see
 * docs/trace-format-extensions.md). Either a finished run ({@link #write(Path, TraceHeader, Iterable)})
 * or live, following a recorder while the run goes on ({@link #follow(TraceRecorder, long)}, which
 * {@link LiveTraceFile} does into an {@link AtomicFile}).
 *
 * <p>Owned by one thread (the file writer's); the recorder it follows is read without blocking
 * the run's threads.
 */
public final class TraceWriter implements Closeable, Flushable {

    private static final int DRAIN_BATCH = 4096;

    private final Writer out;
    private final JsonLineBuffer json;
    private boolean ended;

    public TraceWriter(Writer out) throws IOException {
        this.out = out;
        this.json = new JsonLineBuffer(out);
    }

    /** Writes a finished trace to {@code file} atomically ({@link AtomicFile}): the old file or the whole new one. */
    public static void write(Path file, TraceHeader header, Iterable<? extends TraceEvent> events) throws IOException {
        AtomicFile.write(file, out -> {
            try (TraceWriter writer = new TraceWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                writer.header(header);
                for (TraceEvent event : events) {
                    writer.event(event);
                }
            }
        });
    }

    /**
     * Writes the recorder's header, then its events as they become ready, until the {@code end}
     * event is written or this thread is interrupted (then whatever is ready is written and the
     * interrupt flag stays set). Flushes after every batch, so the file can be tailed.
     *
     * @param pollNanos pause between drains when nothing was ready
     */
    public void follow(TraceRecorder recorder, long pollNanos) throws IOException {
        header(recorder.header());
        long next = 0;
        while (!ended) {
            long before = next;
            next = pump(recorder, next);
            if (ended) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                pump(recorder, next);
                break;
            }
            if (next == before) {
                LockSupport.parkNanos(pollNanos);
            }
        }
        flush();
    }

    /**
     * Writes every event ready in {@code recorder} from {@code fromSeq} on; returns the next seq.
     * Takes the events in batches and writes them after each drain returns, so the file's I/O
     * never holds the recorder's reader lock (the UI may be draining too).
     */
    public long pump(TraceRecorder recorder, long fromSeq) throws IOException {
        List<TraceEvent> batch = new ArrayList<>(DRAIN_BATCH);
        long next = fromSeq;
        while (true) {
            batch.clear();
            long before = next;
            next = recorder.drain(next, DRAIN_BATCH, batch::add);
            for (TraceEvent event : batch) {
                event(event);
            }
            if (next == before) {
                break;
            }
        }
        flush();
        return next;
    }

    /** True once an {@code end} event was written. */
    public boolean ended() {
        return ended;
    }

    public void header(TraceHeader header) throws IOException {
        json.beginObject();
        json.string("format", TraceHeader.FORMAT);
        json.string("title", header.title());
        json.string("started", header.started());
        json.number("speed", header.speed());
        json.bool("gil", header.gil());
        // extension: the interpreter in words, so a free-threaded trace says what it stands for
        json.string("interpreter", header.interpreter());
        json.endLine();
    }

    public void event(TraceEvent event) throws IOException {
        json.beginObject();
        json.number("seq", event.seq());
        json.number("t", event.t());
        json.string("ev", event.ev());
        if (event instanceof TraceEvent.ThreadInfo e) {
            thread(e.tid(), e.thread());
            json.string("style", e.style());
            json.bool("daemon", e.daemon());
            nullableLong("ident", e.ident());
            nullableLong("native_id", e.nativeId());
        } else if (event instanceof TraceEvent.State e) {
            thread(e.tid(), e.thread());
            json.string("state", e.state().json());
            if (e.reason() != null && e.reason() != Reason.NONE) {
                json.string("reason", e.reason().json());
            }
            if (e.on() != null) {
                json.string("on", e.on());
            }
        } else if (event instanceof TraceEvent.QueueDepth e) {
            if (e.tid() != TraceSink.NO_THREAD) {
                thread(e.tid(), e.thread());
            }
            json.string("on", e.on());
            json.number("depth", e.depth());
            json.number("maxsize", e.maxsize());
            if (e.op() != null) {
                json.string("op", e.op());
            }
        } else if (event instanceof TraceEvent.Join e) {
            thread(e.tid(), e.thread());
            json.number("target", e.target());
            json.string("phase", e.begin() ? "begin" : "end");
            json.bool("timed_out", e.timedOut());
        } else if (event instanceof TraceEvent.LockOwner e) {
            json.string("on", e.on());
            tidOrNull("owner", e.owner());
        } else if (event instanceof TraceEvent.Signal e) {
            thread(e.tid(), e.thread());
            json.string("on", e.on());
            json.bool("set", e.set());
        } else if (event instanceof TraceEvent.Gil e) {
            tidOrNull("owner", e.owner());
        } else if (event instanceof TraceEvent.StepBegin e) {
            thread(e.tid(), e.thread());
            json.string("path", e.path());
        } else if (event instanceof TraceEvent.Print e) {
            thread(e.tid(), e.thread());
            json.string("text", e.text());
        } else if (event instanceof TraceEvent.ExceptionRaised e) {
            thread(e.tid(), e.thread());
            json.string("type", e.type());
            json.string("message", e.message());
            json.bool("caught", e.caught());
        } else if (event instanceof TraceEvent.Marker e) {
            json.string("text", e.text());
        } else if (event instanceof TraceEvent.End e) {
            json.string("outcome", e.outcome().json());
            json.string("message", e.message());
            ended = true;
        } else {
            throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
        }
        json.endLine();
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            json.flush();
        } finally {
            out.close();
        }
    }

    private void thread(int tid, String name) throws IOException {
        json.number("tid", tid);
        json.string("thread", name);
    }

    private void tidOrNull(String key, int tid) throws IOException {
        if (tid == TraceSink.NO_THREAD) {
            json.nullField(key);
        } else {
            json.number(key, tid);
        }
    }

    private void nullableLong(String key, Long value) throws IOException {
        if (value == null) {
            json.nullField(key);
        } else {
            json.number(key, value);
        }
    }

}
