package io.threadstage.ui.run;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceCapacityException;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How much of the trace's cap a run has used, in the status line's words: the cap from the
 * start ({@code trace cap: 89.5 M events}), a warning once the run has recorded
 * {@link #WARN_AT_PERCENT} of it ({@code trace 85% full: 76.0 M of 89.5 M events}), and that the
 * cap was reached when the run ended on it. The cap follows the memory Java may use, so a
 * teacher sees before a long run how far it may go. Moved once per pulse; the text changes only
 * when its words do. Owned by the FX thread.
 */
public final class TraceRoom {

    /** From this share of the cap on, the status warns that the run is nearing it. */
    public static final int WARN_AT_PERCENT = 80;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper nearlyFull = new ReadOnlyBooleanWrapper(this, "nearlyFull", false);
    private long capacity;
    private int percentShown = -1;

    /** A run starts that may record {@code capacityEvents} events. */
    void start(long capacityEvents) {
        capacity = capacityEvents;
        percentShown = -1;
        nearlyFull.set(false);
        text.set("trace cap: " + events(capacityEvents) + " events");
    }

    /** The run has recorded {@code recorded} events so far. */
    void recorded(long recorded) {
        if (capacity <= 0) {
            return;
        }
        int percent = (int) Math.min(100, recorded * 100 / capacity);
        if (percent < WARN_AT_PERCENT || percent == percentShown) {
            return;
        }
        percentShown = percent;
        nearlyFull.set(true);
        text.set("trace " + percent + "% full: " + events(recorded) + " of " + events(capacity) + " events");
    }

    /** The run ended; when it ended on the cap, says so. */
    void ended(Outcome outcome, String message) {
        if (capacity > 0 && reachedCap(outcome, message)) {
            nearlyFull.set(true);
            text.set("trace cap reached: " + events(capacity) + " events");
        }
    }

    /** No run: nothing to say. */
    void clear() {
        capacity = 0;
        percentShown = -1;
        nearlyFull.set(false);
        text.set("");
    }

    /** Whether a run that ended with {@code outcome} and {@code message} (its {@code end} event's) ended on the recorder's cap. */
    public static boolean reachedCap(Outcome outcome, String message) {
        return outcome == Outcome.ERROR && message != null && message.startsWith(TraceCapacityException.REACHED);
    }

    /** {@code 3,000}, {@code 250,000}, {@code 1.2 M}, {@code 89.5 M}. */
    static String events(long count) {
        return count < 1_000_000 ? String.format(Locale.ROOT, "%,d", count)
                : String.format(Locale.ROOT, "%.1f M", count / 1e6);
    }

    /** What the status line says of the trace's room, or empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True once the run has used {@link #WARN_AT_PERCENT} of the cap or reached it: the status shows it as a warning. */
    public ReadOnlyBooleanProperty nearlyFullProperty() {
        return nearlyFull.getReadOnlyProperty();
    }
}
