package io.threadstage.trace;

/**
 * The kinds of events a run records, one per {@link TraceSink} method. All but
 * {@link #ERROR_REPORT} are lines of a trace file; that one is what the program wrote to standard
 * error, kept in order with the prints for the console and left out of files.
 * {@link #VALUE} is last so the codes of the older kinds stay as they were.
 */
public enum EventKind {
    THREAD, STATE, QUEUE, JOIN, LOCK, SIGNAL, GIL, STEP, PRINT, EXCEPTION, MARKER, END, ERROR_REPORT, VALUE;

    private static final EventKind[] ALL = values();

    /** The byte the recorder's columns keep: never 0, so an unwritten slot reads as no kind. */
    byte code() {
        return (byte) (ordinal() + 1);
    }

    static EventKind ofCode(byte code) {
        int index = code - 1;
        if (index < 0 || index >= ALL.length) {
            throw new IllegalStateException("corrupt trace slot: kind " + code);
        }
        return ALL[index];
    }
}
