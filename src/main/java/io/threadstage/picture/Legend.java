package io.threadstage.picture;

import io.threadstage.trace.Reason;
import io.threadstage.trace.StateCode;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend's entries: the states, arrows and markers the trace actually uses (running always),
 * in a fixed order, and how they wrap into rows. Pure; any thread.
 */
public final class Legend {

    public enum Shape { BAR, HOLLOW_BAR, LINE, ARROW, MARK, OUTLINE }

    public record Entry(String label, Ink ink, Ink stripe, double height, Shape shape) {
    }

    private Legend() {
    }

    public static List<Entry> entries(TraceStore store) {
        List<Entry> entries = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ThreadState state : ThreadState.values()) {
            for (Reason reason : Reason.values()) {
                int code = StateCode.of(state, reason);
                boolean always = state == ThreadState.RUNNING && reason == Reason.NONE;
                if (!always && !store.usesCode(code)) {
                    continue;
                }
                StateLook look = StateLook.of(code);
                String label = state == ThreadState.WAITING ? "waits: " + look.label() : look.label();
                if (!seen.contains(label)) {
                    seen.add(label);
                    entries.add(new Entry(label, look.ink(), look.stripe(), look.height(),
                            look.terminated() ? Shape.LINE : look.hollow() ? Shape.HOLLOW_BAR : Shape.BAR));
                }
            }
        }
        holds(store, entries);
        if (store.usesLink(TraceStore.LinkKind.JOIN)) {
            entries.add(new Entry("join (returned / timed out)", Ink.ARROW_JOIN, null, 0, Shape.ARROW));
        }
        if (store.outcome() == io.threadstage.trace.Outcome.DEADLOCK) {
            entries.add(new Entry("deadlock: waits for", Ink.ARROW_DEADLOCK, null, 0, Shape.ARROW));
        }
        if (store.usesLink(TraceStore.LinkKind.LOCK)) {
            entries.add(new Entry("lock handed over", Ink.ARROW_LOCK, null, 0, Shape.ARROW));
        }
        if (store.usesLink(TraceStore.LinkKind.SIGNAL)) {
            entries.add(new Entry("Event.set wakes", Ink.ARROW_SIGNAL, null, 0, Shape.ARROW));
        }
        if (store.usesLink(TraceStore.LinkKind.FEED)) {
            entries.add(new Entry("put \u2192 get", Ink.ARROW_FEED, null, 0, Shape.ARROW));
        }
        if (store.usesMarker(TraceStore.MarkerKind.PRINT)) {
            entries.add(new Entry("print", Ink.MARKER_PRINT, null, 0, Shape.MARK));
        }
        if (store.usesMarker(TraceStore.MarkerKind.UNCAUGHT)) {
            entries.add(new Entry("exception", Ink.MARKER_ERROR, null, 0, Shape.MARK));
        }
        if (store.usesMarker(TraceStore.MarkerKind.CAUGHT)) {
            entries.add(new Entry("caught exception", Ink.MARKER_ERROR, null, 0, Shape.OUTLINE));
        }
        if (store.usesMarker(TraceStore.MarkerKind.RUNTIME_ERROR)) {
            entries.add(new Entry("RuntimeError", Ink.MARKER_RUNTIME, null, 0, Shape.MARK));
        }
        return entries;
    }

    /** Share of a bar swatch's height a lock stripe's swatch takes: thin, as the stripe is. */
    static final double HOLD_SWATCH_HEIGHT = 0.3;
    /** Locks named per colour in the legend before the rest are left to the hover. */
    static final int HOLD_NAMES_PER_COLOR = 3;

    /**
     * One entry per lock colour: {@code holds lock a}, or {@code holds locks a, e} when more locks
     * than colours share one.
     */
    private static void holds(TraceStore store, List<Entry> entries) {
        for (int color = 0; color < Math.min(Ink.LOCK_COLORS, store.lockCount()); color++) {
            StringBuilder names = new StringBuilder();
            int named = 0;
            for (int lock = color; lock < store.lockCount(); lock += Ink.LOCK_COLORS) {
                if (named == HOLD_NAMES_PER_COLOR) {
                    names.append(", \u2026");
                    break;
                }
                names.append(named == 0 ? "" : ", ").append(store.lockName(lock));
                named++;
            }
            entries.add(new Entry(holdsLabel(named, names.toString()), Ink.held(color), null,
                    HOLD_SWATCH_HEIGHT, Shape.BAR));
        }
    }

    /**
     * {@code holds lock a}; but a Python program's lock is often called {@code lock} or
     * {@code counter_lock}, and "holds lock lock" reads as a stutter: names that say lock stand alone.
     */
    private static String holdsLabel(int named, String names) {
        if (names.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
            return "holds " + names;
        }
        return (named == 1 ? "holds lock " : "holds locks ") + names;
    }

    /** The width an entry takes: swatch, gap, text, spacing. */
    public static double entryWidth(Entry entry, StageMetrics metrics) {
        return swatchWidth(metrics) + 8 + StageMetrics.textWidth(entry.label(), metrics.smallFont()) + 22;
    }

    public static double swatchWidth(StageMetrics metrics) {
        return metrics.smallFont() * 2;
    }

    public static int rows(List<Entry> entries, double width, StageMetrics metrics) {
        if (entries.isEmpty()) {
            return 0;
        }
        int rows = 1;
        double x = 0;
        double usable = width - 2 * 12;
        for (Entry entry : entries) {
            double w = entryWidth(entry, metrics);
            if (x > 0 && x + w > usable) {
                rows++;
                x = 0;
            }
            x += w;
        }
        return rows;
    }
}
