package io.threadstage.ui.inspect;

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

    /** Shows what {@code shown} had written by {@code instantNanos} ({@link Long#MAX_VALUE}: all of it). */
    public void show(TraceStore shown, long instantNanos) {
        int target = shown.consoleCountAt(instantNanos);
        if (shown != store || target < entries) {
            store = shown;
            entries = Math.max(0, target - RunViewModel.MAX_CONSOLE_LINES);
            lines.setAll(rows(entries, target));
        } else if (target > entries) {
            lines.addAll(rows(entries, target));
        } else {
            return;
        }
        entries = target;
        int excess = lines.size() - RunViewModel.MAX_CONSOLE_LINES;
        if (excess > 0) {
            lines.remove(0, excess);
        }
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
