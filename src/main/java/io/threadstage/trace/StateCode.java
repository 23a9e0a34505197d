package io.threadstage.trace;

/**
 * A thread state and its reason packed into one small number, the form the {@link TraceStore}
 * keeps per interval and hands to views: {@code state.ordinal() << 5 | reason.ordinal()}.
 * Stateless; usable from any thread.
 */
public final class StateCode {

    /** One more than the largest code: the size of a table indexed by code. */
    public static final int LIMIT = ThreadState.values().length << 5;

    private static final ThreadState[] STATES = ThreadState.values();
    private static final Reason[] REASONS = Reason.values();

    private StateCode() {
    }

    public static int of(ThreadState state, Reason reason) {
        return state.ordinal() << 5 | (reason == null ? Reason.NONE : reason).ordinal();
    }

    public static ThreadState state(int code) {
        return STATES[code >>> 5];
    }

    public static Reason reason(int code) {
        return REASONS[code & 31];
    }

    /** "waiting: lock", "running", "terminated: exception". */
    public static String describe(int code) {
        Reason reason = reason(code);
        return reason == Reason.NONE ? state(code).json() : state(code).json() + ": " + reason.json();
    }
}
