package io.threadstage.jfr;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceSink;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * A recording read while it is written: events come in as the recorder flushes them (about once
 * a second, each wait only when it ends), and their state changes go to a {@link TraceSink} in
 * time order once they are {@code lag} old, so that what a later flush brings still fits before
 * them. The sink stamps its own time (a run's recorder), so saying each change when its time plus
 * the lag comes keeps the lanes' proportions. A change that comes later than that (a wait longer
 * than the lag, whose start is known only at its end) is said at once.
 *
 * <p>Events may arrive twice at the end: from the stream and again from the finished file, which
 * holds what the stream could not read before the program's repository was deleted. Events of the
 * last {@value #OVERLAP_NANOS} ns of the stream are remembered by their identity and not taken twice.
 *
 * <p>Not thread-safe: the session calls it under one lock, from the stream's thread and its own.
 */
final class LiveLanes {

    /** How far back from the stream's last event the finished file can repeat it (flushes are seconds apart). */
    static final long OVERLAP_NANOS = 5_000_000_000L;

    private final RecordingScanner scan;
    private final boolean allThreads;
    private final TraceSink sink;
    private final LaneEmitter emitter;
    private final long capacity;
    /** Changes not said yet, sorted once new ones came; {@link #next} is the first unsaid. */
    private Transitions pending;
    private int next;
    private int nextTid = 1;
    private boolean mainShown;
    private boolean mainTaken;
    private String endMessage;
    private long lastSaidNanos = Long.MIN_VALUE;
    private long streamedUntilNanos = Long.MIN_VALUE;
    private final Set<EventIdentity> recent = new HashSet<>();
    private final ArrayDeque<EventIdentity> recentByArrival = new ArrayDeque<>();
    private boolean fromFile;
    private long ignoredAsRepeated;

    private record EventIdentity(String type, long thread, long startNanos, long endNanos) {
    }

    /**
     * @param originNanos the instant (nanoseconds since the epoch) the lanes count from
     * @param capacity    the most changes waiting to be said
     */
    LiveLanes(TraceSink sink, boolean allThreads, long originNanos, long capacity) {
        this.sink = sink;
        this.allThreads = allThreads;
        this.capacity = capacity;
        this.scan = new RecordingScanner(capacity, new ObjectLabels(true), true);
        this.pending = new Transitions(capacity);
        this.emitter = new LaneEmitter(pending, scan.threads, scan.labels, originNanos, sink, time -> { });
    }

    /** Takes one event from the stream. */
    void stream(RecordedEvent event) {
        EventIdentity identity = identity(event);
        streamedUntilNanos = Math.max(streamedUntilNanos, identity.endNanos());
        recent.add(identity);
        recentByArrival.add(identity);
        while (recentByArrival.peek().endNanos() < streamedUntilNanos - OVERLAP_NANOS) {
            recent.remove(recentByArrival.poll());
        }
        take(event);
    }

    /** From now on events come from the finished file: those the stream gave already are passed over. */
    void switchToFile() {
        fromFile = true;
    }

    /** Takes one event of the finished file, unless the stream gave it. */
    void file(RecordedEvent event) {
        if (!fromFile) {
            throw new IllegalStateException("switchToFile first");
        }
        long end = RecordingScanner.nanos(event.getEndTime());
        boolean streamedLongBefore = streamedUntilNanos != Long.MIN_VALUE && end < streamedUntilNanos - OVERLAP_NANOS;
        if (streamedLongBefore || recent.contains(identity(event))) {
            ignoredAsRepeated++;
            return;
        }
        take(event);
    }

    private void take(RecordedEvent event) {
        scan.take(event);
    }

    /** Puts the changes read since the last saying among those not said yet, in time order. */
    private void mergeFresh() {
        if (scan.transitions.size() == 0) {
            return;
        }
        Transitions fresh = scan.takeTransitions(capacity);
        Transitions merged = new Transitions(capacity);
        for (int position = next; position < pending.size(); position++) {
            merged.addCopy(pending, pending.at(position));
        }
        for (int index = 0; index < fresh.size(); index++) {
            merged.addCopy(fresh, index);
        }
        merged.sort();
        pending = merged;
        next = 0;
    }

    private static EventIdentity identity(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        return new EventIdentity(event.getEventType().getName(), thread == null ? 0 : thread.getJavaThreadId(),
                RecordingScanner.nanos(event.getStartTime()), RecordingScanner.nanos(event.getEndTime()));
    }

    /** Says every change up to {@code untilNanos} (since the epoch) not said yet; returns how many. */
    int sayUntil(long untilNanos) {
        mergeFresh();
        int said = 0;
        while (next < pending.size() && pending.time(pending.at(next)) <= untilNanos) {
            say(next++);
            said++;
        }
        return said;
    }

    /**
     * Says everything left, then the trace's end: {@code deadlock} when the recording's last thread
     * dump found one (its waits drawn as {@link JavaRecording} draws them), else {@code outcome}.
     */
    Outcome end(Outcome outcome, String message) {
        java.util.List<DeadlockReport.Wait> deadlock = JavaRecording.addDeadlock(scan);
        sayUntil(Long.MAX_VALUE);
        if (!deadlock.isEmpty()) {
            outcome = Outcome.DEADLOCK;
            message = JavaRecording.deadlockMessage(deadlock, scan.labels);
        }
        endMessage = message;
        emitter.end(Math.max(lastSaidNanos, scan.lastNanos), outcome, message);
        return outcome;
    }

    /** The end's message, once ended. */
    String endMessage() {
        return endMessage;
    }

    void marker(String text) {
        sink.marker(text);
    }

    private void say(int position) {
        int index = pending.at(position);
        JavaThread thread = scan.threads.get(pending.thread(index));
        lastSaidNanos = Math.max(lastSaidNanos, pending.time(index));
        if (!thread.decided) {
            decide(thread);
            if (thread.tid != JavaThread.HIDDEN && pending.kind(index) != Transitions.APPEAR) {
                // a thread first seen in a wait was there before: it ran until then
                sink.thread(thread.tid, thread.laneName(), thread.style(), false, thread.javaId,
                        thread.osId > 0 ? thread.osId : null);
                sink.state(thread.tid, ThreadState.RUNNING, Reason.NONE, null);
            }
        } else if (pending.kind(index) == Transitions.APPEAR) {
            return;
        }
        emitter.emit(pending, position);
    }

    /** Gives a thread its lane when it first shows: main 0, the program's others from 1 as they come. */
    private void decide(JavaThread thread) {
        thread.decided = true;
        if (thread.jvm && !allThreads) {
            return;
        }
        if (thread.isMain() && !mainTaken) {
            mainTaken = true;
            mainShown = true;
            thread.tid = 0;
        } else if (nextTid <= TraceSink.MAX_TID) {
            thread.tid = nextTid++;
        }
    }

    /**
     * A line the program wrote: a print of {@code main} (the recording does not say which thread
     * wrote it), or an error report; main's lane is shown for it if not yet.
     */
    void print(String text, boolean error) {
        if (error) {
            sink.errorReport(text);
            return;
        }
        if (!mainShown) {
            mainShown = true;
            sink.thread(0, "main", io.threadstage.trace.ThreadStyle.MAIN, false, null, null);
            sink.state(0, ThreadState.RUNNING, Reason.NONE, null);
        }
        sink.print(0, text);
    }

    /** Changes read and not said yet. */
    int waiting() {
        return pending.size() - next;
    }

    /** Events of the finished file passed over because the stream gave them. */
    long ignoredAsRepeated() {
        return ignoredAsRepeated;
    }

    /** The latest event time read (nanoseconds since the epoch), or {@link Long#MIN_VALUE}. */
    long lastEventNanos() {
        return scan.lastNanos;
    }
}
