package io.threadstage.io;

/**
 * A scenario document that cannot be loaded. The message is complete and meant for the user:
 * {@code lessons/x.json: $.workers[1].steps[0]: unknown verb "sleeep"} or, for JSON syntax,
 * {@code lessons/x.json: line 3, column 7: ...}.
 */
public final class ScenarioException extends Exception {

    private final String source;
    private final String place;
    private final String problem;

    public ScenarioException(String source, String place, String problem) {
        super(source + ": " + (place == null ? "" : place + ": ") + problem);
        this.source = source;
        this.place = place;
        this.problem = problem;
    }

    /** The file name (or {@code lesson:ID}) as the user gave it. */
    public String source() {
        return source;
    }

    /** A JSON path ({@code $.main[2]}) or {@code line L, column C}; null for the whole file. */
    public String place() {
        return place;
    }

    /** The problem alone, without file and place. */
    public String problem() {
        return problem;
    }
}
