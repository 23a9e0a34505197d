package io.threadstage.trace;

/** What changed a queue's depth: the {@code op} key of a {@code queue} event (an extension). */
public enum QueueOp {
    PUT("put"), GET("get");

    private final String json;

    QueueOp(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The op a file names, or null for none or one this version does not know. */
    public static QueueOp ofJson(String text) {
        return "put".equals(text) ? PUT : "get".equals(text) ? GET : null;
    }
}
