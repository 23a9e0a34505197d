package io.threadstage.ui.run;

import io.threadstage.io.PythonSource;
import io.threadstage.trace.EventCursor;
import io.threadstage.trace.ThreadState;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.stage.StageView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Which line of the code view each live thread is on (the generated Python, or a traced program's own file): the step id of each thread's latest
 * {@code step} event, mapped to its line by the program ({@link PythonSource#lineOf(int)}), so two
 * equal steps in two workers stand on their own lines; forgotten when the thread terminates. Fed with the run's events in seq order, in
 * place ({@link EventCursor}), by the window's pulse.
 * Owned by the FX thread.
 */
public final class ThreadLines {

    private final Map<Integer, String> names = new TreeMap<>();
    private final Map<Integer, Integer> steps = new TreeMap<>();
    private boolean changed;
    private long takenAt;

    /** Beyond this many threads on lines, the marks move at most every {@link #MANY_THREADS_REFRESH_NANOS}. */
    static final int MANY_THREADS = StageView.MANY_LANES;
    static final long MANY_THREADS_REFRESH_NANOS = 100_000_000L;

    public void clear() {
        names.clear();
        steps.clear();
        changed = true;
    }

    public void accept(EventCursor event) {
        switch (event.kind()) {
            case THREAD -> names.put(event.tid(), event.name());
            case STEP -> {
                steps.put(event.tid(), event.stepId());
                changed = true;
            }
            case STATE -> {
                if (event.state() == ThreadState.TERMINATED) {
                    changed |= steps.remove(event.tid()) != null;
                }
            }
            case END -> {
                changed |= !steps.isEmpty();
                steps.clear();
            }
            default -> {
                // other events move no thread to another line
            }
        }
    }

    /** True once after something moved, so the code view is refreshed only then. */
    public boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /**
     * As {@link #takeChanged()}, but with more than {@link #MANY_THREADS} threads on lines at most
     * once per {@link #MANY_THREADS_REFRESH_NANOS}: a thousand threads move every frame, and their
     * marks (a map of a thousand, the code view's tags restyled) cost a share of every frame that
     * nobody can read at that pace. A few threads' marks follow every frame, as a lesson steps.
     */
    public boolean takeChanged(long nowNanos) {
        if (changed && steps.size() > MANY_THREADS && nowNanos - takenAt < MANY_THREADS_REFRESH_NANOS) {
            return false;
        }
        boolean moved = takeChanged();
        if (moved) {
            takenAt = nowNanos;
        }
        return moved;
    }

    /** Line (1-based) of the generated Python to the threads on it, in tid order; steps without a line are left out. */
    public Map<Integer, List<CodeView.ThreadMark>> lines(PythonSource source) {
        return source == null ? new LinkedHashMap<>() : lines(source::lineOf);
    }

    /**
     * Line (1-based) to the threads on it, in tid order, each thread's step id looked up by
     * {@code lineOf} (a scenario's ids through its program; a traced program's ids are its lines);
     * steps without a line are left out.
     */
    public Map<Integer, List<CodeView.ThreadMark>> lines(IntFunction<OptionalInt> lineOf) {
        Map<Integer, List<CodeView.ThreadMark>> lines = new LinkedHashMap<>();
        steps.forEach((tid, step) -> {
            OptionalInt line = lineOf.apply(step);
            if (line.isPresent()) {
                lines.computeIfAbsent(line.getAsInt(), l -> new ArrayList<>())
                        .add(new CodeView.ThreadMark(tid, names.getOrDefault(tid, "Thread")));
            }
        });
        return lines;
    }
}
