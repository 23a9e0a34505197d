package io.threadstage.trace;

/**
 * One line of a trace, as a value: what files are written from and read into, and what tests
 * compare. The live store keeps events in columns instead; these objects are for reading.
 * {@code seq} counts from 0 without gaps; {@code t} is nanoseconds since the run started and
 * never decreases along {@code seq}. {@code thread} is the thread's name at that moment.
 */
public sealed interface TraceEvent {

    long seq();

    long t();

    /** The {@code ev} key. */
    String ev();

    record ThreadInfo(long seq, long t, int tid, String thread, String style, boolean daemon,
                      Long ident, Long nativeId) implements TraceEvent {
        public String ev() { return "thread"; }
    }

    record State(long seq, long t, int tid, String thread, ThreadState state, Reason reason, String on)
            implements TraceEvent {
        public String ev() { return "state"; }
    }

    record QueueDepth(long seq, long t, String on, int depth, int maxsize, int tid, String thread, String op)
            implements TraceEvent {
        public String ev() { return "queue"; }
    }

    record Join(long seq, long t, int tid, String thread, int target, boolean begin, boolean timedOut)
            implements TraceEvent {
        public String ev() { return "join"; }
    }

    record LockOwner(long seq, long t, String on, int owner) implements TraceEvent {
        public String ev() { return "lock"; }
    }

    record Signal(long seq, long t, int tid, String thread, String on, boolean set) implements TraceEvent {
        public String ev() { return "signal"; }
    }

    record Gil(long seq, long t, int owner) implements TraceEvent {
        public String ev() { return "gil"; }
    }

    /**
     * Extension {@code step}: {@code id} is the run's id of the step ({@link TraceSink#step}),
     * {@link #NO_ID} when a file gave none; {@code path} its name, as the file shows it.
     */
    record StepBegin(long seq, long t, int tid, String thread, int id, String path) implements TraceEvent {
        /** The id of a step read from a file that named it by its path only. */
        public static final int NO_ID = -1;

        public String ev() { return "step"; }
    }

    /**
     * Extension {@code value}: a counter's new value ({@code local} false, {@code number}) or a
     * local's new value for its thread ({@code local} true, {@code text}: the value's {@code str()}).
     */
    record ValueChange(long seq, long t, int tid, String thread, String on, boolean local, long number, String text)
            implements TraceEvent {
        public String ev() { return "value"; }

        public static ValueChange ofCounter(long seq, long t, int tid, String thread, String on, long number) {
            return new ValueChange(seq, t, tid, thread, on, false, number, null);
        }

        public static ValueChange ofLocal(long seq, long t, int tid, String thread, String on, String text) {
            return new ValueChange(seq, t, tid, thread, on, true, 0, text);
        }
    }

    record Print(long seq, long t, int tid, String thread, String text) implements TraceEvent {
        public String ev() { return "print"; }
    }

    record ExceptionRaised(long seq, long t, int tid, String thread, String type, String message,
                           boolean caught) implements TraceEvent {
        public String ev() { return "exception"; }
    }

    record Marker(long seq, long t, String text) implements TraceEvent {
        public String ev() { return "marker"; }
    }

    /**
     * What the program wrote to standard error (a traceback, an excepthook's line): kept in the
     * run's order for the console, never a line of a trace file (the format has no such event).
     */
    record ErrorReport(long seq, long t, String text) implements TraceEvent {
        public String ev() { return "stderr"; }
    }

    record End(long seq, long t, Outcome outcome, String message) implements TraceEvent {
        public String ev() { return "end"; }
    }
}
