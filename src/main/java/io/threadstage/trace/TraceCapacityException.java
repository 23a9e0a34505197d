package io.threadstage.trace;

/**
 * Recording refused because the recorder reached its memory cap (or the string table its size
 * limit). Thrown on the recording thread instead of dropping the event: the runtime catches it
 * and ends the run with outcome {@code error} and this message. Unchecked because every
 * {@link TraceSink} method may throw it.
 */
public final class TraceCapacityException extends RuntimeException {

    /** How the message of a recorder that reached its cap of events begins. */
    public static final String REACHED = "trace capacity reached";

    private final long capacity;

    public TraceCapacityException(String message, long capacity) {
        super(message);
        this.capacity = capacity;
    }

    /** The limit that was reached, in events (or distinct strings). */
    public long capacity() {
        return capacity;
    }
}
