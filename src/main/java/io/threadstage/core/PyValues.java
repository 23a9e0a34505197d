package io.threadstage.core;

import io.threadstage.model.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Python's equality of scenario values (their repr() and str() are model/PythonRepr's). Stateless. */
final class PyValues {

    private PyValues() {
    }

    /**
     * {@code ==} as Python compares: 1 == 1.0, True == 1, and lists and dicts item by item,
     * so [1, 2] == [1, 2.0] and {"a": 1} == {"a": 1.0}.
     */
    static boolean pyEquals(Value a, Value b) {
        if (isNone(a) || isNone(b)) {
            return isNone(a) && isNone(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return sameNumber(a, b);
        }
        if (a instanceof Value.Array x && b instanceof Value.Array y) {
            return sameItems(x.items(), y.items());
        }
        if (a instanceof Value.Dict x && b instanceof Value.Dict y) {
            return sameEntries(x.entries(), y.entries());
        }
        return a.equals(b);
    }

    private static boolean isNone(Value value) {
        return value == null || value instanceof Value.Null;
    }

    private static boolean isNumber(Value value) {
        return value instanceof Value.Int || value instanceof Value.Real || value instanceof Value.Bool;
    }

    /** Exactly, as Python compares an int with a float: 2**53 + 1 is not 2.0**53. */
    private static boolean sameNumber(Value a, Value b) {
        if (a instanceof Value.Real x && b instanceof Value.Real y) {
            return x.value() == y.value();
        }
        return exact(a).compareTo(exact(b)) == 0;
    }

    private static BigDecimal exact(Value number) {
        if (number instanceof Value.Int integer) {
            return BigDecimal.valueOf(integer.value());
        }
        if (number instanceof Value.Bool bool) {
            return bool.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(((Value.Real) number).value());
    }

    private static boolean sameItems(List<Value> x, List<Value> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!pyEquals(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEntries(Map<String, Value> x, Map<String, Value> y) {
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (Map.Entry<String, Value> entry : x.entrySet()) {
            if (!pyEquals(entry.getValue(), y.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
