package io.threadstage.io;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceSink;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a trace as JSON Lines ({@code threadstage-trace/1}): the header line, then one line per
 * event with its keys in a fixed order ({@code seq}, {@code t}, {@code ev}, then {@code tid} and
 * {@code thread} where the event belongs to a thread, then the event's own keys; see
 * docs/trace-format-extensions.md). Either a finished run ({@link #write(Path, TraceHeader, Iterable)})
 * or live, an event at a time as a reader of the run hands them over ({@link #event}). Error reports
 * (the program's standard error) are events of the run but not lines of the format: they are left
 * out, and the seq of the lines after them closes the gap.
 *
 * <p>Owned by one thread (the file writer's).
 */
public final class TraceWriter implements Closeable, Flushable {

    private final Writer out;
    private final JsonLineBuffer json;
    private boolean ended;
    /**
     * Error reports passed over so far: they are events of the run (the console's) but not lines
     * of the format, so the later lines' seq is lowered by this many and stays gapless.
     */
    private long reportsLeftOut;

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
        if (event instanceof TraceEvent.ErrorReport) {
            reportsLeftOut++;
            return;
        }
        json.beginObject();
        json.number("seq", event.seq() - reportsLeftOut);
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
            if (e.id() >= 0) {
                json.number("id", e.id());
            }
        } else if (event instanceof TraceEvent.Print e) {
            thread(e.tid(), e.thread());
            json.string("text", e.text());
        } else if (event instanceof TraceEvent.ExceptionRaised e) {
            thread(e.tid(), e.thread());
            json.string("type", e.type());
            json.string("message", e.message());
            json.bool("caught", e.caught());
        } else if (event instanceof TraceEvent.ValueChange e) {
            thread(e.tid(), e.thread());
            json.string("on", e.on());
            if (e.local()) {
                json.string("value", e.text());
                json.bool("local", true);
            } else {
                json.number("value", e.number());
            }
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
