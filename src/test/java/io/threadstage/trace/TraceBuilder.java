package io.threadstage.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a trace by hand, at chosen times, for tests. Used by one test thread. */
public final class TraceBuilder {

    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private long t;

    public static final long MS = 1_000_000L;

    /** Moves the clock to {@code nanos} (never backwards). */
    public TraceBuilder at(long nanos) {
        if (nanos < t) {
            throw new IllegalArgumentException("time goes backwards: " + nanos + " < " + t);
        }
        t = nanos;
        return this;
    }

    public TraceBuilder atMs(double millis) {
        return at(Math.round(millis * MS));
    }

    private long seq() {
        return events.size();
    }

    public TraceBuilder thread(int tid, String name, String style, boolean daemon) {
        names.put(tid, name);
        events.add(new TraceEvent.ThreadInfo(seq(), t, tid, name, style, daemon, null, null));
        return this;
    }

    public TraceBuilder state(int tid, ThreadState state, Reason reason, String on) {
        events.add(new TraceEvent.State(seq(), t, tid, names.get(tid), state, reason, on));
        return this;
    }

    public TraceBuilder running(int tid) {
        return state(tid, ThreadState.RUNNING, Reason.NONE, null);
    }

    public TraceBuilder created(int tid) {
        return state(tid, ThreadState.CREATED, Reason.NONE, null);
    }

    public TraceBuilder waiting(int tid, Reason reason, String on) {
        return state(tid, ThreadState.WAITING, reason, on);
    }

    public TraceBuilder terminated(int tid, Reason reason) {
        return state(tid, ThreadState.TERMINATED, reason, null);
    }

    public TraceBuilder queue(String on, int depth, int maxsize, int tid, String op) {
        events.add(new TraceEvent.QueueDepth(seq(), t, on, depth, maxsize, tid, names.get(tid), op));
        return this;
    }

    public TraceBuilder join(int tid, int target, boolean begin, boolean timedOut) {
        events.add(new TraceEvent.Join(seq(), t, tid, names.get(tid), target, begin, timedOut));
        return this;
    }

    public TraceBuilder lock(String on, int owner) {
        events.add(new TraceEvent.LockOwner(seq(), t, on, owner));
        return this;
    }

    public TraceBuilder signal(int tid, String on, boolean set) {
        events.add(new TraceEvent.Signal(seq(), t, tid, names.get(tid), on, set));
        return this;
    }

    public TraceBuilder gil(int owner) {
        events.add(new TraceEvent.Gil(seq(), t, owner));
        return this;
    }

    public TraceBuilder print(int tid, String text) {
        events.add(new TraceEvent.Print(seq(), t, tid, names.get(tid), text));
        return this;
    }

    public TraceBuilder exception(int tid, String type, String message, boolean caught) {
        events.add(new TraceEvent.ExceptionRaised(seq(), t, tid, names.get(tid), type, message, caught));
        return this;
    }

    public TraceBuilder marker(String text) {
        events.add(new TraceEvent.Marker(seq(), t, text));
        return this;
    }

    public TraceBuilder counter(int tid, String on, long value) {
        events.add(TraceEvent.ValueChange.ofCounter(seq(), t, tid, null, on, value));
        return this;
    }

    public TraceBuilder local(int tid, String on, String text) {
        events.add(TraceEvent.ValueChange.ofLocal(seq(), t, tid, null, on, text));
        return this;
    }

    public TraceBuilder end(Outcome outcome, String message) {
        events.add(new TraceEvent.End(seq(), t, outcome, message));
        return this;
    }

    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    public TraceStore store() {
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        return store;
    }
}
