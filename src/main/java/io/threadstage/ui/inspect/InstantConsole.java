package io.threadstage.ui.inspect;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceCapacityException;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.run.ConsoleLine;
import io.threadstage.ui.run.RunViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console of one instant: what the program printed and reported up to the instant the stage
 * shows, read from the store's console column (a run's console is a view of its trace). Live,
 * the instant is the present and lines only come; in a replay or a scrub it moves both ways.
 * Moved once per pulse ({@link #show}); appends what came since the last pulse, and reads again
 * only when the instant went back. Keeps the newest {@link RunViewModel#MAX_CONSOLE_LINES} rows.
 * Owned by the FX thread.
 */
public final class InstantConsole {

    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private TraceStore store;
    /** Store entries shown (an error report is one entry and maybe several rows). */
    private int entries;
    /** Whether the last row is the note that the trace's cap ended the run. */
    private boolean noted;

    /** Shows what {@code shown} had written by {@code instantNanos} ({@link Long#MAX_VALUE}: all of it). */
    public void show(TraceStore shown, long instantNanos) {
        int target = shown.consoleCountAt(instantNanos);
        String note = capNote(shown, instantNanos);
        if (shown != store || target < entries || (noted && note == null)) {
            store = shown;
            noted = false;
            entries = Math.max(0, target - RunViewModel.MAX_CONSOLE_LINES);
            lines.setAll(rows(entries, target));
        } else if (target > entries) {
            lines.addAll(rows(entries, target));
        } else if (noted || note == null) {
            return;
        }
        entries = target;
        if (note != null && !noted) {
            lines.add(new ConsoleLine(note, true));
            noted = true;
        }
        int excess = lines.size() - RunViewModel.MAX_CONSOLE_LINES;
        if (excess > 0) {
            lines.remove(0, excess);
        }
    }

    /**
     * Why a run that reached the trace's cap stops there, once the instant has reached its end: the
     * program wrote nothing of it (the recorder took only the end line), so the console says it.
     */
    private static String capNote(TraceStore shown, long instantNanos) {
        String message = shown.outcomeMessage();
        boolean capped = shown.outcome() == Outcome.ERROR && message != null
                && message.startsWith(TraceCapacityException.REACHED);
        return capped && instantNanos >= shown.endNanos() ? message : null;
    }

    private List<ConsoleLine> rows(int from, int to) {
        List<ConsoleLine> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (store.consoleError(i)) {
                // a report may span lines; the console shows one row per line
                for (String line : store.consoleText(i).split("\n", -1)) {
                    rows.add(new ConsoleLine(line, true));
                }
            } else {
                rows.add(new ConsoleLine(store.consoleText(i), false));
            }
        }
        return rows;
    }

    /** The rows to show, oldest first. */
    public ObservableList<ConsoleLine> lines() {
        return lines;
    }
}
