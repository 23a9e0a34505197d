package io.threadstage.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's events, kept in columns for drawing: per lane the state intervals, per queue the
 * depth samples, joins, lock handoffs, who holds which lock, wake-ups, markers and the GIL's
 * owner, as primitive arrays growing in chunks with texts interned (no object per event). Fed
 * in {@code seq} order, by {@link #append(EventCursor)} from a recorder or {@link #append(TraceEvent)} from a file; the queries answer per pixel column with
 * binary searches, so a frame costs the same for a thousand events and for ten million.
 *
 * <p>Lanes are the run's threads, {@code MainThread} (tid 0) first, the others in creation
 * order; every lane index below is such a display index.
 *
 * <p><b>Mixed columns.</b> When several intervals of a lane fall in one pixel column, the span
 * reports the <em>dominant</em> value (the (state, reason, on) that covers most of the column,
 * summed exactly over up to {@value IntervalColumn#EXACT_LIMIT} intervals, or counted at
 * {@value IntervalColumn#SAMPLES} evenly spaced instants when there are more; ties go to the
 * earliest) and sets {@code mixed}, so a view can both colour the column by what mostly
 * happened and show that it changed.
 *
 * <p><b>Dense views.</b> When a view shows more than {@value IntervalColumn#DENSE} intervals (or
 * queue samples) per column, reading them all would make a frame's cost follow the trace's
 * density. Such a view reads a summary instead: time cut into buckets as wide as a column or up
 * to half as wide, each keeping its dominant value and whether it is mixed (for a queue: its
 * least and greatest depth, exactly), made on first use per bucket width and extended as the run
 * grows. A column then takes the dominant value of the one to three buckets it meets; columns
 * at the edges of what the summary covers are read from the intervals as above.
 *
 * <p>Thread: owned by one reader thread (the FX thread for a live view, the loading thread for
 * a file); nothing here is synchronised.
 */
public final class TraceStore {

    /** Receives merged intervals; see {@link #spans}. */
    @FunctionalInterface
    public interface SpanSink {
        /**
         * Pixel columns {@code [x0, x1)} of lane {@code lane} show {@code code} (see {@link StateCode})
         * waiting {@code on} (a {@link #text(int)} id, -1 for none). Unmixed: {@code [startNanos, endNanos)}
         * is the whole interval. Mixed: the columns' own time range.
         */
        void span(int lane, int x0, int x1, int code, int on, long startNanos, long endNanos, boolean mixed);
    }

    /** Receives a queue's depth per run of pixel columns. */
    @FunctionalInterface
    public interface DepthSink {
        void depth(int x0, int x1, int minDepth, int maxDepth);
    }

    /** Receives a counter's value per run of pixel columns: the value each column ends with. */
    @FunctionalInterface
    public interface ValueSink {
        void value(int x0, int x1, long value);
    }

    /** Receives a local's value set on a lane: {@code local} and {@code text} are {@link #text(int)} ids. */
    @FunctionalInterface
    public interface LocalSink {
        void local(int lane, long nanos, int local, int text);
    }

    /** Receives arrows between lanes. */
    @FunctionalInterface
    public interface LinkSink {
        /**
         * @param open     the end is not known yet (still blocked): {@code toNanos} is the limit
         * @param timedOut a join that returned because its timeout expired
         * @param on       a {@link #text(int)} id of the lock or event; for {@link LinkKind#FEED}, the queue index
         */
        void link(LinkKind kind, int fromLane, long fromNanos, int toLane, long toNanos, boolean open,
                  boolean timedOut, int on);
    }

    /** Receives when a lane holds locks; see {@link #holds}. */
    @FunctionalInterface
    public interface HoldSink {
        /**
         * Pixel columns {@code [x0, x1)} of lane {@code lane} hold {@code count} locks, {@code lock}
         * (a {@link #lockName(int)} index) the one taken last. Unmixed: {@code [startNanos, endNanos)}
         * is the whole interval of that holding. Mixed: the columns' own time range.
         */
        void hold(int lane, int x0, int x1, int lock, int count, long startNanos, long endNanos, boolean mixed);
    }

    /** Receives markers; {@code count} markers were merged into this one (it is the most severe). */
    @FunctionalInterface
    public interface MarkerSink {
        void marker(int lane, long nanos, MarkerKind kind, int text, int count);
    }

    public enum LinkKind {
        /** From a joiner (at the join's begin) to the joined thread (at the return). */
        JOIN,
        /** From a lock's release to the acquire by a thread that was blocked on it. */
        LOCK,
        /** From {@code Event.set} to the wake-up of a thread waiting on the event. */
        SIGNAL,
        /** From a {@code put} to the {@code get} that took the item. */
        FEED
    }

    /** Kinds of instant markers, least severe first. */
    public enum MarkerKind { CAPTION, PRINT, CAUGHT, RUNTIME_ERROR, UNCAUGHT }

    /** A thread as shown: {@code name} is its current name, {@code pool} marks an executor's thread. */
    public record Lane(int index, int tid, String name, String style, boolean daemon, boolean pool) {
    }

    /** One state interval, for a hover; {@code end} is the limit when the interval is still going on. */
    public record Interval(int lane, ThreadState state, Reason reason, String on, long startNanos, long endNanos) {
    }

    /** One marker, for a tooltip. */
    public record Marker(int lane, long nanos, MarkerKind kind, String text) {
    }

    /** A queue as shown: its last known {@code maxsize} (0: unbounded) and the deepest it got. */
    public record QueueInfo(int index, String name, int maxsize, int peakDepth) {
    }

    /**
     * A counter as shown: the value it started with, its last value, its range, and how many
     * writes it had (a lost update is a write that left the value where another write put it).
     */
    public record CounterInfo(int index, String name, long startValue, long lastValue, long least, long greatest,
                              long writes) {
    }

    private static final long NONE = Long.MIN_VALUE;

    /** What {@link #stepAt} gives before a lane's first step. */
    public static final int NO_STEP = -1;

    private final InternTable strings;
    /** The run whose recorder this store shares ({@link #forRun}): it names the steps; null otherwise. */
    private final TraceRecorder run;
    /** The names of the steps of a store not made for its run, each kept when first seen. */
    private final Map<Integer, String> stepNames = new HashMap<>();
    private final List<LaneData> lanes = new ArrayList<>();
    /** Display index to internal index: MainThread first, then creation order. */
    private int[] order = new int[0];
    private int[] displayOf = new int[0];
    /** Internal lane by tid, -1 where none. */
    private int[] laneByTid = new int[0];
    private final List<QueueColumn> queues = new ArrayList<>();
    /** Queue index by the text id of its name; the last one looked up is remembered, as a run has few queues. */
    private final Map<Integer, Integer> queueByName = new HashMap<>();
    private int lastQueueName = Integer.MIN_VALUE;
    private int lastQueueIndex;
    private final List<CounterColumn> counters = new ArrayList<>();
    private final Map<Integer, Integer> counterByName = new HashMap<>();
    private final LocalColumn localSets = new LocalColumn();
    private final Map<Integer, long[]> locks = new HashMap<>();
    /** Per event (text id): the internal lanes whose last interval waits on it, so a set finds them without a look at every lane. */
    private final Map<Integer, BitSet> eventWaiters = new HashMap<>();
    private final LockHolds holds = new LockHolds();
    private final LinkColumn joins = new LinkColumn();
    private final LinkColumn handoffs = new LinkColumn();
    private final MarkerColumn captions = new MarkerColumn();
    /** When the interpreter's exit began ({@link TraceSink#SHUTDOWN_MARKER}), or -1. */
    private long shutdownNanos = -1;
    private final IntervalColumn gil = new IntervalColumn();
    /** What the program wrote, prints and error reports, in the run's order: a console is a view of it. */
    private final ConsoleColumn console = new ConsoleColumn();
    private long events;
    /** Which state codes, link kinds and marker kinds occur: the legend shows only those. */
    private final long[] usedCodes = new long[(StateCode.LIMIT + 63) / 64];
    private int usedLinks;
    private int usedMarkers;
    private long startNanos = NONE;
    private long latestNanos;
    private Outcome outcome;
    private String outcomeMessage;

    /** {@link LaneData#waitingOnEvent} of a lane that waits on no {@code threading.Event}. */
    private static final int NO_EVENT = Integer.MIN_VALUE;
    private static final int WAITING_ON_EVENT = StateCode.of(ThreadState.WAITING, Reason.EVENT);

    private static final class LaneData {
        final int tid;
        final int internal;
        /** The text id of the event this lane's last interval waits on, or {@link #NO_EVENT}. */
        int waitingOnEvent = NO_EVENT;
        String name;
        String style;
        boolean daemon;
        /** CPython's {@code ident} and {@code native_id}, null until the thread started (at {@link #startedNanos}). */
        Long ident;
        Long nativeId;
        long startedNanos = Long.MAX_VALUE;
        final IntervalColumn intervals = new IntervalColumn();
        final MarkerColumn markers = new MarkerColumn();
        /** When each step began and which ({@link #stepAt}): the code line the thread was on at any instant. */
        final LongColumn stepTimes = new LongColumn();
        final IntColumn stepIds = new IntColumn();
        int openJoin = -1;
        int openSignal = -1;

        LaneData(int tid, int internal, String name) {
            this.tid = tid;
            this.internal = internal;
            this.name = name;
        }
    }

    /** A store with texts of its own, for a trace read from a file or made by a test. */
    public TraceStore() {
        this(new InternTable(), null);
    }

    private TraceStore(InternTable texts, TraceRecorder run) {
        this.strings = texts;
        this.run = run;
    }

    /**
     * A store for {@code recorder}'s run that shares the recorder's texts, so its events move
     * over by id ({@link #append(EventCursor)}) without a string being looked up again.
     */
    public static TraceStore forRun(TraceRecorder recorder) {
        return new TraceStore(recorder.texts(), recorder);
    }

    /** Adds the next event of the run (events must come in {@code seq} order). */
    public void append(TraceEvent event) {
        if (event instanceof TraceEvent.ErrorReport report) {
            console.add(report.t(), strings.id(report.text()), true);
            return;
        }
        long t = event.t();
        begin(t);
        if (event instanceof TraceEvent.State s) {
            addState(t, internalLane(s.tid(), s.thread()), StateCode.of(s.state(), s.reason()), strings.id(s.on()));
        } else if (event instanceof TraceEvent.ThreadInfo info) {
            addThread(t, internalLane(info.tid(), info.thread()), info.thread(), info.style(), info.daemon(),
                    info.ident(), info.nativeId());
        } else if (event instanceof TraceEvent.QueueDepth q) {
            addQueue(t, strings.id(q.on()), q.depth(), q.maxsize(), q.tid() < 0 ? -1 : internalLane(q.tid(), q.thread()),
                    QueueOp.ofJson(q.op()));
        } else if (event instanceof TraceEvent.Join j) {
            addJoin(t, internalLane(j.tid(), j.thread()), j.target(), j.begin(), j.timedOut());
        } else if (event instanceof TraceEvent.LockOwner l) {
            addLock(t, strings.id(l.on()), l.owner());
        } else if (event instanceof TraceEvent.Signal s) {
            addSignal(t, internalLane(s.tid(), s.thread()), strings.id(s.on()), s.set());
        } else if (event instanceof TraceEvent.Gil g) {
            addGil(t, g.owner());
        } else if (event instanceof TraceEvent.Print p) {
            addPrint(t, internalLane(p.tid(), p.thread()), strings.id(p.text()));
        } else if (event instanceof TraceEvent.ExceptionRaised e) {
            addException(t, internalLane(e.tid(), e.thread()), e.type(), e.message(), e.caught());
        } else if (event instanceof TraceEvent.StepBegin step) {
            addStep(t, internalLane(step.tid(), step.thread()), stepOf(step));
        } else if (event instanceof TraceEvent.ValueChange v) {
            int lane = internalLane(v.tid(), v.thread());
            if (v.local()) {
                localSets.append(t, lane, strings.id(v.on()), strings.id(v.text()));
            } else {
                addCounter(t, strings.id(v.on()), v.number());
            }
        } else if (event instanceof TraceEvent.Marker m) {
            addCaption(t, strings.id(m.text()));
        } else if (event instanceof TraceEvent.End end) {
            outcome = end.outcome();
            outcomeMessage = end.message();
        }
    }

    /**
     * Adds the recorder's next event where the cursor stands (events must come in {@code seq}
     * order): the columns' values and, for a store {@link #forRun made for the run}, their text ids
     * as they are. Error reports are not part of the picture and are passed over.
     */
    public void append(EventCursor e) {
        EventKind kind = e.kind();
        if (kind == EventKind.ERROR_REPORT) {
            console.add(e.t(), idOf(e, e.textId()), true);
            return;
        }
        long t = e.t();
        begin(t);
        switch (kind) {
            case STATE -> addState(t, laneOf(e), StateCode.of(e.state(), e.reason()), idOf(e, e.onId()));
            case THREAD -> addThread(t, laneOf(e), e.name(), e.style().json(), e.daemon(), e.ident(), e.nativeId());
            case QUEUE -> addQueue(t, idOf(e, e.onId()), e.depth(), e.maxsize(), e.tid() < 0 ? -1 : laneOf(e), e.op());
            case JOIN -> addJoin(t, laneOf(e), e.target(), e.begin(), e.timedOut());
            case LOCK -> addLock(t, idOf(e, e.onId()), e.owner());
            case SIGNAL -> addSignal(t, laneOf(e), idOf(e, e.onId()), e.set());
            case GIL -> addGil(t, e.owner());
            case PRINT -> addPrint(t, laneOf(e), idOf(e, e.textId()));
            case EXCEPTION -> addException(t, laneOf(e), e.type(), e.message(), e.caught());
            case MARKER -> addCaption(t, idOf(e, e.textId()));
            case VALUE -> {
                if (e.local()) {
                    localSets.append(t, laneOf(e), idOf(e, e.onId()), idOf(e, e.localTextId()));
                } else {
                    addCounter(t, idOf(e, e.onId()), e.counterValue());
                }
            }
            case END -> {
                outcome = e.outcome();
                outcomeMessage = e.message();
            }
            case STEP -> addStep(t, laneOf(e), stepOf(e));
            default -> {
                // nothing else is kept
            }
        }
    }

    /** The run's step id; a store not made for that run keeps the id's name the first time. */
    private int stepOf(EventCursor e) {
        int id = e.stepId();
        if (e.texts() != strings && !stepNames.containsKey(id)) {
            stepNames.put(id, e.stepName());
        }
        return id;
    }

    /**
     * A file's step: its id with its path kept the first time, or, for a file that gave only the
     * path, a number of the path's own below {@link #NO_STEP}, so it can never be taken for an id.
     */
    private int stepOf(TraceEvent.StepBegin step) {
        if (step.id() < 0) {
            return NO_STEP - 1 - strings.id(step.path());
        }
        stepNames.putIfAbsent(step.id(), step.path());
        return step.id();
    }

    /** This store's id of the recorder's text {@code id}: the same when the texts are shared. */
    private int idOf(EventCursor e, int id) {
        return e.texts() == strings ? id : strings.id(e.text(id));
    }

    /** The internal lane of the cursor's thread; its name is looked up only for a thread seen first. */
    private int laneOf(EventCursor e) {
        int tid = e.tid();
        if (tid >= 0 && tid < laneByTid.length && laneByTid[tid] >= 0) {
            return laneByTid[tid];
        }
        return internalLane(tid, e.kind() == EventKind.THREAD ? e.name() : e.thread());
    }

    private void begin(long t) {
        events++;
        if (startNanos == NONE) {
            startNanos = t;
        }
        latestNanos = Math.max(latestNanos, t);
    }

    private void addThread(long t, int internal, String name, String style, boolean daemon, Long ident, Long nativeId) {
        LaneData lane = lanes.get(internal);
        lane.name = name;
        lane.style = style;
        lane.daemon = daemon;
        if (ident != null && lane.ident == null) {
            // ids come once, at start(); a later rename repeats them and must not move the start
            lane.ident = ident;
            lane.nativeId = nativeId;
            lane.startedNanos = t;
        }
    }

    private void addGil(long t, int owner) {
        gil.append(t, owner < 0 ? 0 : 1, owner < 0 ? -1 : internalLane(owner, null));
    }

    private void addPrint(long t, int internal, int text) {
        console.add(t, text, false);
        lanes.get(internal).markers.add(t, MarkerKind.PRINT, text);
        usedMarkers |= 1 << MarkerKind.PRINT.ordinal();
    }

    private void addException(long t, int internal, String type, String message, boolean caught) {
        MarkerKind kind = "RuntimeError".equals(type) ? MarkerKind.RUNTIME_ERROR
                : caught ? MarkerKind.CAUGHT : MarkerKind.UNCAUGHT;
        String text = message == null || message.isEmpty() ? type : type + ": " + message;
        if (caught && kind == MarkerKind.RUNTIME_ERROR) {
            text += " (caught)";
        }
        lanes.get(internal).markers.add(t, kind, strings.id(text));
        usedMarkers |= 1 << kind.ordinal();
    }

    private void addStep(long t, int internal, int step) {
        LaneData lane = lanes.get(internal);
        lane.stepTimes.add(t);
        lane.stepIds.add(step);
    }

    private void addCaption(long t, int text) {
        if (shutdownNanos < 0 && TraceSink.SHUTDOWN_MARKER.equals(strings.string(text))) {
            shutdownNanos = t;
        }
        captions.add(t, MarkerKind.CAPTION, text);
        usedMarkers |= 1 << MarkerKind.CAPTION.ordinal();
    }

    private void addState(long t, int internal, int code, int on) {
        LaneData lane = lanes.get(internal);
        if (lane.openSignal >= 0) {
            handoffs.close(lane.openSignal, t, false);
            lane.openSignal = -1;
        }
        usedCodes[code >>> 6] |= 1L << code;
        lane.intervals.append(t, code, on);
        if (lane.waitingOnEvent != NO_EVENT) {
            eventWaiters.get(lane.waitingOnEvent).clear(lane.internal);
            lane.waitingOnEvent = NO_EVENT;
        }
        if (code == WAITING_ON_EVENT) {
            eventWaiters.computeIfAbsent(on, k -> new BitSet()).set(lane.internal);
            lane.waitingOnEvent = on;
        }
    }

    private void addCounter(long t, int name, long value) {
        Integer index = counterByName.get(name);
        if (index == null) {
            index = counters.size();
            counters.add(new CounterColumn(strings.string(name)));
            counterByName.put(name, index);
        }
        counters.get(index).append(t, value);
    }

    private void addQueue(long t, int name, int depth, int maxsize, int lane, QueueOp queueOp) {
        int index;
        if (name == lastQueueName) {
            index = lastQueueIndex;
        } else {
            Integer known = queueByName.get(name);
            if (known == null) {
                known = queues.size();
                queues.add(new QueueColumn(strings.string(name)));
                queueByName.put(name, known);
            }
            index = known;
            lastQueueName = name;
            lastQueueIndex = index;
        }
        int op = queueOp == QueueOp.PUT ? QueueColumn.OP_PUT : queueOp == QueueOp.GET ? QueueColumn.OP_GET
                : QueueColumn.OP_OTHER;
        queues.get(index).append(t, depth, maxsize, lane, op);
        if (op == QueueColumn.OP_GET) {
            usedLinks |= 1 << LinkKind.FEED.ordinal();
        }
    }

    private void addJoin(long t, int joinerLane, int target, boolean begin, boolean timedOut) {
        LaneData joiner = lanes.get(joinerLane);
        if (begin) {
            int targetLane = internalLane(target, null);
            joiner.openJoin = joins.add(LinkKind.JOIN, t, internalOf(joiner), t, targetLane, -1, -1);
            usedLinks |= 1 << LinkKind.JOIN.ordinal();
        } else if (joiner.openJoin >= 0) {
            joins.close(joiner.openJoin, t, timedOut);
            joiner.openJoin = -1;
        }
    }

    /** Per lock: {owner's internal lane or -1, release time, releaser's internal lane}. */
    private void addLock(long t, int on, int owner) {
        holds.owner(t, on, owner < 0 ? -1 : internalLane(owner, null));
        long[] lock = locks.computeIfAbsent(on, k -> new long[] {-1, NONE, -1});
        if (owner < 0) {
            if (lock[0] >= 0) {
                lock[1] = t;
                lock[2] = lock[0];
            }
            lock[0] = -1;
            return;
        }
        int acquirer = internalLane(owner, null);
        long releasedAt = lock[0] >= 0 ? t : lock[1];
        int releaser = (int) (lock[0] >= 0 ? lock[0] : lock[2]);
        if (releasedAt != NONE && releaser >= 0 && releaser != acquirer
                && wasWaitingOn(acquirer, releasedAt, Reason.LOCK, on)) {
            handoffs.add(LinkKind.LOCK, t, releaser, releasedAt, acquirer, t, on);
            usedLinks |= 1 << LinkKind.LOCK.ordinal();
        }
        lock[0] = acquirer;
        lock[1] = NONE;
        lock[2] = -1;
    }

    private boolean wasWaitingOn(int internalLane, long t, Reason reason, int on) {
        IntervalColumn intervals = lanes.get(internalLane).intervals;
        int index = intervals.indexAt(t);
        return index >= 0 && intervals.code(index) == StateCode.of(ThreadState.WAITING, reason)
                && intervals.on(index) == on;
    }

    private void addSignal(long t, int setterLane, int on, boolean set) {
        if (!set) {
            return;
        }
        BitSet waiters = eventWaiters.get(on);
        if (waiters == null) {
            return;
        }
        LaneData setter = lanes.get(setterLane);
        // lanes in creation order, as a look at every lane would find them
        for (int internal = waiters.nextSetBit(0); internal >= 0; internal = waiters.nextSetBit(internal + 1)) {
            LaneData lane = lanes.get(internal);
            if (lane != setter && lane.openSignal < 0) {
                lane.openSignal = handoffs.add(LinkKind.SIGNAL, t, internalOf(setter), t, internal, -1, on);
                usedLinks |= 1 << LinkKind.SIGNAL.ordinal();
                // woken: no later set links to this wait, so later sets need not look at it
                waiters.clear(internal);
                lane.waitingOnEvent = NO_EVENT;
            }
        }
    }

    private int internalOf(LaneData lane) {
        return lane.internal;
    }

    /**
     * The lane of {@code tid}, made on first sight. Constant time (amortised): the display order
     * grows by half when full, and only a MainThread seen late moves the others, once.
     */
    private int internalLane(int tid, String name) {
        if (tid >= 0 && tid < laneByTid.length && laneByTid[tid] >= 0) {
            return laneByTid[tid];
        }
        if (tid < 0) {
            throw new IllegalArgumentException("no lane for tid " + tid);
        }
        int internal = lanes.size();
        lanes.add(new LaneData(tid, internal, name == null ? "Thread-" + tid : name));
        if (tid >= laneByTid.length) {
            int before = laneByTid.length;
            laneByTid = Arrays.copyOf(laneByTid, Math.max(tid + 1, before * 2));
            Arrays.fill(laneByTid, before, laneByTid.length, -1);
        }
        laneByTid[tid] = internal;
        if (internal == order.length) {
            order = Arrays.copyOf(order, Math.max(8, internal + (internal >> 1)));
            displayOf = Arrays.copyOf(displayOf, order.length);
        }
        if (tid == 0) {
            // MainThread goes first even if another thread was seen before it (rare: a hand-written trace).
            System.arraycopy(order, 0, order, 1, internal);
            order[0] = internal;
            for (int display = 0; display <= internal; display++) {
                displayOf[order[display]] = display;
            }
        } else {
            // a new lane goes last, MainThread or not
            order[internal] = internal;
            displayOf[internal] = internal;
        }
        return internal;
    }

    // ---- queries ------------------------------------------------------------------------

    /** How many events were appended. */
    public long eventCount() {
        return events;
    }

    /** The first event's time, 0 when empty. */
    public long startNanos() {
        return startNanos == NONE ? 0 : startNanos;
    }

    /**
     * The newest instant the trace is known up to: its newest event's time, or later when a live
     * run was known quiet since ({@link #quietUntil}); the run's end once {@link #outcome()} is known.
     */
    public long endNanos() {
        return latestNanos;
    }

    /**
     * Records that no event of the run is missing before {@code t}: its threads went on in the
     * states they were last in, so open intervals reach {@code t}. Ignored before the first event,
     * after the run's end and for instants already covered.
     */
    public void quietUntil(long t) {
        if (startNanos != NONE && outcome == null) {
            latestNanos = Math.max(latestNanos, t);
        }
    }

    /** How the run ended, or null while it runs. */
    public Outcome outcome() {
        return outcome;
    }

    public String outcomeMessage() {
        return outcomeMessage;
    }

    /** Whether some interval has state code {@code code} (see {@link StateCode}). */
    public boolean usesCode(int code) {
        return (usedCodes[code >>> 6] & 1L << code) != 0;
    }

    public boolean usesLink(LinkKind kind) {
        return (usedLinks & 1 << kind.ordinal()) != 0;
    }

    /** When the interpreter's exit began ({@link TraceSink#SHUTDOWN_MARKER}); -1 when the trace does not say. */
    public long shutdownNanos() {
        return shutdownNanos;
    }

    /** Whether a join wait of {@code lane} starting at {@code startNanos} is the exit's wait for a non-daemon thread. */
    public boolean shutdownJoin(int lane, long startNanos) {
        return lane == 0 && shutdownNanos >= 0 && startNanos >= shutdownNanos;
    }

    public boolean usesMarker(MarkerKind kind) {
        return (usedMarkers & 1 << kind.ordinal()) != 0;
    }

    public String text(int id) {
        return strings.string(id);
    }

    public int laneCount() {
        return lanes.size();
    }

    public Lane lane(int index) {
        LaneData data = lanes.get(order[index]);
        return new Lane(index, data.tid, data.name, data.style, data.daemon, "pool".equals(data.style));
    }

    public List<Lane> lanes() {
        List<Lane> all = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            all.add(lane(i));
        }
        return all;
    }

    /**
     * CPython's {@code ident} of lane {@code lane} at {@code t}: null before {@code start()} was
     * recorded (a created thread has none), and after it the id the start gave it.
     */
    public Long identAt(int lane, long t) {
        LaneData data = lanes.get(order[lane]);
        return t >= data.startedNanos ? data.ident : null;
    }

    /** CPython's {@code native_id} of lane {@code lane} at {@code t}: null before the start, as {@link #identAt}. */
    public Long nativeIdAt(int lane, long t) {
        LaneData data = lanes.get(order[lane]);
        return t >= data.startedNanos ? data.nativeId : null;
    }

    /**
     * The id of the step lane {@code lane} began last at or before {@code t} (the run's step id,
     * as a {@code PythonSource} maps ids to lines), or {@link #NO_STEP} before its first.
     */
    public int stepAt(int lane, long t) {
        LaneData data = lanes.get(order[lane]);
        int index = data.stepTimes.lastAtOrBefore(t);
        return index < 0 ? NO_STEP : data.stepIds.get(index);
    }

    /** The name of a step {@link #stepAt} gave (its JSON path for a scenario's run), for a message or a file. */
    public String stepName(int step) {
        if (step < NO_STEP) {
            return strings.string(NO_STEP - 1 - step);
        }
        if (run != null) {
            return run.stepName(step);
        }
        String name = stepNames.get(step);
        return name != null ? name : StepNames.NUMBERS.name(step);
    }

    /** How many console entries (prints and error reports) were written at or before {@code t}. */
    public int consoleCountAt(long t) {
        return console.countAt(t);
    }

    /** Console entry {@code index} (0 to {@link #consoleCountAt} - 1): its text, which for a report may span lines. */
    public String consoleText(int index) {
        return strings.string(console.text(index));
    }

    /** Whether console entry {@code index} is an error report (standard error) rather than a print. */
    public boolean consoleError(int index) {
        return console.error(index);
    }

    /** The display index of thread {@code tid}, or -1. */
    public int laneOfTid(int tid) {
        return tid < 0 || tid >= laneByTid.length || laneByTid[tid] < 0 ? -1 : displayOf[laneByTid[tid]];
    }

    /**
     * Reports the state intervals of lanes {@code [fromLane, toLane)} seen through {@code columns}
     * pixel columns spanning {@code [t0, t1)}, merged to at most one span per lane per column
     * (see the class comment on mixed columns). Nothing after {@code horizon} is shown (a replay's
     * present; {@link Long#MAX_VALUE} for all), and nothing after {@link #endNanos()}.
     */
    public void spans(int fromLane, int toLane, long t0, long t1, int columns, long horizon, SpanSink sink) {
        long limit = Math.min(horizon, latestNanos);
        for (int lane = Math.max(0, fromLane); lane < Math.min(toLane, lanes.size()); lane++) {
            lanes.get(order[lane]).intervals.spans(lane, t0, t1, columns, limit, sink);
        }
    }

    /** The interval of {@code lane} covering {@code t}, or null (before the thread existed, after the horizon). */
    public Interval intervalAt(int lane, long t, long horizon) {
        long limit = Math.min(horizon, latestNanos);
        if (lane < 0 || lane >= lanes.size() || t > limit) {
            return null;
        }
        IntervalColumn intervals = lanes.get(order[lane]).intervals;
        int index = intervals.indexAt(t);
        if (index < 0) {
            return null;
        }
        int code = intervals.code(index);
        return new Interval(lane, StateCode.state(code), StateCode.reason(code), strings.string(intervals.on(index)),
                intervals.start(index), intervals.end(index, limit));
    }

    public int queueCount() {
        return queues.size();
    }

    public QueueInfo queue(int index) {
        QueueColumn queue = queues.get(index);
        return new QueueInfo(index, queue.name, queue.maxsize(), queue.peak());
    }

    /** The depth of queue {@code index} at {@code t} (0 before its first put). */
    public int queueDepthAt(int index, long t) {
        return queues.get(index).depthAt(t);
    }

    /**
     * Queue {@code index}'s depth per pixel column: min and max over each column (exact up to
     * {@value QueueColumn#EXACT_LIMIT} samples in a column, else taken at as many evenly spaced
     * instants; in a dense view, exact over the buckets the column meets: see the class comment),
     * columns with equal extremes merged.
     */
    public void queueDepths(int index, long t0, long t1, int columns, long horizon, DepthSink sink) {
        queues.get(index).depths(t0, t1, columns, Math.min(horizon, latestNanos), sink);
    }

    public int counterCount() {
        return counters.size();
    }

    public CounterInfo counter(int index) {
        return counters.get(index).info(index);
    }

    /** Counter {@code index}'s value at {@code t}, or {@link Long#MIN_VALUE} before its first. */
    public long counterValueAt(int index, long t) {
        return counters.get(index).valueAt(t);
    }

    /** Counter {@code index}'s value at the end of each pixel column, columns of equal value merged. */
    public void counterValues(int index, long t0, long t1, int columns, long horizon, ValueSink sink) {
        counters.get(index).steps(t0, t1, columns, Math.min(horizon, latestNanos) + 1, sink);
    }

    /**
     * Locals' values set in {@code [t0, t1]} up to {@code horizon}, at most one a lane every
     * {@code minGapNanos} and {@code most} in all.
     */
    public void localValues(long t0, long t1, long horizon, long minGapNanos, int most, LocalSink sink) {
        localSets.query(t0, t1, Math.min(horizon, latestNanos) + 1, minGapNanos, most, displayOf, sink);
    }

    /** Joins meeting {@code [t0, t1]}: from the joiner at the begin to the target at the return. */
    public void joins(long t0, long t1, long horizon, LinkSink sink) {
        joins.query(t0, t1, Math.min(horizon, latestNanos), 0, 0, Integer.MAX_VALUE, displayOf, sink);
    }

    /**
     * Lock handoffs, wake-ups by {@code Event.set} and put-to-get feeds meeting {@code [t0, t1]};
     * after a reported link, links recorded less than {@code minGapNanos} later are skipped (a
     * few pixels' worth keeps the arrows readable and the cost bounded).
     */
    public void handoffs(long t0, long t1, long horizon, long minGapNanos, LinkSink sink) {
        handoffs(t0, t1, horizon, minGapNanos, 0, Integer.MAX_VALUE, sink);
    }

    /**
     * As {@link #handoffs(long, long, long, long, LinkSink)}, reporting only the links with an
     * end on a display lane in {@code [fromLane, toLane)}. The others still thin the crowd, so
     * scrolling the lanes never changes which link stands for a few pixels' worth; but they
     * cost no more than a look at their lanes, which matters at fit, where a thousand threads
     * show a few dozen lanes.
     */
    public void handoffs(long t0, long t1, long horizon, long minGapNanos, int fromLane, int toLane, LinkSink sink) {
        long limit = Math.min(horizon, latestNanos);
        handoffs.query(t0, t1, limit, minGapNanos, fromLane, toLane, displayOf, sink);
        for (int q = 0; q < queues.size(); q++) {
            queues.get(q).feeds(q, t0, t1, limit, minGapNanos, fromLane, toLane, displayOf, sink);
        }
    }

    /** Whether a link between display lanes {@code from} and {@code to} has an end in {@code [fromLane, toLane)}. */
    static boolean touches(int from, int to, int fromLane, int toLane) {
        return from >= fromLane && from < toLane || to >= fromLane && to < toLane;
    }

    /** Markers of lane {@code lane} (-1: the run's captions) in {@code [t0, t1]}, thinned by {@code minGapNanos}. */
    public void markers(int lane, long t0, long t1, long horizon, long minGapNanos, MarkerSink sink) {
        markerColumn(lane).query(lane, t0, t1, Math.min(horizon, latestNanos), minGapNanos, sink);
    }

    /** The marker of {@code lane} nearest {@code t} within {@code toleranceNanos}, or null. */
    public Marker markerNear(int lane, long t, long toleranceNanos, long horizon) {
        if (lane < -1 || lane >= lanes.size()) {
            return null;
        }
        MarkerColumn column = markerColumn(lane);
        int index = column.nearest(t, toleranceNanos);
        if (index < 0 || column.time(index) > Math.min(horizon, latestNanos)) {
            return null;
        }
        return new Marker(lane, column.time(index), column.kind(index), strings.string(column.text(index)));
    }

    private MarkerColumn markerColumn(int lane) {
        return lane < 0 ? captions : lanes.get(order[lane]).markers;
    }

    /**
     * The display lane of the thread that {@code lane} waits for at the newest recorded instant:
     * the holder of the lock it is blocked on, or the thread it joins; -1 when it is not blocked
     * on either or the other thread is unknown. A finished run's deadlock cycle is these edges.
     */
    public int waitsFor(int lane) {
        if (lane < 0 || lane >= lanes.size()) {
            return -1;
        }
        LaneData data = lanes.get(order[lane]);
        IntervalColumn intervals = data.intervals;
        int last = intervals.size() - 1;
        if (last > 0 && intervals.code(last) == StateCode.of(ThreadState.TERMINATED, Reason.STOPPED)) {
            // a deadlocked run is stopped at its end: what the thread waited for is the state before
            last--;
        }
        if (last < 0) {
            return -1;
        }
        int code = intervals.code(last);
        if (code == StateCode.of(ThreadState.WAITING, Reason.LOCK)) {
            long[] lock = locks.get(intervals.on(last));
            return lock == null || lock[0] < 0 ? -1 : displayOf[(int) lock[0]];
        }
        if (code == StateCode.of(ThreadState.WAITING, Reason.JOIN) && data.openJoin >= 0) {
            int target = joins.toLane(data.openJoin);
            return target < 0 ? -1 : displayOf[target];
        }
        return -1;
    }

    /** How many locks were ever held, numbered in the order of their first owner. */
    public int lockCount() {
        return holds.lockCount();
    }

    /** The name of lock {@code index} (0 to {@link #lockCount()} - 1). */
    public String lockName(int index) {
        return strings.string(holds.text(index));
    }

    /**
     * Reports when lanes {@code [fromLane, toLane)} hold locks, seen through {@code columns} pixel
     * columns spanning {@code [t0, t1)}, merged to at most one span per lane per column: a column
     * where the lane's holding changed reports the dominant (count, last-taken lock), flagged
     * mixed, and is left out when that is "none" (see {@link HoldColumn}). Nothing after
     * {@code horizon} or {@link #endNanos()}. The cost follows the columns where holdings change.
     */
    public void holds(int fromLane, int toLane, long t0, long t1, int columns, long horizon, HoldSink sink) {
        long limit = Math.min(horizon, latestNanos);
        for (int lane = Math.max(0, fromLane); lane < Math.min(toLane, lanes.size()); lane++) {
            holds.spans(order[lane], lane, t0, t1, columns, limit, sink);
        }
    }

    /**
     * The locks ({@link #lockName(int)} indices) lane {@code lane} holds at {@code t}, in the order
     * it took them (the last one innermost); empty after the horizon or the newest event.
     */
    public int[] locksHeldAt(int lane, long t, long horizon) {
        if (lane < 0 || lane >= lanes.size() || t > Math.min(horizon, latestNanos)) {
            return new int[0];
        }
        return holds.heldAt(order[lane], t);
    }

    /** Whether the run recorded any GIL handoff (the GIL strip is worth drawing). */
    public boolean hasGil() {
        return gil.size() > 0;
    }

    /**
     * Who holds the GIL per pixel column, merged as {@link #spans}: {@code code} 1 held (by the
     * display lane in {@code on}), 0 free; {@code lane} is -1.
     */
    public void gilSpans(long t0, long t1, int columns, long horizon, SpanSink sink) {
        int[] display = displayOf;
        gil.spans(-1, t0, t1, columns, Math.min(horizon, latestNanos),
                (lane, x0, x1, code, on, start, end, mixed) -> sink.span(lane, x0, x1, code,
                        on < 0 ? -1 : display[on], start, end, mixed));
    }

    /** The GIL owner's display lane at {@code t}, or -1 (free, or no GIL). */
    public int gilOwnerAt(long t) {
        int index = gil.indexAt(t);
        return index < 0 || gil.code(index) == 0 ? -1 : displayOf[gil.on(index)];
    }

    /** An estimate of the heap this store holds, from its arrays' capacities. */
    public long memoryBytes() {
        long bytes = strings.capacityBytes() + joins.capacityBytes() + handoffs.capacityBytes()
                + captions.capacityBytes() + gil.capacityBytes() + holds.capacityBytes() + console.capacityBytes();
        for (LaneData lane : lanes) {
            bytes += 96 + lane.intervals.capacityBytes() + lane.markers.capacityBytes()
                    + lane.stepTimes.capacityBytes() + lane.stepIds.capacityBytes();
        }
        for (QueueColumn queue : queues) {
            bytes += queue.capacityBytes();
        }
        for (CounterColumn counter : counters) {
            bytes += counter.capacityBytes();
        }
        return bytes + localSets.capacityBytes();
    }
}
