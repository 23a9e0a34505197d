package io.threadstage.io;

/**
 * A trace file that cannot be read. The message is complete and meant for the user:
 * {@code run.jsonl: line 7: missing "depth"}, {@code run.jsonl: line 3, column 12: unexpected end of the line} for
 * JSON syntax, or {@code run.jsonl: cannot read: no such file}
 * when no line is to blame.
 */
public final class TraceFileException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /** @param line 1-based line number, or 0 when the problem is not on one line */
    public TraceFileException(String source, int line, String problem) {
        this(source, line, 0, problem);
    }

    /** @param column 1-based column on {@code line} where the problem starts, or 0 for the whole line */
    public TraceFileException(String source, int line, int column, String problem) {
        super(source + ": " + (line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "") + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column on the line, or 0 when the whole line is to blame. */
    public int column() {
        return column;
    }

    /** The problem alone, without file and line. */
    public String problem() {
        return problem;
    }
}
