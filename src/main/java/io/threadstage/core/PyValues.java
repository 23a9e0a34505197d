package io.threadstage.core;

import io.threadstage.model.Value;
import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/** Python's {@code str()} and {@code repr()} of scenario values, and Python equality. Stateless. */
final class PyValues {

    private PyValues() {
    }

    static String str(Value value) {
        if (value instanceof Value.Text text) {
            return text.value();
        }
        return repr(value);
    }

    static String repr(Value value) {
        if (value == null || value instanceof Value.Null) {
            return "None";
        }
        if (value instanceof Value.Bool bool) {
            return bool.value() ? "True" : "False";
        }
        if (value instanceof Value.Int number) {
            return Long.toString(number.value());
        }
        if (value instanceof Value.Real real) {
            return floatRepr(real.value());
        }
        if (value instanceof Value.Text text) {
            return quote(text.value());
        }
        if (value instanceof Value.Array array) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            array.items().forEach(item -> items.add(repr(item)));
            return items.toString();
        }
        Value.Dict dict = (Value.Dict) value;
        StringJoiner entries = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
            entries.add(quote(entry.getKey()) + ": " + repr(entry.getValue()));
        }
        return entries.toString();
    }

    /** {@code ==} as Python compares: 1 == 1.0, True == 1. */
    static boolean pyEquals(Value a, Value b) {
        Double x = numeric(a);
        Double y = numeric(b);
        if (x != null && y != null) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == null || b == null) {
            return (a == null || a instanceof Value.Null) && (b == null || b instanceof Value.Null);
        }
        return a.equals(b);
    }

    private static Double numeric(Value value) {
        if (value instanceof Value.Int number) {
            return (double) number.value();
        }
        if (value instanceof Value.Real real) {
            return real.value();
        }
        if (value instanceof Value.Bool bool) {
            return bool.value() ? 1.0 : 0.0;
        }
        return null;
    }

    private static String floatRepr(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(number);
        if (magnitude != 0 && (magnitude >= 1e16 || magnitude < 1e-4)) {
            String java = Double.toString(number);
            int e = java.indexOf('E');
            String mantissa = java.substring(0, e).replaceAll("\\.0$", "");
            int exponent = Integer.parseInt(java.substring(e + 1));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = new BigDecimal(Double.toString(number)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String quote(String text) {
        String quote = text.contains("'") && !text.contains("\"") ? "\"" : "'";
        StringBuilder out = new StringBuilder(quote);
        for (char c : text.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (String.valueOf(c).equals(quote)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
