package io.threadstage.io;

import io.threadstage.model.PythonRepr;
import io.threadstage.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Renders scenario values, texts and durations as Python literals. Stateless; any thread. */
final class PythonLiterals {

    private PythonLiterals() {
    }

    /** Strings double-quoted, as the rest of the generated program writes them. */
    static String value(Value value) {
        return PythonRepr.literal(value, PythonLiterals::string, PythonLiterals::real);
    }

    static List<String> values(List<Value> values) {
        List<String> rendered = new ArrayList<>();
        for (Value item : values) {
            rendered.add(value(item));
        }
        return rendered;
    }

    /** A tuple literal, with the trailing comma a one-element tuple needs. */
    static String tuple(List<Value> values) {
        List<String> rendered = values(values);
        return rendered.size() == 1 ? "(" + rendered.get(0) + ",)" : "(" + String.join(", ", rendered) + ")";
    }

    /**
     * A float as repr() prints it, so the program shows the number the run prints; NaN and the
     * infinities have no literal and are written as calls.
     */
    static String real(double number) {
        if (Double.isNaN(number)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }
        return PythonRepr.floatRepr(number);
    }

    /** Milliseconds of lesson time as Python's seconds: 300 is {@code 0.3}, 2000 is {@code 2}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** A double-quoted string literal. */
    static String string(String text) {
        return "\"" + escape(text) + "\"";
    }

    /** The inside of a double-quoted literal; braces pass untouched (f-strings double them first). */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c == '"') {
                escaped.append("\\\"");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A triple-quoted docstring's inside: one line, no run of three quotes, no trailing quote,
     * no backslash surprises, and other control characters escaped (Python refuses a NUL in a
     * source file).
     */
    static String docstring(String text) {
        String oneLine = oneLine(text.replace("\\", "\\\\")).strip();
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            escaped.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        oneLine = escaped.toString().replace("\"\"\"", "\\\"\\\"\\\"");
        if (oneLine.endsWith("\"")) {
            oneLine = oneLine.substring(0, oneLine.length() - 1) + "\\\"";
        }
        return oneLine;
    }

    /**
     * Text that stays inside a {@code #} comment: Python ends a comment at a carriage return as
     * at a newline (the rest would be code), refuses a NUL, and editors break lines at the
     * Unicode line separators; each becomes a space, as does every other control character.
     */
    static String comment(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breaks = c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029';
            safe.append(breaks ? ' ' : c);
        }
        return safe.toString();
    }

    /** Line breaks of every kind as spaces. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breaks = c == '\n' || c == '\r' || c == 0x85 || c == '\u2028' || c == '\u2029';
            line.append(breaks ? ' ' : c);
        }
        return line.toString();
    }
}
