package io.threadstage.jfr;

import io.threadstage.io.TraceFileException;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A recording opened as the stage opens it, with the questions the tests ask of it. */
final class RecordedRun {

    /** An arrow the stage draws, by thread names. */
    record Arrow(TraceStore.LinkKind kind, String from, String to, String on, long fromNanos, long toNanos) {
    }

    final JavaRecording recording;
    final List<TraceEvent> events = new ArrayList<>();
    final TraceStore store = new TraceStore();

    RecordedRun(Path file, boolean allThreads) throws TraceFileException {
        recording = JavaRecording.read(file, allThreads);
        recording.replay(event -> {
            events.add(event);
            store.append(event);
        });
    }

    List<String> laneNames() {
        return store.lanes().stream().map(TraceStore.Lane::name).toList();
    }

    TraceStore.Lane lane(String name) {
        return store.lanes().stream().filter(lane -> lane.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lane " + name + " among " + laneNames()));
    }

    /** The thread's state changes, in order. */
    List<TraceEvent.State> states(String thread) {
        return events.stream().filter(e -> e instanceof TraceEvent.State s && thread.equals(s.thread()))
                .map(e -> (TraceEvent.State) e).toList();
    }

    /** The thread's waits for {@code reason}. */
    List<TraceEvent.State> waits(String thread, Reason reason) {
        return states(thread).stream().filter(s -> s.state() == ThreadState.WAITING && s.reason() == reason).toList();
    }

    /** The hand-over arrows (lock, signal, feed) and the join arrows the stage draws over the whole run. */
    List<Arrow> arrows() {
        List<Arrow> arrows = new ArrayList<>();
        long end = store.endNanos() + 1;
        TraceStore.LinkSink sink = (kind, fromLane, fromNanos, toLane, toNanos, open, timedOut, on) -> arrows.add(
                new Arrow(kind, store.lane(fromLane).name(), store.lane(toLane).name(),
                        kind == TraceStore.LinkKind.JOIN || on < 0 ? null : store.text(on), fromNanos, toNanos));
        store.handoffs(0, end, end, 0, sink);
        store.joins(0, end, end, sink);
        return arrows;
    }

    List<Arrow> arrows(TraceStore.LinkKind kind) {
        return arrows().stream().filter(arrow -> arrow.kind() == kind).toList();
    }
}
