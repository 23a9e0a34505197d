package io.threadstage.trace;

/**
 * How a run ended: the {@code outcome} of the trace's last line. {@code interrupted} is an
 * extension: the process was asked to end (Ctrl-C) while the run went on.
 */
public enum Outcome {
    COMPLETED("completed"), STOPPED("stopped"), DEADLOCK("deadlock"), ERROR("error"), INTERRUPTED("interrupted");

    private final String json;

    Outcome(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
