package io.threadstage.trace;

/**
 * One event of a recorder, read in place: a flyweight over the recorder's columns that
 * {@link TraceRecorder#read} moves from event to event, so a reader takes a run's events without
 * an object per event. Texts come as the recorder's ids ({@link #textId()}, {@link #onId()})
 * and as strings on demand. Valid only inside the reader's callback, on the reader's thread.
 *
 * <p>Which accessors mean something depends on {@link #kind()}, as the {@link TraceSink} method
 * that recorded the event says; the others return what the slot holds (0, false, null).
 */
public final class EventCursor {

    private static final ThreadState[] STATES = ThreadState.values();
    private static final Reason[] REASONS = Reason.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final QueueOp[] OPS = QueueOp.values();

    private final TraceRecorder recorder;
    private final InternTable texts;
    long seq;
    long t;
    EventKind kind;
    int flags;
    int tid;
    int a;
    int b;
    int c;

    EventCursor(TraceRecorder recorder, InternTable texts) {
        this.recorder = recorder;
        this.texts = texts;
    }

    /** The recorder's texts: a store sharing them takes ids as they are. */
    InternTable texts() {
        return texts;
    }

    public long seq() {
        return seq;
    }

    public long t() {
        return t;
    }

    public EventKind kind() {
        return kind;
    }

    /** The thread the event belongs to, {@link TraceSink#NO_THREAD} for run-wide events. */
    public int tid() {
        return tid;
    }

    /** The name {@link #tid()} had at this event (looked up when asked). */
    public String thread() {
        return recorder.nameAt(tid, seq);
    }

    /** The text of a recorder id, null for -1. */
    public String text(int id) {
        return texts.string(id);
    }

    // ---- thread

    /** {@link EventKind#THREAD}: the thread's (new) name. */
    public String name() {
        return texts.string(a);
    }

    public ThreadStyle style() {
        return ThreadStyle.ofOrdinal(flags >>> 1);
    }

    public boolean daemon() {
        return (flags & 1) != 0;
    }

    public Long ident() {
        TraceRecorder.ThreadIds ids = (TraceRecorder.ThreadIds) texts.value(c);
        return ids == null ? null : ids.ident();
    }

    public Long nativeId() {
        TraceRecorder.ThreadIds ids = (TraceRecorder.ThreadIds) texts.value(c);
        return ids == null ? null : ids.nativeId();
    }

    // ---- state, queue, lock, signal: what the event is about

    public ThreadState state() {
        return STATES[flags & 3];
    }

    public Reason reason() {
        return REASONS[flags >>> 2];
    }

    /** The id of the lock, queue or event the event is about (a state's {@code on}); -1 for none. */
    public int onId() {
        return a;
    }

    public String on() {
        return texts.string(a);
    }

    /** {@link EventKind#QUEUE}: what changed the depth, or null. */
    public QueueOp op() {
        return flags == 0 ? null : OPS[flags - 1];
    }

    public int depth() {
        return b;
    }

    public int maxsize() {
        return c;
    }

    /** {@link EventKind#JOIN}: the joined thread. */
    public int target() {
        return a;
    }

    public boolean begin() {
        return (flags & 1) != 0;
    }

    public boolean timedOut() {
        return (flags & 2) != 0;
    }

    /** {@link EventKind#LOCK}, {@link EventKind#GIL}: the new owner, {@link TraceSink#NO_THREAD} when free. */
    public int owner() {
        return kind == EventKind.GIL ? a : b;
    }

    /** {@link EventKind#SIGNAL}: set rather than cleared. */
    public boolean set() {
        return flags != 0;
    }

    // ---- value: a counter's new value or a local's text

    /** The flag of a {@link EventKind#VALUE} event about a local (else it is about a counter). */
    static final byte LOCAL_VALUE = 1;

    /** {@link EventKind#VALUE}: about a {@code threading.local} rather than a counter. */
    public boolean local() {
        return flags == LOCAL_VALUE;
    }

    /** {@link EventKind#VALUE} of a counter: its new value. */
    public long counterValue() {
        return (long) b << 32 | (c & 0xffffffffL);
    }

    /** {@link EventKind#VALUE} of a local: the id of the {@code str()} of its new value. */
    public int localTextId() {
        return b;
    }

    // ---- step

    /** {@link EventKind#STEP}: the run's id of the step begun ({@link TraceSink#step}). */
    public int stepId() {
        return a;
    }

    /** {@link EventKind#STEP}: the step's name as the run spells it (a JSON path), made now. */
    public String stepName() {
        return recorder.stepName(a);
    }

    // ---- texts: print, marker, error report, end message

    /** The id of the event's own text: a printed line, a marker, a report, an end's message. */
    public int textId() {
        return a;
    }

    public String text() {
        return texts.string(a);
    }

    // ---- exception, end

    public String type() {
        return texts.string(a);
    }

    public String message() {
        return texts.string(kind == EventKind.END ? a : b);
    }

    public boolean caught() {
        return flags != 0;
    }

    public Outcome outcome() {
        return OUTCOMES[flags];
    }

    /** The event as a value, for writers and tests; costs an object and the thread's name lookup. */
    public TraceEvent toEvent() {
        return switch (kind) {
            case THREAD -> new TraceEvent.ThreadInfo(seq, t, tid, name(), style().json(), daemon(), ident(), nativeId());
            case STATE -> new TraceEvent.State(seq, t, tid, thread(), state(), reason(), on());
            case QUEUE -> new TraceEvent.QueueDepth(seq, t, on(), depth(), maxsize(), tid, thread(),
                    op() == null ? null : op().json());
            case JOIN -> new TraceEvent.Join(seq, t, tid, thread(), target(), begin(), timedOut());
            case LOCK -> new TraceEvent.LockOwner(seq, t, on(), owner());
            case SIGNAL -> new TraceEvent.Signal(seq, t, tid, thread(), on(), set());
            case GIL -> new TraceEvent.Gil(seq, t, owner());
            case STEP -> new TraceEvent.StepBegin(seq, t, tid, thread(), stepId(), stepName());
            case PRINT -> new TraceEvent.Print(seq, t, tid, thread(), text());
            case EXCEPTION -> new TraceEvent.ExceptionRaised(seq, t, tid, thread(), type(), message(), caught());
            case MARKER -> new TraceEvent.Marker(seq, t, text());
            case END -> new TraceEvent.End(seq, t, outcome(), message());
            case ERROR_REPORT -> new TraceEvent.ErrorReport(seq, t, text());
            case VALUE -> local()
                    ? TraceEvent.ValueChange.ofLocal(seq, t, tid, thread(), on(), texts.string(localTextId()))
                    : TraceEvent.ValueChange.ofCounter(seq, t, tid, thread(), on(), counterValue());
        };
    }
}
