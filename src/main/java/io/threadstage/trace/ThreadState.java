package io.threadstage.trace;

/** The four states of the trace format's {@code state} event. */
public enum ThreadState {
    CREATED("created"), RUNNING("running"), WAITING("waiting"), TERMINATED("terminated");

    private final String json;

    ThreadState(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
