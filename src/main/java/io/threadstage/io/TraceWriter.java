package io.threadstage.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceSink;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a trace as JSON Lines ({@code threadstage-trace/1}): the header line, then one line per
 * event with its keys in a fixed order ({@code seq}, {@code t}, {@code ev}, then {@code tid} and
 * {@code thread} where the event belongs to a thread, then the event's own keys; see
 * docs/trace-format-extensions.md). Either a finished list ({@link #write(Path, TraceHeader, List)})
 * or live, following a recorder while the run goes on ({@link #follow(TraceRecorder, long)}).
 *
 * <p>Owned by one thread (the file writer's); the recorder it follows is read without blocking
 * the run's threads.
 */
public final class TraceWriter implements Closeable, Flushable {

    private static final int DRAIN_BATCH = 4096;
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final JsonGenerator json;
    private boolean ended;

    public TraceWriter(Writer out) throws IOException {
        this.out = out;
        this.json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes a finished trace to {@code file} atomically: a sibling temp file, then a move. */
    public static void write(Path file, TraceHeader header, List<? extends TraceEvent> events) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (TraceWriter writer = new TraceWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                writer.header(header);
                for (TraceEvent event : events) {
                    writer.event(event);
                }
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Opens {@code file} (replacing it) for a live trace; the caller closes it. */
    public static TraceWriter open(Path file) throws IOException {
        return new TraceWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
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
        json.writeStartObject();
        json.writeStringField("format", TraceHeader.FORMAT);
        json.writeStringField("title", header.title());
        json.writeStringField("started", header.started());
        json.writeNumberField("speed", header.speed());
        json.writeBooleanField("gil", header.gil());
        // extension: the interpreter in words, so a free-threaded trace says what it stands for
        json.writeStringField("interpreter", header.interpreter());
        json.writeEndObject();
        endLine();
    }

    public void event(TraceEvent event) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", event.seq());
        json.writeNumberField("t", event.t());
        json.writeStringField("ev", event.ev());
        if (event instanceof TraceEvent.ThreadInfo e) {
            thread(e.tid(), e.thread());
            json.writeStringField("style", e.style());
            json.writeBooleanField("daemon", e.daemon());
            nullableLong("ident", e.ident());
            nullableLong("native_id", e.nativeId());
        } else if (event instanceof TraceEvent.State e) {
            thread(e.tid(), e.thread());
            json.writeStringField("state", e.state().json());
            if (e.reason() != null && e.reason() != Reason.NONE) {
                json.writeStringField("reason", e.reason().json());
            }
            if (e.on() != null) {
                json.writeStringField("on", e.on());
            }
        } else if (event instanceof TraceEvent.QueueDepth e) {
            if (e.tid() != TraceSink.NO_THREAD) {
                thread(e.tid(), e.thread());
            }
            json.writeStringField("on", e.on());
            json.writeNumberField("depth", e.depth());
            json.writeNumberField("maxsize", e.maxsize());
            if (e.op() != null) {
                json.writeStringField("op", e.op());
            }
        } else if (event instanceof TraceEvent.Join e) {
            thread(e.tid(), e.thread());
            json.writeNumberField("target", e.target());
            json.writeStringField("phase", e.begin() ? "begin" : "end");
            json.writeBooleanField("timed_out", e.timedOut());
        } else if (event instanceof TraceEvent.LockOwner e) {
            json.writeStringField("on", e.on());
            tidOrNull("owner", e.owner());
        } else if (event instanceof TraceEvent.Signal e) {
            thread(e.tid(), e.thread());
            json.writeStringField("on", e.on());
            json.writeBooleanField("set", e.set());
        } else if (event instanceof TraceEvent.Gil e) {
            tidOrNull("owner", e.owner());
        } else if (event instanceof TraceEvent.StepBegin e) {
            thread(e.tid(), e.thread());
            json.writeStringField("path", e.path());
        } else if (event instanceof TraceEvent.Print e) {
            thread(e.tid(), e.thread());
            json.writeStringField("text", e.text());
        } else if (event instanceof TraceEvent.ExceptionRaised e) {
            thread(e.tid(), e.thread());
            json.writeStringField("type", e.type());
            json.writeStringField("message", e.message());
            json.writeBooleanField("caught", e.caught());
        } else if (event instanceof TraceEvent.Marker e) {
            json.writeStringField("text", e.text());
        } else if (event instanceof TraceEvent.End e) {
            json.writeStringField("outcome", e.outcome().json());
            json.writeStringField("message", e.message());
            ended = true;
        } else {
            throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
        }
        json.writeEndObject();
        endLine();
    }

    @Override
    public void flush() throws IOException {
        json.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            json.close();
        } finally {
            out.close();
        }
    }

    private void thread(int tid, String name) throws IOException {
        json.writeNumberField("tid", tid);
        json.writeStringField("thread", name);
    }

    private void tidOrNull(String key, int tid) throws IOException {
        if (tid == TraceSink.NO_THREAD) {
            json.writeNullField(key);
        } else {
            json.writeNumberField(key, tid);
        }
    }

    private void nullableLong(String key, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(key);
        } else {
            json.writeNumberField(key, value);
        }
    }

    private void endLine() throws IOException {
        // into the generator's own buffer: a flush per line cost a write call per event
        json.writeRaw('\n');
    }
}
