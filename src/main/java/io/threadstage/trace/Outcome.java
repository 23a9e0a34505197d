package io.threadstage.trace;

/** How a run ended: the {@code outcome} of the trace's last line. */
public enum Outcome {
    COMPLETED("completed"), STOPPED("stopped"), DEADLOCK("deadlock"), ERROR("error");

    private final String json;

    Outcome(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
