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

    /**
     * The inside of a double-quoted literal, of exactly {@code text}: a backslash and a double
     * quote escaped, and every character {@code str.isprintable()} refuses written as an escape
     * ({@code \\n}, {@code \\x0c}, {@code \\u2028}, {@code \\ufeff}, {@code \\u202e},
     * {@code \\ud800} for half a surrogate pair), so the source holds no raw line break, NUL,
     * BOM or bidirectional control that a tokenizer, an editor or a reader could take for
     * something else. Braces pass untouched (f-strings double them first); the escapes are
     * legal in an f-string's literal part, which is all this is ever used for in one.
     */
    static String escape(String text) {
        return escaped(text, false);
    }

    /**
     * The inside of a triple-quoted docstring whose value is exactly {@code text}, on one line:
     * escaped as {@link #escape} does, except that a double quote is written as itself unless
     * another quote or the closing quotes follow it, so no run of three can end the docstring.
     */
    static String docstring(String text) {
        return escaped(text, true);
    }

    private static String escaped(String text, boolean tripleQuoted) {
        StringBuilder escaped = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c == '"') {
                boolean quoteFollows = i == text.length() || text.charAt(i) == '"';
                escaped.append(tripleQuoted && !quoteFollows ? "\"" : "\\\"");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (PythonRepr.isPrintable(c)) {
                escaped.appendCodePoint(c);
            } else {
                escaped.append(codeEscape(c));
            }
        }
        return escaped.toString();
    }

    /** {@code \\xhh}, {@code \\uhhhh} or {@code \\Uhhhhhhhh}, as {@code repr()} writes them. */
    private static String codeEscape(int c) {
        if (c < 0x100) {
            return String.format("\\x%02x", c);
        }
        return c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }

    /**
     * The text of a {@code #} comment: Python ends a comment at a carriage return as at a
     * newline (the rest would be code), refuses a NUL, editors break lines at the other line
     * and paragraph separators, and bidirectional controls can make the line read as other
     * code than it is. So every character {@code str.isprintable()} refuses (a control, a
     * format character, a separator other than the space, half a surrogate pair) becomes a
     * space, and spaces at either end go: an empty result means the text shows nothing.
     */
    static String comment(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(PythonRepr.isPrintable(c) ? c : ' '));
        int start = 0;
        int end = safe.length();
        while (start < end && safe.charAt(start) == ' ') {
            start++;
        }
        while (end > start && safe.charAt(end - 1) == ' ') {
            end--;
        }
        return safe.substring(start, end);
    }
}
