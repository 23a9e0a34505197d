package io.threadstage.model;

/** The four ways the chapter creates a thread. */
public enum WorkerStyle {
    /** {@code Thread(target=function, args=..., kwargs=...)} */
    TARGET("target"),
    /** {@code Thread(target=lambda: ...)} */
    LAMBDA("lambda"),
    /** {@code class C(threading.Thread)} overriding {@code run()} */
    SUBCLASS("subclass"),
    /** an object with {@code __call__} passed as {@code target} */
    CALLABLE("callable");

    private final String json;

    WorkerStyle(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static WorkerStyle fromJson(String text) {
        for (WorkerStyle style : values()) {
            if (style.json.equals(text)) {
                return style;
            }
        }
        return null;
    }
}
