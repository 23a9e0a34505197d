package io.threadstage.io;

import io.threadstage.model.StepPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines of Python being written, with the current indentation and the line each step path
 * begins on. A piece (one function, one class) is written into its own instance and appended
 * to the program, so pieces can be compared and shared before their final line is known.
 * Confined to the thread that generates.
 */
final class PythonLines {

    private static final String INDENT = "    ";

    private final List<String> lines = new ArrayList<>();
    /** Step path to 0-based line index; a shared piece maps several paths to one line. */
    private final Map<StepPath, Integer> marks = new LinkedHashMap<>();
    private int depth;

    void line(String code) {
        lines.add(code.isEmpty() ? "" : INDENT.repeat(depth) + code);
    }

    void blank() {
        lines.add("");
    }

    /** Blank lines so that exactly {@code count} separate what comes next from what was written. */
    void separate(int count) {
        if (lines.isEmpty()) {
            return;
        }
        int trailing = 0;
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).isEmpty(); i--) {
            trailing++;
        }
        for (int i = trailing; i < count; i++) {
            lines.add("");
        }
    }

    /** The step at {@code path} begins on the next line written. */
    void mark(StepPath path) {
        marks.put(path, lines.size());
    }

    void indent() {
        depth++;
    }

    void dedent() {
        depth--;
    }

    int size() {
        return lines.size();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Appends a piece at the current indentation, keeping its marks. */
    void append(PythonLines piece) {
        int offset = lines.size();
        for (String code : piece.lines) {
            line(code);
        }
        piece.marks.forEach((path, index) -> marks.put(path, index + offset));
    }

    /** Gives the steps of {@code equalPiece} the lines of the identical piece already appended at {@code pieceStart}. */
    void markShared(PythonLines equalPiece, int pieceStart) {
        equalPiece.marks.forEach((path, index) -> marks.put(path, index + pieceStart));
    }

    /** A copy with {@code token} replaced by {@code replacement} in every line, marks kept. */
    PythonLines renamed(String token, String replacement) {
        PythonLines copy = new PythonLines();
        for (String code : lines) {
            copy.lines.add(code.replace(token, replacement));
        }
        copy.marks.putAll(marks);
        return copy;
    }

    /** The lines without indentation bookkeeping, for comparing two pieces. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (String code : lines) {
            text.append(code).append('\n');
        }
        return text.toString();
    }

    /** 1-based line of every marked step. */
    Map<StepPath, Integer> lineNumbers() {
        Map<StepPath, Integer> numbers = new LinkedHashMap<>();
        marks.forEach((path, index) -> numbers.put(path, index + 1));
        return numbers;
    }
}
