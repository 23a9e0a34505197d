package io.threadstage.ui.run;

import io.threadstage.io.PythonSource;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.EventCursor;
import io.threadstage.ui.editor.CodeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which line of the generated Python each live thread is on: the latest {@code step} event of
 * each thread, forgotten when the thread terminates. Fed with the run's events in seq order, in
 * place ({@link EventCursor}), by the window's pulse.
 * Owned by the FX thread.
 */
public final class ThreadLines {

    private final Map<Integer, String> names = new TreeMap<>();
    private final Map<Integer, String> paths = new TreeMap<>();
    private boolean changed;
    private long takenAt;

    /** Beyond this many threads on lines, the marks move at most every {@link #MANY_THREADS_REFRESH_NANOS}. */
    static final int MANY_THREADS = 64;
    static final long MANY_THREADS_REFRESH_NANOS = 100_000_000L;

    public void clear() {
        names.clear();
        paths.clear();
        changed = true;
    }

    public void accept(EventCursor event) {
        switch (event.kind()) {
            case THREAD -> names.put(event.tid(), event.name());
            case STEP -> {
                paths.put(event.tid(), event.text());
                changed = true;
            }
            case STATE -> {
                if (event.state() == ThreadState.TERMINATED) {
                    changed |= paths.remove(event.tid()) != null;
                }
            }
            case END -> {
                changed |= !paths.isEmpty();
                paths.clear();
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
        if (changed && paths.size() > MANY_THREADS && nowNanos - takenAt < MANY_THREADS_REFRESH_NANOS) {
            return false;
        }
        boolean moved = takeChanged();
        if (moved) {
            takenAt = nowNanos;
        }
        return moved;
    }

    /** Line (1-based) to the threads on it, in tid order; steps without a line are left out. */
    public Map<Integer, List<CodeView.ThreadMark>> lines(PythonSource source) {
        Map<Integer, List<CodeView.ThreadMark>> lines = new LinkedHashMap<>();
        if (source == null) {
            return lines;
        }
        paths.forEach((tid, path) -> {
            OptionalInt line = source.lineOf(path);
            if (line.isPresent()) {
                lines.computeIfAbsent(line.getAsInt(), l -> new ArrayList<>())
                        .add(new CodeView.ThreadMark(tid, names.getOrDefault(tid, "Thread")));
            }
        });
        return lines;
    }
}
