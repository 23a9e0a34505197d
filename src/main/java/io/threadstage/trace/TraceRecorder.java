package io.threadstage.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Records every event of one run, in one total order, without a shared lock on the hot path and
 * without ever dropping an event.
 *
 * <p><b>Threads.</b> Writers: every thread of the run, through the {@link TraceSink} methods,
 * concurrently. Readers: {@link #drain}, {@link #events()} and {@link #ready()}, meant for one
 * thread at a time (the UI's pulse, a file writer); readers serialise on a lock of their own
 * that writers never touch, so reading never blocks a writer.
 *
 * <p><b>Appending.</b> A writer interns its strings, reads {@code System.nanoTime()}, claims the
 * next seq with one CAS on a counter, writes the event's columns into the chunk that holds that
 * seq, and publishes the slot with a release store of its kind byte. Chunks of
 * {@value #CHUNK_SIZE} events are allocated on demand and installed with a CAS.
 *
 * <p><b>Order.</b> seq is the order of the claims, so it is gapless, follows each thread's
 * program order, and puts an event recorded before a release/put/set (the {@link TraceSink}
 * causality rule) before anything the woken thread records after it. A writer reads its clock
 * just before claiming, so two writers can read their clocks in one order and claim in the other.
 * The reader therefore lifts such an event's {@code t} to the previous event's {@code t} when it
 * publishes it: the result lies between the writer's clock read and its claim, a true instant of
 * the recording, and {@code t} never decreases along seq.
 *
 * <p><b>Watermark.</b> The reader hands out events in seq order and stops at the first slot not
 * yet published, so nothing it hands out can later be preceded by an event still being written.
 *
 * <p><b>Memory.</b> 24 bytes an event in primitive columns, plus each distinct string once.
 * Past the capacity given to the constructor ({@link #DEFAULT_CAPACITY} events by default)
 * recording throws {@link TraceCapacityException}; one {@link #end} event is still accepted
 * beyond it, so the run can end with outcome {@code error}.
 */
public final class TraceRecorder implements TraceSink {

    public static final long DEFAULT_CAPACITY = 50_000_000L;
    /** The most events one recorder can hold, whatever capacity is asked for. */
    public static final long MAX_CAPACITY = 1L << 34;

    static final int CHUNK_BITS = 14;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int SLOT_MASK = CHUNK_SIZE - 1;

    private static final byte THREAD = 1;
    private static final byte STATE = 2;
    private static final byte QUEUE = 3;
    private static final byte JOIN = 4;
    private static final byte LOCK = 5;
    private static final byte SIGNAL = 6;
    private static final byte GIL = 7;
    private static final byte STEP = 8;
    private static final byte PRINT = 9;
    private static final byte EXCEPTION = 10;
    private static final byte MARKER = 11;
    private static final byte END = 12;

    private static final ThreadState[] STATES = ThreadState.values();
    private static final Reason[] REASONS = Reason.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final TraceHeader header;
    private final long originNanos = System.nanoTime();
    private final long capacity;
    private final PaddedCounter nextSeq = new PaddedCounter();
    private final AtomicReferenceArray<EventChunk> chunks;
    private final InternTable strings = new InternTable();
    private final SmallVocabulary queueOps = new SmallVocabulary();

    private final Object readLock = new Object();
    /** Events [0, published) are complete and final; guarded by readLock, volatile for peeking. */
    private volatile long published;
    private long lastPublishedT;
    private final Map<Integer, NameHistory> names = new HashMap<>();

    public TraceRecorder(TraceHeader header) {
        this(header, DEFAULT_CAPACITY);
    }

    /** @param capacity the most events this recorder keeps before refusing with {@link TraceCapacityException} */
    public TraceRecorder(TraceHeader header, long capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + " events, was " + capacity);
        }
        this.header = header;
        this.capacity = capacity;
        this.chunks = new AtomicReferenceArray<>((int) ((capacity + 1 + SLOT_MASK) >>> CHUNK_BITS));
    }

    public TraceHeader header() {
        return header;
    }

    /** Nanoseconds since the run started, on the recorder's clock. */
    public long elapsedNanos() {
        return System.nanoTime() - originNanos;
    }

    /** The most events this recorder accepts (an {@code end} may go one beyond). */
    public long capacity() {
        return capacity;
    }

    /** Events claimed so far, including those still being written. Any thread. */
    public long recordedCount() {
        return Math.min(nextSeq.get(), capacity + 1);
    }

    /**
     * Publishes what writers have finished and returns the watermark: events with seq below it
     * are final and can be read. Never blocks a writer.
     */
    public long ready() {
        synchronized (readLock) {
            return advanceWatermark();
        }
    }

    /** Everything recorded and published so far, in {@code seq} order. */
    public List<TraceEvent> events() {
        synchronized (readLock) {
            int count = (int) Math.min(advanceWatermark(), Integer.MAX_VALUE - 8);
            List<TraceEvent> snapshot = new ArrayList<>(count);
            for (long seq = 0; seq < count; seq++) {
                snapshot.add(materialize(seq));
            }
            return snapshot;
        }
    }

    /**
     * Hands {@code consumer} the events from {@code fromSeq} on that are ready, in order, at most
     * {@code limit} of them, and returns the next seq to ask for. Never blocks a writer; meant
     * for one reader (the UI's pulse, a file writer) that keeps its own position.
     */
    public long drain(long fromSeq, int limit, Consumer<? super TraceEvent> consumer) {
        if (fromSeq < 0 || limit < 0) {
            throw new IllegalArgumentException("fromSeq and limit must not be negative: " + fromSeq + ", " + limit);
        }
        synchronized (readLock) {
            long to = Math.min(advanceWatermark(), fromSeq + limit);
            for (long seq = fromSeq; seq < to; seq++) {
                consumer.accept(materialize(seq));
            }
            return Math.max(fromSeq, to);
        }
    }

    // ---- writers ------------------------------------------------------------------------------

    @Override
    public void thread(int tid, String name, String style, boolean daemon, Long ident, Long nativeId) {
        int ids = ident == null && nativeId == null ? InternTable.NONE : strings.id(new ThreadIds(ident, nativeId));
        append(THREAD, flag(daemon), tid, strings.id(name), strings.id(style), ids, false);
    }

    @Override
    public void state(int tid, ThreadState state, Reason reason, String on) {
        Reason why = reason == null ? Reason.NONE : reason;
        append(STATE, (byte) (state.ordinal() | why.ordinal() << 2), tid, strings.id(on), 0, 0, false);
    }

    @Override
    public void queue(String queue, int depth, int maxsize, int tid, String op) {
        append(QUEUE, queueOps.code(op), tid, strings.id(queue), depth, maxsize, false);
    }

    @Override
    public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
        append(JOIN, (byte) (flag(begin) | flag(timedOut) << 1), tid, targetTid, 0, 0, false);
    }

    @Override
    public void lock(String lock, int ownerTid) {
        append(LOCK, (byte) 0, NO_THREAD, strings.id(lock), ownerTid, 0, false);
    }

    @Override
    public void signal(int tid, String event, boolean set) {
        append(SIGNAL, flag(set), tid, strings.id(event), 0, 0, false);
    }

    @Override
    public void gil(int ownerTid) {
        append(GIL, (byte) 0, NO_THREAD, ownerTid, 0, 0, false);
    }

    @Override
    public void step(int tid, String path) {
        append(STEP, (byte) 0, tid, strings.id(path), 0, 0, false);
    }

    @Override
    public void print(int tid, String text) {
        append(PRINT, (byte) 0, tid, strings.id(text), 0, 0, false);
    }

    @Override
    public void exception(int tid, String type, String message, boolean caught) {
        append(EXCEPTION, flag(caught), tid, strings.id(type), strings.id(message), 0, false);
    }

    @Override
    public void marker(String text) {
        append(MARKER, (byte) 0, NO_THREAD, strings.id(text), 0, 0, false);
    }

    @Override
    public void end(Outcome outcome, String message) {
        append(END, (byte) outcome.ordinal(), NO_THREAD, strings.id(message), 0, 0, true);
    }

    private void append(byte kind, byte flags, int tid, int a, int b, int c, boolean end) {
        if (tid < NO_THREAD || tid > Short.MAX_VALUE) {
            throw new IllegalArgumentException("tid out of range: " + tid);
        }
        long t = System.nanoTime() - originNanos;
        long seq = claim(end);
        EventChunk chunk = chunk(seq);
        int slot = (int) (seq & SLOT_MASK);
        chunk.t[slot] = t;
        chunk.flags[slot] = flags;
        chunk.tid[slot] = (short) tid;
        chunk.a[slot] = a;
        chunk.b[slot] = b;
        chunk.c[slot] = c;
        chunk.publish(slot, kind);
    }

    /** Takes the next seq; a CAS rather than an increment so a refused event leaves no gap. */
    private long claim(boolean end) {
        long limit = end ? capacity + 1 : capacity;
        while (true) {
            long seq = nextSeq.get();
            if (seq >= limit) {
                throw new TraceCapacityException("trace capacity reached: the recorder holds at most "
                        + capacity + " events; shorten the run or raise the cap", capacity);
            }
            if (nextSeq.compareAndSet(seq, seq + 1)) {
                return seq;
            }
        }
    }

    private EventChunk chunk(long seq) {
        int index = (int) (seq >>> CHUNK_BITS);
        EventChunk chunk = chunks.get(index);
        if (chunk == null) {
            chunks.compareAndSet(index, null, new EventChunk(CHUNK_SIZE));
            chunk = chunks.get(index);
        }
        // Allocate the next chunk half-way through this one, so writers rarely race to allocate.
        if ((seq & SLOT_MASK) == CHUNK_SIZE / 2 && index + 1 < chunks.length() && chunks.get(index + 1) == null) {
            chunks.compareAndSet(index + 1, null, new EventChunk(CHUNK_SIZE));
        }
        return chunk;
    }

    private static byte flag(boolean value) {
        return value ? (byte) 1 : (byte) 0;
    }

    // ---- reader (readLock held) ---------------------------------------------------------------

    private long advanceWatermark() {
        long seq = published;
        long claimed = nextSeq.get();
        while (seq < claimed) {
            EventChunk chunk = chunks.get((int) (seq >>> CHUNK_BITS));
            if (chunk == null) {
                break;
            }
            int slot = (int) (seq & SLOT_MASK);
            byte kind = chunk.publishedKind(slot);
            if (kind == 0) {
                break;
            }
            long t = chunk.t[slot];
            if (t < lastPublishedT) {
                chunk.t[slot] = t = lastPublishedT;
            }
            lastPublishedT = t;
            if (kind == THREAD) {
                names.computeIfAbsent((int) chunk.tid[slot], k -> new NameHistory()).add(seq, chunk.a[slot]);
            }
            seq++;
        }
        published = seq;
        return seq;
    }

    private TraceEvent materialize(long seq) {
        EventChunk chunk = chunks.get((int) (seq >>> CHUNK_BITS));
        int slot = (int) (seq & SLOT_MASK);
        byte kind = chunk.kind[slot];
        long t = chunk.t[slot];
        int flags = chunk.flags[slot];
        int tid = chunk.tid[slot];
        int a = chunk.a[slot];
        int b = chunk.b[slot];
        int c = chunk.c[slot];
        switch (kind) {
            case THREAD: {
                ThreadIds ids = (ThreadIds) strings.value(c);
                return new TraceEvent.ThreadInfo(seq, t, tid, strings.string(a), strings.string(b), flags != 0,
                        ids == null ? null : ids.ident(), ids == null ? null : ids.nativeId());
            }
            case STATE:
                return new TraceEvent.State(seq, t, tid, nameAt(tid, seq), STATES[flags & 3], REASONS[flags >>> 2],
                        strings.string(a));
            case QUEUE:
                return new TraceEvent.QueueDepth(seq, t, strings.string(a), b, c, tid, nameAt(tid, seq),
                        queueOps.op((byte) flags));
            case JOIN:
                return new TraceEvent.Join(seq, t, tid, nameAt(tid, seq), a, (flags & 1) != 0, (flags & 2) != 0);
            case LOCK:
                return new TraceEvent.LockOwner(seq, t, strings.string(a), b);
            case SIGNAL:
                return new TraceEvent.Signal(seq, t, tid, nameAt(tid, seq), strings.string(a), flags != 0);
            case GIL:
                return new TraceEvent.Gil(seq, t, a);
            case STEP:
                return new TraceEvent.StepBegin(seq, t, tid, nameAt(tid, seq), strings.string(a));
            case PRINT:
                return new TraceEvent.Print(seq, t, tid, nameAt(tid, seq), strings.string(a));
            case EXCEPTION:
                return new TraceEvent.ExceptionRaised(seq, t, tid, nameAt(tid, seq), strings.string(a),
                        strings.string(b), flags != 0);
            case MARKER:
                return new TraceEvent.Marker(seq, t, strings.string(a));
            case END:
                return new TraceEvent.End(seq, t, OUTCOMES[flags], strings.string(a));
            default:
                throw new IllegalStateException("corrupt trace slot " + seq + ": kind " + kind);
        }
    }

    private String nameAt(int tid, long seq) {
        NameHistory history = names.get(tid);
        return history == null ? null : strings.string(history.at(seq));
    }

    /** ident and native_id of a started thread, interned as one value. */
    private record ThreadIds(Long ident, Long nativeId) {
    }

    /** The names one tid had, by the seq of the {@code thread} event that set each. Reader-owned. */
    private static final class NameHistory {
        private long[] seqs = new long[2];
        private int[] nameIds = new int[2];
        private int size;

        void add(long seq, int nameId) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                nameIds = Arrays.copyOf(nameIds, size * 2);
            }
            seqs[size] = seq;
            nameIds[size] = nameId;
            size++;
        }

        /** The name id in force at {@code seq}: set by the last thread event at or before it. */
        int at(long seq) {
            int found = Arrays.binarySearch(seqs, 0, size, seq);
            int index = found >= 0 ? found : -found - 2;
            return index < 0 ? InternTable.NONE : nameIds[index];
        }
    }
}
