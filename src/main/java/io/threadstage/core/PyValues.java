package io.threadstage.core;

import io.threadstage.model.Value;

/** Python's equality of scenario values (their repr() and str() are model/PythonRepr's). Stateless. */
final class PyValues {

    private PyValues() {
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
}
