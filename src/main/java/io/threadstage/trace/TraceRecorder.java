package io.threadstage.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PLACEHOLDER (to be replaced by the lock-free recorder): records every event of one run.
 * Writers: every thread of the run. Reader: one thread at a time, through {@link #events()}.
 */
public final class TraceRecorder implements TraceSink {

    private final TraceHeader header;
    private final long originNanos = System.nanoTime();
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private long lastT;

    public TraceRecorder(TraceHeader header) {
        this.header = header;
    }

    public TraceHeader header() {
        return header;
    }

    /** Nanoseconds since the run started, on the recorder's clock. */
    public long elapsedNanos() {
        return System.nanoTime() - originNanos;
    }

    /** Everything recorded so far, in {@code seq} order. */
    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Hands {@code consumer} the events from {@code fromSeq} on that are ready, in order, at most
     * {@code limit} of them, and returns the next seq to ask for. Never blocks a writer; meant
     * for one reader (the UI's pulse, a file writer) that keeps its own position.
     */
    public long drain(long fromSeq, int limit, java.util.function.Consumer<? super TraceEvent> consumer) {
        List<TraceEvent> ready;
        synchronized (this) {
            int to = (int) Math.min(events.size(), fromSeq + limit);
            ready = fromSeq >= to ? List.of() : List.copyOf(events.subList((int) fromSeq, to));
        }
        ready.forEach(consumer);
        return fromSeq + ready.size();
    }

    private long now() {
        lastT = Math.max(lastT, elapsedNanos());
        return lastT;
    }

    private String name(int tid) {
        return names.get(tid);
    }

    @Override
    public synchronized void thread(int tid, String name, String style, boolean daemon, Long ident, Long nativeId) {
        names.put(tid, name);
        events.add(new TraceEvent.ThreadInfo(events.size(), now(), tid, name, style, daemon, ident, nativeId));
    }

    @Override
    public synchronized void state(int tid, ThreadState state, Reason reason, String on) {
        events.add(new TraceEvent.State(events.size(), now(), tid, name(tid), state, reason, on));
    }

    @Override
    public synchronized void queue(String queue, int depth, int maxsize, int tid, String op) {
        events.add(new TraceEvent.QueueDepth(events.size(), now(), queue, depth, maxsize, tid, name(tid), op));
    }

    @Override
    public synchronized void join(int tid, int targetTid, boolean begin, boolean timedOut) {
        events.add(new TraceEvent.Join(events.size(), now(), tid, name(tid), targetTid, begin, timedOut));
    }

    @Override
    public synchronized void lock(String lock, int ownerTid) {
        events.add(new TraceEvent.LockOwner(events.size(), now(), lock, ownerTid));
    }

    @Override
    public synchronized void signal(int tid, String event, boolean set) {
        events.add(new TraceEvent.Signal(events.size(), now(), tid, name(tid), event, set));
    }

    @Override
    public synchronized void gil(int ownerTid) {
        events.add(new TraceEvent.Gil(events.size(), now(), ownerTid));
    }

    @Override
    public synchronized void step(int tid, String path) {
        events.add(new TraceEvent.StepBegin(events.size(), now(), tid, name(tid), path));
    }

    @Override
    public synchronized void print(int tid, String text) {
        events.add(new TraceEvent.Print(events.size(), now(), tid, name(tid), text));
    }

    @Override
    public synchronized void exception(int tid, String type, String message, boolean caught) {
        events.add(new TraceEvent.ExceptionRaised(events.size(), now(), tid, name(tid), type, message, caught));
    }

    @Override
    public synchronized void marker(String text) {
        events.add(new TraceEvent.Marker(events.size(), now(), text));
    }

    @Override
    public synchronized void end(Outcome outcome, String message) {
        events.add(new TraceEvent.End(events.size(), now(), outcome, message));
    }
}
