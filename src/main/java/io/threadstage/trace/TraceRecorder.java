package io.threadstage.trace;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Records every event of one run, in one total order, without a shared lock on the hot path and
 * without ever dropping an event.
 *
 * <p><b>Threads.</b> Writers: every thread of the run, through the {@link TraceSink} methods,
 * concurrently. Readers: {@link #read} (in place, through one {@link EventCursor}: a run's one
 * reader, the window's pulse or the command line's follower), {@link #drain}, {@link #events()}
 * and {@link #ready()} (values, for writers and tests), meant for one thread at a time; readers
 * serialise on a lock of their own that writers never touch, so reading never blocks a writer.
 *
 * <p><b>Appending</b> (JFR-style). Each thread writes into its own {@link ThreadBuffer}: it
 * announces the event (a volatile store of a lower bound of its time), reads
 * {@code System.nanoTime()}, writes the event's columns into its own chunk, publishes its count
 * and clears the announcement. No two recording threads write to a common cache line; the only
 * shared write is a block reservation against the cap, once per {@value #RESERVATION_BLOCK}
 * events of a thread.
 *
 * <p><b>Order and watermark.</b> The reader reads the clock ({@code now}), then every buffer's
 * announcement, then every buffer's count. An event still being written has a time at least its
 * announced bound, and a writer that announces after the reader looked stamps a time no earlier
 * than {@code now}; so no event still to come can have a time below {@code min(now, bounds)},
 * and the published events up to that watermark are final. Those events, and only those, are merged by (time, buffer) into the recorder's columns and get
 * their seq: gapless, {@code t} never decreasing, each thread's events in program order. An event
 * recorded before a release/put/set ({@link TraceSink}'s causality rule) is stamped before the
 * woken thread's later events, since the clock is monotonic across threads and advances during
 * any handoff; so it comes first.
 *
 * <p><b>Memory.</b> 24 bytes an event in primitive columns, plus each distinct string once. The
 * merged events live outside the heap ({@link MergedStore}), so keeping a long trace costs the
 * garbage collector nothing; a thread buffer's chunks go back to their writer for reuse once
 * merged, so a thread recording steadily allocates nothing. Past the capacity given to the
 * constructor (by default {@link #memoryCapacity()}, from the memory the JVM may use) recording throws
 * {@link TraceCapacityException}; threads reserve room in blocks, so the first refusal can come
 * up to one block per thread early, never late. One {@link #end} event is still accepted beyond
 * the cap, so the run can end with outcome {@code error}.
 */
public final class TraceRecorder implements TraceSink {

    /**
     * Bytes of the JVM's memory limit per event of the default cap: the merged events take 24
     * bytes each outside the heap (direct memory, limited like the heap by {@code -Xmx}) and a
     * stage drawing them about as much on the heap; 48 leaves each half of its limit, so a run
     * reaches its cap, with a message, before the JVM runs out of memory.
     */
    public static final long BYTES_PER_EVENT_OF_MEMORY = 48;
    /** The most events one recorder can hold, whatever capacity is asked for. */
    public static final long MAX_CAPACITY = 1L << 34;
    /** Events {@link #eventsInOrder()} reads at a time. */
    private static final int READ_BATCH = 4096;
    /** Events a thread reserves against the cap at a time. */
    static final int RESERVATION_BLOCK = 256;

    private static final byte THREAD = EventKind.THREAD.code();
    private static final byte STATE = EventKind.STATE.code();
    private static final byte QUEUE = EventKind.QUEUE.code();
    private static final byte JOIN = EventKind.JOIN.code();
    private static final byte LOCK = EventKind.LOCK.code();
    private static final byte SIGNAL = EventKind.SIGNAL.code();
    private static final byte GIL = EventKind.GIL.code();
    private static final byte STEP = EventKind.STEP.code();
    private static final byte PRINT = EventKind.PRINT.code();
    private static final byte EXCEPTION = EventKind.EXCEPTION.code();
    private static final byte MARKER = EventKind.MARKER.code();
    private static final byte END = EventKind.END.code();
    private static final byte ERROR_REPORT = EventKind.ERROR_REPORT.code();
    private static final byte VALUE = EventKind.VALUE.code();

    private final TraceHeader header;
    private final long originNanos = System.nanoTime();
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicBoolean endReserved = new AtomicBoolean();
    private final AtomicReference<ThreadBuffer[]> buffers = new AtomicReference<>(new ThreadBuffer[0]);
    private final ThreadLocal<ThreadBuffer> ownBuffer = ThreadLocal.withInitial(this::register);
    private final InternTable strings = new InternTable();

    private final Object readLock = new Object();
    /** Events [0, published) in seq order. Guarded by readLock. */
    private final MergedStore store = new MergedStore();
    private final EventChunk scratch = new EventChunk(1);
    private final EventCursor cursor = new EventCursor(this, strings);
    private final PriorityQueue<ThreadBuffer> mergeOrder =
            new PriorityQueue<>(Comparator.comparingLong(ThreadBuffer::nextT).thenComparingInt(b -> b.index));
    private volatile long published;
    /** Every event stamped before this many nanoseconds is among [0, published). Guarded by readLock. */
    private long completeUntilNanos = Long.MIN_VALUE;
    private final Map<Integer, NameHistory> names = new HashMap<>();
    /** Set by the run before its threads start; read by whichever thread reads the events. */
    private volatile StepNames stepNames = StepNames.NUMBERS;

    /** A recorder whose cap is {@link #memoryCapacity()}. */
    public TraceRecorder(TraceHeader header) {
        this(header, memoryCapacity());
    }

    /** The cap that fits this JVM: {@link #capacityFor} its {@code Runtime.maxMemory()}. */
    public static long memoryCapacity() {
        return capacityFor(Runtime.getRuntime().maxMemory());
    }

    /** The most events a run may record when the JVM may use {@code maxMemoryBytes}: one per {@value #BYTES_PER_EVENT_OF_MEMORY} bytes. */
    public static long capacityFor(long maxMemoryBytes) {
        return Math.max(1, Math.min(MAX_CAPACITY, maxMemoryBytes / BYTES_PER_EVENT_OF_MEMORY));
    }

    /** @param capacity the most events this recorder keeps before refusing with {@link TraceCapacityException} */
    public TraceRecorder(TraceHeader header, long capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + " events, was " + capacity);
        }
        this.header = header;
        this.capacity = capacity;
    }

    public TraceHeader header() {
        return header;
    }

    /** The run's texts by id, for a store that takes the events' ids as they are ({@link TraceStore#forRun}). */
    InternTable texts() {
        return strings;
    }

    /** Nanoseconds since the run started, on the recorder's clock. */
    public long elapsedNanos() {
        return System.nanoTime() - originNanos;
    }

    /** The most events this recorder accepts (an {@code end} may go one beyond). */
    public long capacity() {
        return capacity;
    }

    /** Events published by writers so far, merged or not. Any thread; O(threads). */
    public long recordedCount() {
        long sum = 0;
        for (ThreadBuffer buffer : buffers.get()) {
            sum += buffer.publishedCount();
        }
        return sum;
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
                snapshot.add(load(seq).toEvent());
            }
            return snapshot;
        }
    }

    /**
     * Every event ready when the iteration gets there, in {@code seq} order, read in batches as
     * it goes: for writing a finished run's trace without a list of it (the list would cost
     * several times the recorder's 24 bytes an event). Meant for one reader, as {@link #drain}.
     */
    public Iterable<TraceEvent> eventsInOrder() {
        return () -> new java.util.Iterator<>() {
            private final List<TraceEvent> batch = new ArrayList<>(READ_BATCH);
            private int next;
            private long nextSeq;

            @Override
            public boolean hasNext() {
                if (next == batch.size()) {
                    batch.clear();
                    next = 0;
                    nextSeq = drain(nextSeq, READ_BATCH, batch::add);
                }
                return next < batch.size();
            }

            @Override
            public TraceEvent next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return batch.get(next++);
            }
        };
    }

    /**
     * Hands {@code consumer} the events from {@code fromSeq} on that are ready, in order, at most
     * {@code limit} of them, as values, and returns the next seq to ask for. Never blocks a
     * writer; meant for one reader (a file writer) that keeps its own position. A reader that
     * can take the events in place uses {@link #read} instead, which makes no object per event.
     */
    public long drain(long fromSeq, int limit, Consumer<? super TraceEvent> consumer) {
        return read(fromSeq, limit, event -> consumer.accept(event.toEvent()));
    }

    /**
     * Moves one {@link EventCursor} over the events from {@code fromSeq} on that are ready, in
     * order, at most {@code limit} of them, calling {@code reader} at each; returns the next seq
     * to ask for. The cursor is valid only during the call. Never blocks a writer; meant for one
     * reader at a time (the window's pulse, the command line's follower), which keeps its own
     * position; {@code reader} should be quick, as other readers wait meanwhile.
     */
    public long read(long fromSeq, int limit, Consumer<? super EventCursor> reader) {
        if (fromSeq < 0 || limit < 0) {
            throw new IllegalArgumentException("fromSeq and limit must not be negative: " + fromSeq + ", " + limit);
        }
        synchronized (readLock) {
            long to = Math.min(advanceWatermark(), fromSeq + limit);
            for (long seq = fromSeq; seq < to; seq++) {
                reader.accept(load(seq));
            }
            return Math.max(fromSeq, to);
        }
    }

    /**
     * The instant up to which a reader that has drained the events before {@code drainedSeq} has
     * all of the run: the last watermark's time when nothing published is left for it (no event
     * still to come can be stamped earlier), else {@link Long#MIN_VALUE}. A live view of a run
     * whose threads all wait draws their bars up to here, not only up to the last event.
     */
    public long completeUntilNanos(long drainedSeq) {
        synchronized (readLock) {
            return drainedSeq >= published ? completeUntilNanos : Long.MIN_VALUE;
        }
    }

    // ---- writers ------------------------------------------------------------------------------

    @Override
    public void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId) {
        int ids = ident == null && nativeId == null ? InternTable.NONE : strings.id(new ThreadIds(ident, nativeId));
        append(THREAD, (byte) (flag(daemon) | style.ordinal() << 1), tid, strings.id(name), 0, ids, false);
    }

    @Override
    public void state(int tid, ThreadState state, Reason reason, String on) {
        Reason why = reason == null ? Reason.NONE : reason;
        append(STATE, (byte) (state.ordinal() | why.ordinal() << 2), tid, ownId(on), 0, 0, false);
    }

    @Override
    public void queue(String queue, int depth, int maxsize, int tid, QueueOp op) {
        append(QUEUE, (byte) (op == null ? 0 : op.ordinal() + 1), tid, ownId(queue), depth, maxsize, false);
    }

    @Override
    public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
        append(JOIN, (byte) (flag(begin) | flag(timedOut) << 1), tid, targetTid, 0, 0, false);
    }

    @Override
    public void lock(String lock, int ownerTid) {
        append(LOCK, (byte) 0, NO_THREAD, ownId(lock), ownerTid, 0, false);
    }

    @Override
    public void signal(int tid, String event, boolean set) {
        append(SIGNAL, flag(set), tid, ownId(event), 0, 0, false);
    }

    @Override
    public void gil(int ownerTid) {
        append(GIL, (byte) 0, NO_THREAD, ownerTid, 0, 0, false);
    }

    @Override
    public void nameSteps(StepNames names) {
        stepNames = Objects.requireNonNull(names, "names");
    }

    @Override
    public void step(int tid, int stepId) {
        // the id alone: no text is looked up or interned on the run's hot path
        append(STEP, (byte) 0, tid, stepId, 0, 0, false);
    }

    /** The text of step {@code stepId} as this run names it ({@link #nameSteps}). */
    public String stepName(int stepId) {
        return stepNames.name(stepId);
    }

    @Override
    public void counter(int tid, String counter, long value) {
        // the 64-bit value split over two int columns: high half in b, low half in c
        append(VALUE, (byte) 0, tid, ownId(counter), (int) (value >>> 32), (int) value, false);
    }

    @Override
    public void local(int tid, String local, String text) {
        append(VALUE, EventCursor.LOCAL_VALUE, tid, ownId(local), strings.id(text), 0, false);
    }

    @Override
    public void print(int tid, String text) {
        append(PRINT, (byte) 0, tid, ownId(text), 0, 0, false);
    }

    @Override
    public void exception(int tid, String type, String message, boolean caught) {
        append(EXCEPTION, flag(caught), tid, strings.id(type), ownId(message), 0, false);
    }

    @Override
    public void errorReport(String text) {
        append(ERROR_REPORT, (byte) 0, NO_THREAD, strings.id(text), 0, 0, false);
    }

    @Override
    public void marker(String text) {
        append(MARKER, (byte) 0, NO_THREAD, ownId(text), 0, 0, false);
    }

    @Override
    public void end(Outcome outcome, String message) {
        append(END, (byte) outcome.ordinal(), NO_THREAD, ownId(message), 0, 0, true);
    }

    /** The intern id of {@code value}, through this thread's one-entry cache. */
    private int ownId(String value) {
        ThreadBuffer buffer = ownBuffer.get();
        if (value != buffer.lastInterned) {
            buffer.lastInternedId = strings.id(value);
            buffer.lastInterned = value;
        }
        return buffer.lastInternedId;
    }

    private void append(byte kind, byte flags, int tid, int a, int b, int c, boolean end) {
        if (tid < NO_THREAD || tid > MAX_TID) {
            throw new IllegalArgumentException("tid out of range: " + tid);
        }
        ThreadBuffer buffer = ownBuffer.get();
        if (buffer.reservedLeft == 0) {
            reserve(buffer, end);
        }
        if (buffer.writeSlot == buffer.writeChunk.t.length) {
            buffer.growChunk();
        }
        // From here to endEvent nothing can throw: an announcement left standing would hold the
        // watermark back for good.
        buffer.beginEvent(buffer.lastT);
        long t = System.nanoTime() - originNanos;
        if (t < buffer.lastT) {
            t = buffer.lastT;
        }
        EventChunk chunk = buffer.writeChunk;
        int slot = buffer.writeSlot++;
        chunk.t[slot] = t;
        chunk.kind[slot] = kind;
        chunk.flags[slot] = flags;
        chunk.tid[slot] = (short) tid;
        chunk.a[slot] = a;
        chunk.b[slot] = b;
        chunk.c[slot] = c;
        buffer.lastT = t;
        buffer.reservedLeft--;
        buffer.endEvent();
    }

    /** Takes room for the next events of this thread from the cap, a block at a time. */
    private void reserve(ThreadBuffer buffer, boolean end) {
        while (true) {
            long taken = reserved.get();
            long block = Math.min(RESERVATION_BLOCK, capacity - taken);
            if (block <= 0) {
                if (end && endReserved.compareAndSet(false, true)) {
                    buffer.reservedLeft = 1;
                    return;
                }
                throw new TraceCapacityException(TraceCapacityException.REACHED + ": the recorder holds at most "
                        + capacity + " events; shorten the run or raise the cap (it follows the memory Java may use:"
                        + " java -Xmx)", capacity);
            }
            if (reserved.compareAndSet(taken, taken + block)) {
                buffer.reservedLeft = block;
                return;
            }
        }
    }

    /** The writers' buffers, in registration order; for tests of the watermark. */
    ThreadBuffer[] threadBuffers() {
        return buffers.get();
    }

    private ThreadBuffer register() {
        while (true) {
            ThreadBuffer[] known = buffers.get();
            ThreadBuffer[] grown = Arrays.copyOf(known, known.length + 1);
            ThreadBuffer buffer = new ThreadBuffer(known.length);
            grown[known.length] = buffer;
            if (buffers.compareAndSet(known, grown)) {
                return buffer;
            }
        }
    }

    private static byte flag(boolean value) {
        return value ? (byte) 1 : (byte) 0;
    }

    // ---- reader (readLock held) ---------------------------------------------------------------

    private long advanceWatermark() {
        long now = System.nanoTime() - originNanos;
        // The clock read must not drift below the reads of the announcements that follow.
        VarHandle.fullFence();
        ThreadBuffer[] all = buffers.get();
        long watermark = now;
        for (ThreadBuffer buffer : all) {
            watermark = Math.min(watermark, buffer.pendingLowerBound());
        }
        for (ThreadBuffer buffer : all) {
            buffer.available = buffer.publishedCount();
            if (buffer.merged < buffer.available && buffer.nextT() <= watermark) {
                mergeOrder.add(buffer);
            }
        }
        long seq = published;
        while (!mergeOrder.isEmpty()) {
            ThreadBuffer buffer = mergeOrder.poll();
            ThreadBuffer runnerUp = mergeOrder.peek();
            // Take a run from this buffer while it stays ahead of the next one: one queue
            // operation per run, not per event.
            long bound = runnerUp == null ? watermark : Math.min(watermark, runnerUp.nextT() - 1);
            do {
                seq = moveRun(buffer, seq, bound);
            } while (buffer.merged < buffer.available && buffer.nextT() <= bound);
            if (buffer.merged < buffer.available && buffer.nextT() <= watermark) {
                mergeOrder.add(buffer);
            }
        }
        published = seq;
        completeUntilNanos = Math.max(completeUntilNanos, watermark);
        return seq;
    }

    /**
     * Moves the buffer's next event, and the ones after it in the same chunk stamped no later
     * than {@code bound}, to the store from {@code seq} on; returns the next seq.
     */
    private long moveRun(ThreadBuffer buffer, long seq, long bound) {
        buffer.nextT();
        EventChunk from = buffer.readChunk;
        int slot = buffer.readSlot;
        int limit = (int) Math.min(Math.min(from.t.length - slot, buffer.available - buffer.merged), store.roomAt(seq));
        int length = 1;
        while (length < limit && from.t[slot + length] <= bound) {
            length++;
        }
        store.putRun(seq, from, slot, length);
        for (int i = 0; i < length; i++) {
            if (from.kind[slot + i] == THREAD) {
                names.computeIfAbsent((int) from.tid[slot + i], k -> new NameHistory()).add(seq + i, from.a[slot + i]);
            }
        }
        buffer.readSlot = slot + length;
        buffer.merged += length;
        return seq + length;
    }

    /** Puts the cursor on {@code seq}. */
    private EventCursor load(long seq) {
        store.get(seq, scratch);
        cursor.seq = seq;
        cursor.t = scratch.t[0];
        cursor.kind = EventKind.ofCode(scratch.kind[0]);
        cursor.flags = scratch.flags[0] & 0xff;
        cursor.tid = scratch.tid[0];
        cursor.a = scratch.a[0];
        cursor.b = scratch.b[0];
        cursor.c = scratch.c[0];
        return cursor;
    }

    /** The name {@code tid} had at {@code seq}; the reader's (read lock held). */
    String nameAt(int tid, long seq) {
        NameHistory history = names.get(tid);
        return history == null ? null : strings.string(history.at(seq));
    }

    /**
     * ident and native_id of a started thread, interned as one value (a key). Its {@code equals} and {@code hashCode} are written out: a record's own are
     * made at first use by {@code ObjectMethods}, which spins method handles (about 60 classes
     * defined at run time, tens of milliseconds of every command line's start).
     */
    record ThreadIds(Long ident, Long nativeId) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ThreadIds that && Objects.equals(ident, that.ident)
                    && Objects.equals(nativeId, that.nativeId);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(ident) + Objects.hashCode(nativeId);
        }
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
