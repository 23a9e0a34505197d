package io.threadstage.jfr;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceSink;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Says a recording's state changes, in time order, to a {@link TraceSink}: the one place a
 * recording's events enter the trace. What maps to what (docs/java-programs.md):
 *
 * <ul>
 * <li>a thread seen for the first time: {@code thread}, then {@code running};</li>
 * <li>a wait: {@code waiting} with its reason and object; a join also {@code join begin} on the
 *     joined thread;</li>
 * <li>the end of a wait: {@code running}; when the recording names who handed over (a monitor's
 *     previous owner, a waiter's notifier), first the monitor's owner changes from that thread to
 *     this one and back to free, at this instant, so the stage draws the hand-over arrow as it
 *     does for a lock; a notified waiter first shows {@code waiting: lock} for an instant, the
 *     re-entry of the monitor that the notify leads to; a join ends with {@code join end};</li>
 * <li>a thread's end: {@code terminated: returned}; the recording's end: {@code end}.</li>
 * </ul>
 *
 * Hidden threads (the JVM's own unless all are asked for) get no event; a hand-over by one of
 * them is said without its arrow. One thread.
 */
final class LaneEmitter {

    private static final Reason[] REASONS = Reason.values();

    private final Transitions transitions;
    private final List<JavaThread> threads;
    private final ObjectLabels labels;
    private final long originNanos;
    private final TraceSink sink;
    private final LongConsumer clock;

    LaneEmitter(Transitions transitions, List<JavaThread> threads, ObjectLabels labels, long originNanos,
                StampedSink sink) {
        this(transitions, threads, labels, originNanos, sink, sink::at);
    }

    /** @param clock told each change's time (since the origin) before it is said; a sink that stamps its own time ignores it */
    LaneEmitter(Transitions transitions, List<JavaThread> threads, ObjectLabels labels, long originNanos,
                TraceSink sink, LongConsumer clock) {
        this.transitions = transitions;
        this.threads = threads;
        this.labels = labels;
        this.originNanos = originNanos;
        this.sink = sink;
        this.clock = clock;
    }

    /** Says the {@code position}-th change in time order. */
    void emit(int position) {
        emit(transitions, position);
    }

    /** Says the {@code position}-th change in time order of {@code transitions} (a live reading's latest). */
    void emit(Transitions transitions, int position) {
        int index = transitions.at(position);
        JavaThread thread = threads.get(transitions.thread(index));
        if (thread.tid == JavaThread.HIDDEN) {
            return;
        }
        int tid = thread.tid;
        clock.accept(transitions.time(index) - originNanos);
        Reason reason = REASONS[transitions.reason(index)];
        String on = labels.label(transitions.on(index));
        int other = shownTid(transitions.other(index));
        switch (transitions.kind(index)) {
            case Transitions.APPEAR -> {
                sink.thread(tid, thread.laneName(), thread.style(), false, thread.javaId,
                        thread.osId > 0 ? thread.osId : null);
                sink.state(tid, ThreadState.RUNNING, Reason.NONE, null);
            }
            case Transitions.WAIT -> {
                if (reason == Reason.LOCK && other >= 0 && on != null) {
                    // a deadlocked thread's wait, from the final thread dump: the holder holds the lock
                    sink.lock(on, other);
                }
                sink.state(tid, ThreadState.WAITING, reason, on);
                if (reason == Reason.JOIN && other >= 0) {
                    sink.join(tid, other, true, false);
                }
            }
            case Transitions.RESUME -> {
                if (reason == Reason.JOIN && other >= 0) {
                    sink.join(tid, other, false, false);
                } else if (other >= 0 && other != tid && on != null && (reason == Reason.LOCK || reason == Reason.EVENT)) {
                    if (reason == Reason.EVENT) {
                        sink.state(tid, ThreadState.WAITING, Reason.LOCK, on);
                    }
                    sink.lock(on, other);
                    sink.lock(on, tid);
                    sink.lock(on, TraceSink.NO_THREAD);
                }
                sink.state(tid, ThreadState.RUNNING, Reason.NONE, null);
            }
            default -> sink.state(tid, ThreadState.TERMINATED, Reason.RETURNED, null);
        }
    }

    /** The recording's last line, at {@code endNanos} (absolute). */
    void end(long endNanos, Outcome outcome, String message) {
        clock.accept(endNanos - originNanos);
        sink.end(outcome, message);
    }

    private int shownTid(int threadIndex) {
        return threadIndex < 0 ? -1 : threads.get(threadIndex).tid;
    }
}
