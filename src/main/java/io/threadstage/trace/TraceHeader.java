package io.threadstage.trace;

/** The first line of a trace. {@code started} is an ISO-8601 instant, e.g. 2026-11-25T21:00:00Z. */
public record TraceHeader(String title, String started, double speed, boolean gil) {

    public static final String FORMAT = "threadstage-trace/1";

    /** The interpreter a run stands for: CPython 3.11 has its GIL; without it, a free-threaded build. */
    public static String interpreter(boolean gil) {
        return gil ? "CPython 3.11" : "free-threaded CPython 3.13t (no GIL)";
    }

    /** A title as the stage shows it: a free-threaded run says so, since CPython 3.11 never runs that way. */
    public static String stageTitle(String title, boolean gil) {
        return gil || title == null ? title : title + " \u00b7 " + interpreter(false);
    }

    public String interpreter() {
        return interpreter(gil);
    }

    public String stageTitle() {
        return stageTitle(title, gil);
    }
}
