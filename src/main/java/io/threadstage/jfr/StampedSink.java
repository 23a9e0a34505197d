package io.threadstage.jfr;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.StepNames;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceSink;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link TraceSink} for events that happened at a known time rather than now: the caller says
 * when ({@link #at}) before each call, and each call becomes the {@link TraceEvent} the trace's
 * readers take (the writers, the stage's store), numbered in call order and carrying the
 * thread's name as the trace format asks. A recorded program's events arrive this way, since
 * their times are the recording's, not this process's clock. One thread.
 */
final class StampedSink implements TraceSink {

    private final Consumer<? super TraceEvent> out;
    private final Map<Integer, String> names = new HashMap<>();
    private StepNames stepNames = StepNames.NUMBERS;
    private long seq;
    private long nanos;

    StampedSink(Consumer<? super TraceEvent> out) {
        this.out = out;
    }

    /** The time of the next events, in nanoseconds since the trace began; never earlier than the last. */
    void at(long nanos) {
        this.nanos = Math.max(this.nanos, nanos);
    }

    @Override
    public void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId) {
        names.put(tid, name);
        out.accept(new TraceEvent.ThreadInfo(seq++, nanos, tid, name, style.json(), daemon, ident, nativeId));
    }

    @Override
    public void state(int tid, ThreadState state, Reason reason, String on) {
        out.accept(new TraceEvent.State(seq++, nanos, tid, names.get(tid), state, reason, on));
    }

    @Override
    public void queue(String queue, int depth, int maxsize, int tid, QueueOp op) {
        out.accept(new TraceEvent.QueueDepth(seq++, nanos, queue, depth, maxsize, tid, names.get(tid),
                op == null ? null : op.json()));
    }

    @Override
    public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
        out.accept(new TraceEvent.Join(seq++, nanos, tid, names.get(tid), targetTid, begin, timedOut));
    }

    @Override
    public void lock(String lock, int ownerTid) {
        out.accept(new TraceEvent.LockOwner(seq++, nanos, lock, ownerTid));
    }

    @Override
    public void signal(int tid, String event, boolean set) {
        out.accept(new TraceEvent.Signal(seq++, nanos, tid, names.get(tid), event, set));
    }

    @Override
    public void gil(int ownerTid) {
        out.accept(new TraceEvent.Gil(seq++, nanos, ownerTid));
    }

    @Override
    public void nameSteps(StepNames names) {
        stepNames = names;
    }

    @Override
    public void step(int tid, int stepId) {
        out.accept(new TraceEvent.StepBegin(seq++, nanos, tid, names.get(tid), stepId, stepNames.name(stepId)));
    }

    @Override
    public void counter(int tid, String counter, long value) {
        out.accept(TraceEvent.ValueChange.ofCounter(seq++, nanos, tid, names.get(tid), counter, value));
    }

    @Override
    public void local(int tid, String local, String text) {
        out.accept(TraceEvent.ValueChange.ofLocal(seq++, nanos, tid, names.get(tid), local, text));
    }

    @Override
    public void print(int tid, String text) {
        out.accept(new TraceEvent.Print(seq++, nanos, tid, names.get(tid), text));
    }

    @Override
    public void errorReport(String text) {
        out.accept(new TraceEvent.ErrorReport(seq++, nanos, text));
    }

    @Override
    public void exception(int tid, String type, String message, boolean caught) {
        out.accept(new TraceEvent.ExceptionRaised(seq++, nanos, tid, names.get(tid), type, message, caught));
    }

    @Override
    public void marker(String text) {
        out.accept(new TraceEvent.Marker(seq++, nanos, text));
    }

    @Override
    public void end(Outcome outcome, String message) {
        out.accept(new TraceEvent.End(seq++, nanos, outcome, message));
    }
}
