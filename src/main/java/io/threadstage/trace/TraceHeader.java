package io.threadstage.trace;

/** The first line of a trace. {@code started} is an ISO-8601 instant, e.g. 2026-11-25T21:00:00Z. */
public record TraceHeader(String title, String started, double speed, boolean gil) {

    public static final String FORMAT = "threadstage-trace/1";
}
