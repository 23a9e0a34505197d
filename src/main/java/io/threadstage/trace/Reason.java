package io.threadstage.trace;

/**
 * Why a thread waits or how it ended: the {@code reason} key of a {@code state} event.
 * {@link #NONE} is written as an absent reason ({@code created}, {@code running}).
 */
public enum Reason {
    NONE(null),
    SLEEP("sleep"), IO("io"), LOCK("lock"), JOIN("join"), QUEUE_GET("queue_get"), QUEUE_PUT("queue_put"),
    QUEUE_JOIN("queue_join"), EVENT("event"), FUTURE("future"), GIL("gil"), IDLE("idle"),
    /** Extension: held at a step boundary while the run is paused. */
    PAUSED("paused"),
    RETURNED("returned"), EXCEPTION("exception"), KILLED_AT_EXIT("killed_at_exit"),
    /** Extension: ended by Stop, a timeout or a detected deadlock. */
    STOPPED("stopped");

    private final String json;

    Reason(String json) {
        this.json = json;
    }

    /** The trace format's text, or null for {@link #NONE}. */
    public String json() {
        return json;
    }

    public boolean isTermination() {
        return this == RETURNED || this == EXCEPTION || this == KILLED_AT_EXIT || this == STOPPED;
    }
}
