package io.threadstage.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a finished trace as Chrome trace-event JSON, the format Perfetto and
 * {@code chrome://tracing} open. One process (the run, named by the title), one track per thread
 * ({@code tid} as the Chrome tid, named by the thread's last name), plus a {@code GIL} track when
 * the GIL changed hands:
 * <ul>
 * <li>{@code X}: one complete event per state interval, named {@code state: reason}
 *     ({@code waiting: lock}), args {@code state}, {@code reason}, {@code on}, {@code thread};
 *     a thread's intervals never overlap; {@code terminated} is an instant, not an interval;</li>
 * <li>{@code C}: a counter per queue ({@code queue NAME}, arg {@code depth});</li>
 * <li>{@code s}/{@code f}: a flow per join, from the joiner at the join's start to the joined
 *     thread where it ended (or, when the join timed out, where the join returned);</li>
 * <li>{@code i}: prints, exceptions and event set/clear on their thread; markers and the end
 *     of the run across all tracks.</li>
 * </ul>
 * Timestamps are microseconds since the run started, with nanosecond decimals. One pass over
 * the events, streamed, so long traces need no tree in memory. Stateless: any thread.
 */
public final class ChromeTraceWriter {

    /** The Chrome tid of the GIL's track: far above any run's tids (at most 2,000 threads). */
    public static final int GIL_TRACK = 1_000_000;
    private static final int PID = 1;
    private static final JsonFactory JSON = new JsonFactory();

    /** Writes {@code file} atomically ({@link AtomicFile}): the old file or the whole new one. */
    public static void write(Path file, TraceHeader header, Iterable<? extends TraceEvent> events) throws IOException {
        AtomicFile.write(file, out -> new ChromeTraceWriter().write(out, header, events));
    }

    /** Writes the whole document to {@code out}, UTF-8; leaves {@code out} open. */
    public void write(OutputStream out, TraceHeader header, Iterable<? extends TraceEvent> events) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Pass pass = begin(json, header);
            for (TraceEvent event : events) {
                pass.accept(event);
            }
            end(json, pass, header);
        }
    }

    /**
     * Opens a Chrome trace of a run still going on: the events are handed over one by one as a
     * reader of the run takes them ({@link Streaming#accept}), so the command line reads its run
     * once for every file. Atomic as {@link #write(Path, TraceHeader, Iterable)}.
     */
    public static Streaming open(Path target, TraceHeader header) throws IOException {
        AtomicFile file = AtomicFile.create(target);
        try {
            JsonGenerator json = JSON.createGenerator(file.stream(), JsonEncoding.UTF8);
            return new Streaming(file, json, begin(json, header), header);
        } catch (IOException | RuntimeException failed) {
            file.close();
            throw failed;
        }
    }

    /** A Chrome trace being written as its run's events come. Owned by one thread at a time. */
    public static final class Streaming implements java.io.Closeable {
        private final AtomicFile file;
        private final JsonGenerator json;
        private final Pass pass;
        private final TraceHeader header;

        private Streaming(AtomicFile file, JsonGenerator json, Pass pass, TraceHeader header) {
            this.file = file;
            this.json = json;
            this.pass = pass;
            this.header = header;
        }

        /** The run's next event, in seq order. */
        public void accept(TraceEvent event) throws IOException {
            pass.accept(event);
        }

        /** Ends the document and moves it into place. */
        public void finish() throws IOException {
            try {
                end(json, pass, header);
                json.close();
                file.commit();
            } finally {
                file.close();
            }
        }

        /** Abandons the file unless {@link #finish} moved it into place. */
        @Override
        public void close() {
            file.close();
        }
    }

    private static Pass begin(JsonGenerator json, TraceHeader header) throws IOException {
        json.writeStartObject();
            json.writeStringField("displayTimeUnit", "ms");
            json.writeObjectFieldStart("otherData");
            json.writeStringField("format", TraceHeader.FORMAT);
            json.writeStringField("title", header.title());
            json.writeStringField("started", header.started());
            json.writeNumberField("speed", header.speed());
            json.writeBooleanField("gil", header.gil());
            json.writeEndObject();
        json.writeArrayFieldStart("traceEvents");
        return new Pass(json);
    }

    private static void end(JsonGenerator json, Pass pass, TraceHeader header) throws IOException {
        pass.finish(header);
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One conversion: the open intervals and joins of each thread as the events go by. */
    private static final class Pass {
        private final JsonGenerator json;
        private final Map<Integer, OpenState> open = new HashMap<>();
        private final Map<Integer, String> names = new TreeMap<>();
        private final Map<Integer, Long> terminatedAt = new HashMap<>();
        private final Map<Integer, Deque<OpenJoin>> joins = new HashMap<>();
        private int nextFlowId = 1;
        private int gilOwner = TraceSink.NO_THREAD;
        private long gilSince;
        private boolean gilSeen;
        private long lastT;

        Pass(JsonGenerator json) {
            this.json = json;
        }

        void accept(TraceEvent event) throws IOException {
            lastT = event.t();
            if (event instanceof TraceEvent.ThreadInfo e) {
                names.put(e.tid(), e.thread());
            } else if (event instanceof TraceEvent.State e) {
                state(e);
            } else if (event instanceof TraceEvent.QueueDepth e) {
                begin("C", "queue " + e.on(), e.t(), 0);
                json.writeObjectFieldStart("args");
                json.writeNumberField("depth", e.depth());
                json.writeEndObject();
                json.writeEndObject();
            } else if (event instanceof TraceEvent.ValueChange e && !e.local()) {
                begin("C", "counter " + e.on(), e.t(), 0);
                json.writeObjectFieldStart("args");
                json.writeNumberField("value", e.number());
                json.writeEndObject();
                json.writeEndObject();
            } else if (event instanceof TraceEvent.Join e) {
                join(e);
            } else if (event instanceof TraceEvent.Gil e) {
                gil(e.owner(), e.t());
            } else if (event instanceof TraceEvent.Print e) {
                instant("print", e.t(), e.tid(), "t");
                json.writeObjectFieldStart("args");
                json.writeStringField("text", e.text());
                json.writeEndObject();
                json.writeEndObject();
            } else if (event instanceof TraceEvent.ExceptionRaised e) {
                instant("exception: " + e.type(), e.t(), e.tid(), "t");
                json.writeObjectFieldStart("args");
                json.writeStringField("type", e.type());
                json.writeStringField("message", e.message());
                json.writeBooleanField("caught", e.caught());
                json.writeEndObject();
                json.writeEndObject();
            } else if (event instanceof TraceEvent.Signal e) {
                instant((e.set() ? "set: " : "clear: ") + e.on(), e.t(), e.tid(), "t");
                json.writeEndObject();
            } else if (event instanceof TraceEvent.Marker e) {
                instant(e.text(), e.t(), 0, "g");
                json.writeEndObject();
            } else if (event instanceof TraceEvent.End e) {
                instant("end: " + e.outcome().json(), e.t(), 0, "g");
                json.writeObjectFieldStart("args");
                json.writeStringField("outcome", e.outcome().json());
                json.writeStringField("message", e.message());
                json.writeEndObject();
                json.writeEndObject();
            }
            // lock, step and local value events have no shape of their own here: the states show their effect.
        }

        private void state(TraceEvent.State e) throws IOException {
            close(e.tid(), e.t());
            if (e.state() == ThreadState.TERMINATED) {
                terminatedAt.put(e.tid(), e.t());
                instant(name(e.state(), e.reason()), e.t(), e.tid(), "t");
                json.writeObjectFieldStart("args");
                json.writeStringField("reason", e.reason().json());
                json.writeEndObject();
                json.writeEndObject();
            } else {
                open.put(e.tid(), new OpenState(e.t(), e.state(), e.reason(), e.on(), e.thread()));
            }
        }

        private void close(int tid, long endT) throws IOException {
            OpenState state = open.remove(tid);
            if (state == null) {
                return;
            }
            begin("X", name(state.state, state.reason), state.sinceT, tid);
            json.writeFieldName("dur");
            json.writeNumber(micros(endT - state.sinceT));
            json.writeObjectFieldStart("args");
            json.writeStringField("state", state.state.json());
            if (state.reason != Reason.NONE) {
                json.writeStringField("reason", state.reason.json());
            }
            if (state.on != null) {
                json.writeStringField("on", state.on);
            }
            json.writeStringField("thread", state.thread);
            json.writeEndObject();
            json.writeEndObject();
        }

        private void join(TraceEvent.Join e) throws IOException {
            Deque<OpenJoin> pending = joins.computeIfAbsent(e.tid(), k -> new ArrayDeque<>());
            if (e.begin()) {
                int id = nextFlowId++;
                pending.push(new OpenJoin(id, e.target()));
                flow("s", id, e.t(), e.tid());
                json.writeEndObject();
                return;
            }
            OpenJoin joined = pending.poll();
            if (joined != null) {
                endFlow(joined, e.t(), e.timedOut());
            }
        }

        /** The flow ends where the joined thread ended if it did, else where the join gave up. */
        private void endFlow(OpenJoin joined, long returnedT, boolean timedOut) throws IOException {
            Long ended = terminatedAt.get(joined.target);
            long at = ended != null && ended <= returnedT ? ended : returnedT;
            flow("f", joined.id, at, joined.target);
            json.writeStringField("bp", "e");
            json.writeObjectFieldStart("args");
            json.writeStringField("result", timedOut ? "timed out" : ended != null ? "returned" : "run ended");
            json.writeEndObject();
            json.writeEndObject();
        }

        private void gil(int owner, long t) throws IOException {
            gilSeen = true;
            closeGil(t);
            gilOwner = owner;
            gilSince = t;
        }

        private void closeGil(long t) throws IOException {
            if (gilOwner == TraceSink.NO_THREAD) {
                return;
            }
            begin("X", "held by " + names.getOrDefault(gilOwner, "tid " + gilOwner), gilSince, GIL_TRACK);
            json.writeFieldName("dur");
            json.writeNumber(micros(t - gilSince));
            json.writeObjectFieldStart("args");
            json.writeNumberField("owner", gilOwner);
            json.writeEndObject();
            json.writeEndObject();
            gilOwner = TraceSink.NO_THREAD;
        }

        private void finish(TraceHeader header) throws IOException {
            for (Integer tid : List.copyOf(open.keySet())) {
                close(tid, lastT);
            }
            for (Deque<OpenJoin> pending : joins.values()) {
                for (OpenJoin joined : pending) {
                    endFlow(joined, lastT, false);
                }
            }
            closeGil(lastT);
            metadata("process_name", 0, "name", header.title());
            for (Map.Entry<Integer, String> thread : names.entrySet()) {
                metadata("thread_name", thread.getKey(), "name", thread.getValue());
                sortIndex(thread.getKey(), thread.getKey());
            }
            if (gilSeen) {
                metadata("thread_name", GIL_TRACK, "name", "GIL");
                sortIndex(GIL_TRACK, -1);
            }
        }

        private void metadata(String name, int tid, String key, String value) throws IOException {
            begin("M", name, 0, tid);
            json.writeObjectFieldStart("args");
            json.writeStringField(key, value);
            json.writeEndObject();
            json.writeEndObject();
        }

        private void sortIndex(int tid, int index) throws IOException {
            begin("M", "thread_sort_index", 0, tid);
            json.writeObjectFieldStart("args");
            json.writeNumberField("sort_index", index);
            json.writeEndObject();
            json.writeEndObject();
        }

        private void instant(String name, long t, int tid, String scope) throws IOException {
            begin("i", name, t, tid == TraceSink.NO_THREAD ? 0 : tid);
            json.writeStringField("s", scope);
        }

        private void flow(String ph, int id, long t, int tid) throws IOException {
            begin(ph, "join", t, tid);
            json.writeStringField("cat", "join");
            json.writeNumberField("id", id);
        }

        /** Opens an event object with the keys every event has; the caller adds more and closes it. */
        private void begin(String ph, String name, long t, int tid) throws IOException {
            json.writeStartObject();
            json.writeStringField("ph", ph);
            json.writeStringField("name", name);
            json.writeFieldName("ts");
            json.writeNumber(micros(t));
            json.writeNumberField("pid", PID);
            json.writeNumberField("tid", tid);
        }

        private static double micros(long nanos) {
            return nanos / 1000.0;
        }

        private static String name(ThreadState state, Reason reason) {
            return reason == Reason.NONE ? state.json() : state.json() + ": " + reason.json();
        }
    }

    private record OpenState(long sinceT, ThreadState state, Reason reason, String on, String thread) {
    }

    private record OpenJoin(int id, int target) {
    }
}
