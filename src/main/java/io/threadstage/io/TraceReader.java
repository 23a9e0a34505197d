package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code threadstage-trace/1} JSON Lines file back into its header and events. Checks
 * what the format promises (header first, {@code seq} from 0 without gaps, {@code t} never
 * decreasing, nothing after {@code end}) and reports any problem as a
 * {@link TraceFileException} naming the file and line. Unknown keys are ignored; a file without
 * an {@code end} line (a run cut short) is accepted. Stateless: any thread.
 */
public final class TraceReader {

    /**
     * The longest line read, 16 MiB: an event's longest text (a print) comes from a scenario of
     * at most 4 MiB, so a longer line is not a trace, and the cap keeps a file without line
     * breaks from filling the memory.
     */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Pattern COLUMN = Pattern.compile("^line 1, column (\\d+)$");

    public TraceFile read(Path file) throws TraceFileException {
        List<TraceEvent> events = new ArrayList<>();
        TraceHeader header = read(file, events::add);
        return new TraceFile(header, events);
    }

    /**
     * Reads {@code file} and hands each event to {@code events} as it is read, keeping none: a
     * trace of any size is read in the memory of its longest line (a stage appends to its
     * columns). Returns the header. On a problem, the events before it were handed on already.
     */
    public TraceHeader read(Path file, Consumer<? super TraceEvent> events) throws TraceFileException {
        String source = file.toString();
        refuseWhatIsNotAFile(source, file);
        try (InputStream in = Files.newInputStream(file)) {
            return new Parse(source, events).run(new Utf8Lines(in, MAX_LINE_BYTES));
        } catch (NoSuchFileException e) {
            throw new TraceFileException(source, 0, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new TraceFileException(source, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new TraceFileException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads UTF-8 JSON Lines from {@code in}; {@code source} names the file in messages. */
    public TraceFile read(String source, InputStream in) throws TraceFileException {
        List<TraceEvent> events = new ArrayList<>();
        TraceHeader header = new Parse(source, events::add).run(new Utf8Lines(in, MAX_LINE_BYTES));
        return new TraceFile(header, events);
    }

    /**
     * A pipe would block the reader until someone writes to it, and a device such as
     * {@code /dev/zero} never ends: only a regular file is read. Checked before opening, since
     * opening a pipe already blocks.
     */
    private static void refuseWhatIsNotAFile(String source, Path file) throws TraceFileException {
        if (Files.isDirectory(file)) {
            throw new TraceFileException(source, 0, "cannot read: it is a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TraceFileException(source, 0, "cannot read: not a regular file (a device, a pipe or a socket)");
        }
    }

    /** One reading: the position and what the format's invariants need. */
    private static final class Parse {
        private final String source;
        private final Consumer<? super TraceEvent> events;
        private int lineNo;
        private long nextSeq;
        private long lastT;
        private boolean ended;

        /** The path each step id named so far: a file whose ids and paths disagree is refused. */
        private final Map<Integer, String> stepPaths = new HashMap<>();

        Parse(String source, Consumer<? super TraceEvent> events) {
            this.source = source;
            this.events = events;
        }

        TraceHeader run(Utf8Lines lines) throws TraceFileException {
            TraceHeader header = null;
            String line;
            while ((line = next(lines)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line);
                if (header == null) {
                    header = header(node);
                } else {
                    events.accept(event(node));
                }
            }
            if (header == null) {
                throw new TraceFileException(source, 0, "empty file: expected a trace header line");
            }
            return header;
        }

        private String next(Utf8Lines lines) throws TraceFileException {
            try {
                lineNo++;
                return lines.next();
            } catch (Utf8Lines.TooLong e) {
                throw problem("longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MiB; a trace has one event a line");
            } catch (CharacterCodingException e) {
                throw problem("not valid UTF-8 text");
            } catch (IOException e) {
                throw new TraceFileException(source, lineNo, "cannot read: " + e.getMessage());
            }
        }

        private JsonNode parse(String line) throws TraceFileException {
            JsonNode node;
            try {
                node = JsonTreeReader.forTraceLine().read(line);
            } catch (Refusal refused) {
                // the line is read alone, so its place is "line 1, column C": keep the column
                Matcher column = COLUMN.matcher(String.valueOf(refused.place()));
                throw new TraceFileException(source, lineNo, column.find() ? Integer.parseInt(column.group(1)) : 0,
                        refused.problem());
            }
            if (node == null || !node.isObject()) {
                throw problem("expected a JSON object");
            }
            return node;
        }

        private TraceHeader header(JsonNode node) throws TraceFileException {
            JsonNode format = node.get("format");
            if (format == null || !format.isTextual()) {
                throw problem("not a trace header: missing \"format\"");
            }
            if (!TraceHeader.FORMAT.equals(format.textValue())) {
                throw problem("unsupported format \"" + format.textValue() + "\", expected \"" + TraceHeader.FORMAT + "\"");
            }
            JsonNode speed = node.get("speed");
            if (speed == null || !speed.isNumber()) {
                throw problem("\"speed\" must be a number");
            }
            return new TraceHeader(text(node, "title"), text(node, "started"), speed.doubleValue(), bool(node, "gil"));
        }

        private TraceEvent event(JsonNode node) throws TraceFileException {
            if (ended) {
                throw problem("event after the \"end\" line");
            }
            String ev = text(node, "ev");
            long seq = longValue(node, "seq");
            if (seq != nextSeq) {
                throw problem("seq " + seq + " where " + nextSeq + " was expected");
            }
            long t = longValue(node, "t");
            if (t < lastT) {
                throw problem("t " + t + " is before the previous event's " + lastT);
            }
            nextSeq++;
            lastT = t;
            switch (ev) {
                case "thread":
                    return new TraceEvent.ThreadInfo(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            text(node, "style"), bool(node, "daemon"), nullableLong(node, "ident"),
                            nullableLong(node, "native_id"));
                case "state":
                    return new TraceEvent.State(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            state(node), reason(node), nullableText(node, "on"));
                case "queue":
                    return new TraceEvent.QueueDepth(seq, t, text(node, "on"), intValue(node, "depth"),
                            intValue(node, "maxsize"), tidOrNone(node, "tid"), nullableText(node, "thread"),
                            nullableText(node, "op"));
                case "join":
                    return new TraceEvent.Join(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            tid(node, "target"), phase(node), optionalBool(node, "timed_out"));
                case "lock":
                    return new TraceEvent.LockOwner(seq, t, text(node, "on"), tidOrNone(node, "owner"));
                case "signal":
                    return new TraceEvent.Signal(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            text(node, "on"), bool(node, "set"));
                case "gil":
                    return new TraceEvent.Gil(seq, t, tidOrNone(node, "owner"));
                case "step":
                    return step(node, seq, t);
                case "print":
                    return new TraceEvent.Print(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            text(node, "text"));
                case "exception":
                    return new TraceEvent.ExceptionRaised(seq, t, tid(node, "tid"), nullableText(node, "thread"),
                            text(node, "type"), nullableText(node, "message"), optionalBool(node, "caught"));
                case "marker":
                    return new TraceEvent.Marker(seq, t, text(node, "text"));
                case "value":
                    return value(node, seq, t);
                case "end":
                    ended = true;
                    return new TraceEvent.End(seq, t, outcome(node), nullableText(node, "message"));
                default:
                    throw problem("unknown event \"" + ev + "\"");
            }
        }

        /** Extension {@code value}: a counter's new number, or with {@code "local": true} a local's text. */
        /** A step keeps its {@code path}; its {@code id} (ours, optional) must name one path in the whole file. */
        private TraceEvent step(JsonNode node, long seq, long t) throws TraceFileException {
            int tid = tid(node, "tid");
            String thread = nullableText(node, "thread");
            String path = text(node, "path");
            JsonNode given = node.get("id");
            if (given == null || given.isNull()) {
                return new TraceEvent.StepBegin(seq, t, tid, thread, TraceEvent.StepBegin.NO_ID, path);
            }
            int id = intValue(node, "id");
            if (id < 0) {
                throw problem("\"id\" of a step must be a whole number, 0 or more, got " + id);
            }
            String before = stepPaths.putIfAbsent(id, path);
            if (before != null && !before.equals(path)) {
                throw problem("step id " + id + " names \"" + path + "\" here but \"" + before + "\" earlier in the file");
            }
            return new TraceEvent.StepBegin(seq, t, tid, thread, id, path);
        }

        private TraceEvent value(JsonNode node, long seq, long t) throws TraceFileException {
            int tid = tid(node, "tid");
            String thread = nullableText(node, "thread");
            String on = text(node, "on");
            if (optionalBool(node, "local")) {
                return TraceEvent.ValueChange.ofLocal(seq, t, tid, thread, on, text(node, "value"));
            }
            JsonNode value = required(node, "value");
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw problem("\"value\" of a counter must be a whole number that fits 64 bits");
            }
            return TraceEvent.ValueChange.ofCounter(seq, t, tid, thread, on, value.longValue());
        }

        private ThreadState state(JsonNode node) throws TraceFileException {
            String json = text(node, "state");
            for (ThreadState state : ThreadState.values()) {
                if (state.json().equals(json)) {
                    return state;
                }
            }
            throw problem("unknown state \"" + json + "\"");
        }

        private Reason reason(JsonNode node) throws TraceFileException {
            String json = nullableText(node, "reason");
            if (json == null) {
                return Reason.NONE;
            }
            for (Reason reason : Reason.values()) {
                if (json.equals(reason.json())) {
                    return reason;
                }
            }
            throw problem("unknown reason \"" + json + "\"");
        }

        private Outcome outcome(JsonNode node) throws TraceFileException {
            String json = text(node, "outcome");
            for (Outcome outcome : Outcome.values()) {
                if (outcome.json().equals(json)) {
                    return outcome;
                }
            }
            throw problem("unknown outcome \"" + json + "\"");
        }

        private boolean phase(JsonNode node) throws TraceFileException {
            String phase = text(node, "phase");
            if (phase.equals("begin") || phase.equals("end")) {
                return phase.equals("begin");
            }
            throw problem("\"phase\" must be \"begin\" or \"end\", was \"" + phase + "\"");
        }

        private JsonNode required(JsonNode node, String key) throws TraceFileException {
            JsonNode value = node.get(key);
            if (value == null) {
                throw problem("missing \"" + key + "\"");
            }
            return value;
        }

        private String text(JsonNode node, String key) throws TraceFileException {
            JsonNode value = required(node, key);
            if (!value.isTextual()) {
                throw problem("\"" + key + "\" must be a string");
            }
            return value.textValue();
        }

        private String nullableText(JsonNode node, String key) throws TraceFileException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw problem("\"" + key + "\" must be a string or null");
            }
            return value.textValue();
        }

        private boolean bool(JsonNode node, String key) throws TraceFileException {
            JsonNode value = required(node, key);
            if (!value.isBoolean()) {
                throw problem("\"" + key + "\" must be true or false");
            }
            return value.booleanValue();
        }

        private boolean optionalBool(JsonNode node, String key) throws TraceFileException {
            JsonNode value = node.get(key);
            return value != null && !value.isNull() && bool(node, key);
        }

        private long longValue(JsonNode node, String key) throws TraceFileException {
            JsonNode value = required(node, key);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw problem("\"" + key + "\" must be a whole number, 0 or more");
            }
            return value.longValue();
        }

        private int intValue(JsonNode node, String key) throws TraceFileException {
            JsonNode value = required(node, key);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw problem("\"" + key + "\" must be a whole number");
            }
            return value.intValue();
        }

        private Long nullableLong(JsonNode node, String key) throws TraceFileException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw problem("\"" + key + "\" must be a whole number or null");
            }
            return value.longValue();
        }

        /** A thread id: 0 to {@link TraceSink#MAX_TID}, so a trace introduces at most 32,768 threads. */
        private int tid(JsonNode node, String key) throws TraceFileException {
            int tid = intValue(node, key);
            if (tid < 0 || tid > TraceSink.MAX_TID) {
                throw problem("\"" + key + "\" must be a thread id from 0 to " + TraceSink.MAX_TID + " (a trace has at most "
                        + (TraceSink.MAX_TID + 1) + " threads), got " + tid);
            }
            return tid;
        }

        /** A tid that may be absent or null, meaning nobody. */
        private int tidOrNone(JsonNode node, String key) throws TraceFileException {
            JsonNode value = node.get(key);
            return value == null || value.isNull() ? TraceSink.NO_THREAD : tid(node, key);
        }

        private TraceFileException problem(String problem) {
            return new TraceFileException(source, lineNo, problem);
        }
    }
}
