package io.threadstage.core;

import io.threadstage.model.Limits;
import io.threadstage.model.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's equality of scenario values, and its {@code str(int)} (the rest of repr() and str() is model/PythonRepr's). Stateless. */
final class PyValues {

    private PyValues() {
    }

    /**
     * {@code ==} as Python compares, at every depth: {@code 1 == 1.0 == True}, ints and floats
     * exactly ({@code 2**53 + 1 != float(2**53 + 1)}), lists item by item, dicts by their key
     * sets whatever the order; a text never equals a number. A null value is None.
     */
    static boolean pyEquals(Value a, Value b) {
        Value x = a == null ? Value.NONE : a;
        Value y = b == null ? Value.NONE : b;
        if (isNumber(x) && isNumber(y)) {
            return numbersEqual(x, y);
        }
        if (x instanceof Value.Array left && y instanceof Value.Array right) {
            return listsEqual(left.items(), right.items());
        }
        if (x instanceof Value.Dict left && y instanceof Value.Dict right) {
            return dictsEqual(left.entries(), right.entries());
        }
        if (x instanceof Value.Text left && y instanceof Value.Text right) {
            return left.value().equals(right.value());
        }
        return x instanceof Value.Null && y instanceof Value.Null;
    }

    /**
     * {@code str(int)}: CPython 3.11 refuses to write an int of more than 4300 digits
     * ({@code sys.int_max_str_digits}), which a counter can outgrow.
     */
    static String intStr(BigInteger number) {
        String text = number.toString();
        int digits = text.length() - (number.signum() < 0 ? 1 : 0);
        if (digits > Limits.PYTHON_INT_DIGITS) {
            throw new PyException("ValueError", "Exceeds the limit (" + Limits.PYTHON_INT_DIGITS
                    + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        return text;
    }

    private static boolean isNumber(Value value) {
        return value instanceof Value.Int || value instanceof Value.Real || value instanceof Value.Bool;
    }

    private static boolean numbersEqual(Value x, Value y) {
        if (x instanceof Value.Real left && y instanceof Value.Real right) {
            return left.value() == right.value();
        }
        if (x instanceof Value.Real real) {
            return intEqualsFloat(integer(y), real.value());
        }
        if (y instanceof Value.Real real) {
            return intEqualsFloat(integer(x), real.value());
        }
        return integer(x).equals(integer(y));
    }

    /** bool is an int in Python: True is 1. */
    private static BigInteger integer(Value value) {
        if (value instanceof Value.Bool bool) {
            return bool.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return ((Value.Int) value).value();
    }

    /** As CPython compares an int with a float: exactly, never by rounding the int to a double. */
    private static boolean intEqualsFloat(BigInteger integer, double real) {
        if (!Double.isFinite(real)) {
            return false;
        }
        return new BigDecimal(real).compareTo(new BigDecimal(integer)) == 0;
    }

    private static boolean listsEqual(List<Value> left, List<Value> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!pyEquals(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean dictsEqual(Map<String, Value> left, Map<String, Value> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (Map.Entry<String, Value> entry : left.entrySet()) {
            if (!right.containsKey(entry.getKey()) || !pyEquals(entry.getValue(), right.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
