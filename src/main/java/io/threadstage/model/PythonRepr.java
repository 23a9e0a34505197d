package io.threadstage.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;

/**
 * CPython 3.11's {@code repr()} and {@code str()} of scenario values, so that what the runtime
 * prints and what the generated program prints agree character for character. Also the walk
 * over lists and dicts that any Python literal of a value shares. Stateless; any thread.
 */
public final class PythonRepr {

    /** Beyond these decimal-point positions CPython's repr switches to exponent notation. */
    private static final int LOWEST_PLAIN_POINT = -3;
    private static final int HIGHEST_PLAIN_POINT = 16;
    private static final int MAX_DOUBLE_DIGITS = 17;

    private PythonRepr() {
    }

    public static String str(Value value) {
        if (value instanceof Value.Text text) {
            return text.value();
        }
        return repr(value);
    }

    public static String repr(Value value) {
        return literal(value, PythonRepr::quote, PythonRepr::floatRepr);
    }

    /**
     * A value as Python writes it, with strings and floats rendered by the caller: a program's
     * source may prefer another quote, or must spell a NaN as a call. A null value is None.
     */
    public static String literal(Value value, UnaryOperator<String> text, DoubleFunction<String> real) {
        if (value == null || value instanceof Value.Null) {
            return "None";
        }
        if (value instanceof Value.Bool bool) {
            return bool.value() ? "True" : "False";
        }
        if (value instanceof Value.Int number) {
            return number.value().toString();
        }
        if (value instanceof Value.Real number) {
            return real.apply(number.value());
        }
        if (value instanceof Value.Text string) {
            return text.apply(string.value());
        }
        if (value instanceof Value.Array array) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            array.items().forEach(item -> items.add(literal(item, text, real)));
            return items.toString();
        }
        Value.Dict dict = (Value.Dict) value;
        StringJoiner entries = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
            entries.add(text.apply(entry.getKey()) + ": " + literal(entry.getValue(), text, real));
        }
        return entries.toString();
    }

    /**
     * {@code repr(float)}: the fewest digits that read back as the same double, plain between
     * 1e-4 and 1e16, else with a signed exponent of at least two digits.
     */
    public static String floatRepr(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        String sign = (number < 0 || (number == 0 && 1 / number < 0)) ? "-" : "";
        if (number == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(number));
        String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
        // the decimal point sits after this many digits: 0.001 has -2, 123.0 has 3
        int point = shortest.precision() - shortest.scale();
        if (point < LOWEST_PLAIN_POINT || point > HIGHEST_PLAIN_POINT) {
            int exponent = point - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = new BigDecimal(digits).scaleByPowerOfTen(point - digits.length()).toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /**
     * The shortest decimal that reads back as {@code magnitude}, nearest to it among equals.
     * Only the two neighbours at each length can be nearest, so trying both is exact; Java 17's
     * Double.toString is not always the shortest.
     */
    private static BigDecimal shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int digits = 1; digits < MAX_DOUBLE_DIGITS; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == magnitude) {
                return nearest;
            }
            BigDecimal below = exact.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal above = exact.round(new MathContext(digits, RoundingMode.UP));
            BigDecimal other = nearest.compareTo(below) == 0 ? above : below;
            if (other.doubleValue() == magnitude) {
                return other;
            }
        }
        return exact.round(new MathContext(MAX_DOUBLE_DIGITS, RoundingMode.HALF_EVEN));
    }

    /**
     * {@code repr(str)}: single quotes unless the text has one and no double quote; what
     * {@code str.isprintable()} refuses is escaped by its code (x, u or U escapes).
     */
    public static String quote(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            if (c == '\\' || c == quote) {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }

    /**
     * Python's {@code str.isprintable()} for one character: every character but controls,
     * format characters (BOM, bidirectional controls), surrogates, private use, unassigned and
     * separators (line, paragraph, and spaces other than the space itself).
     */
    public static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
