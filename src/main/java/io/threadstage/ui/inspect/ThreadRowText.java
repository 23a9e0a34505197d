package io.threadstage.ui.inspect;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadState;

/**
 * The inspector's cells as words, spelled as Python prints them ({@code True}, {@code None}) so
 * the table reads like the chapter's. No toolkit; any thread.
 */
final class ThreadRowText {

    private ThreadRowText() {
    }

    static String python(Long id) {
        return id == null ? "None" : id.toString();
    }

    static String python(boolean value) {
        return value ? "True" : "False";
    }

    /** The state and what the thread waits on: {@code waiting: lock L (held by Consumer)}. */
    static String state(ThreadRow row) {
        ThreadState state = row.state();
        if (state == ThreadState.CREATED) {
            return "created, not started";
        }
        if (state == ThreadState.RUNNING) {
            return row.reason() == Reason.NONE ? "running" : "running (" + words(row.reason()) + ")";
        }
        if (state == ThreadState.TERMINATED) {
            return row.reason() == Reason.NONE ? "terminated" : "terminated (" + words(row.reason()) + ")";
        }
        StringBuilder text = new StringBuilder("waiting: ").append(words(row.reason()));
        if (row.on() != null && !row.on().isEmpty()) {
            text.append(' ').append(row.on());
        }
        if (row.waitsFor() != null) {
            text.append(" (held by ").append(row.waitsFor()).append(')');
        }
        return text.toString();
    }

    /** An instant of the run for the summary and the slider: {@code 1.25 s}. */
    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String holds(ThreadRow row) {
        return row.holds().isEmpty() ? "\u2014" : String.join(", ", row.holds());
    }

    private static String words(Reason reason) {
        if (reason == Reason.IO) {
            // "io upload" reads as a word; the legend says I/O
            return "I/O";
        }
        return reason.json() == null ? "" : reason.json().replace('_', ' ');
    }
}
