package io.threadstage.trace;

/**
 * How a thread object was made: the {@code style} key of a {@code thread} event. The recorder
 * keeps it as a small code; files keep the text ({@link #json()}).
 */
public enum ThreadStyle {
    MAIN("main"),
    /** {@code Thread(target=function)} */
    TARGET("target"),
    /** {@code Thread(target=lambda: ...)} */
    LAMBDA("lambda"),
    /** a subclass of {@code threading.Thread} overriding {@code run()} */
    SUBCLASS("subclass"),
    /** an object with {@code __call__} passed as {@code target} */
    CALLABLE("callable"),
    /** a worker thread of a {@code ThreadPoolExecutor} */
    POOL("pool");

    private static final ThreadStyle[] ALL = values();

    private final String json;

    ThreadStyle(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The style a file or a tracer names; an unknown name is {@link #TARGET}, the plain {@code Thread(target=...)}. */
    public static ThreadStyle ofJson(String text) {
        for (ThreadStyle style : ALL) {
            if (style.json.equals(text)) {
                return style;
            }
        }
        return TARGET;
    }

    static ThreadStyle ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }
}
