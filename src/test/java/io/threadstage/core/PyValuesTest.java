package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's {@code ==} on scenario values, each case as CPython 3.11 answers it. */
class PyValuesTest {

    private static final BigInteger TWO_TO_53 = BigInteger.TWO.pow(53);

    private static Value integer(long value) {
        return Value.of(value);
    }

    private static Value real(double value) {
        return new Value.Real(value);
    }

    private static Value list(Value... items) {
        return new Value.Array(List.of(items));
    }

    private static Value dict(Object... keysAndValues) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return new Value.Dict(entries);
    }

    private static void python(boolean expected, Value a, Value b) {
        assertEquals(expected, PyValues.pyEquals(a, b), a + " == " + b);
        assertEquals(expected, PyValues.pyEquals(b, a), b + " == " + a);
    }

    @Test
    void numbersOfEveryKindCompareByValue() {
        python(true, integer(1), real(1.0));
        python(true, integer(1), new Value.Bool(true));
        python(true, integer(0), new Value.Bool(false));
        python(true, real(0.0), new Value.Bool(false));
        python(true, real(-0.0), integer(0));
        python(false, integer(2), new Value.Bool(true));
        python(false, integer(1), real(1.5));
    }

    @Test
    void bigIntsAndFloatsCompareExactlyNotByRounding() {
        Value exact = new Value.Int(TWO_TO_53);
        Value oneMore = new Value.Int(TWO_TO_53.add(BigInteger.ONE));
        python(true, exact, real(Math.pow(2, 53)));
        // float(2**53 + 1) rounds to 2**53, yet CPython says 2**53 + 1 != 2.0**53
        python(false, oneMore, real(Math.pow(2, 53)));
        python(true, new Value.Int(BigInteger.TWO.pow(1000)), real(Math.pow(2, 1000)));
        python(false, new Value.Int(BigInteger.TWO.pow(1024)), real(Double.POSITIVE_INFINITY));
        python(false, integer(Long.MAX_VALUE), real(Math.pow(2, 63)));
        python(true, new Value.Int(BigInteger.TWO.pow(63)), real(Math.pow(2, 63)));
    }

    @Test
    void textNeverEqualsANumberAndNoneOnlyNone() {
        python(false, Value.of("1"), integer(1));
        python(true, Value.NONE, Value.NONE);
        python(true, null, Value.NONE);
        python(false, Value.NONE, integer(0));
        python(false, Value.NONE, Value.of(""));
        python(false, new Value.Bool(false), Value.NONE);
        python(true, Value.of("stop"), Value.of("stop"));
    }

    @Test
    void listsAndDictsCompareAtEveryDepth() {
        python(true, list(integer(1), dict("k", integer(1))), list(real(1.0), dict("k", new Value.Bool(true))));
        python(false, list(integer(1), dict("k", integer(1))), list(integer(1), dict("k", integer(2))));
        python(false, list(integer(1)), list(integer(1), integer(1)));
        python(true, dict("a", integer(1), "b", list()), dict("b", list(), "a", real(1.0)));
        python(false, dict("a", integer(1)), dict("b", integer(1)));
        python(false, dict("a", integer(1)), dict("a", integer(1), "b", integer(2)));
        python(false, list(), dict());
        python(false, list(Value.of("1")), list(integer(1)));
    }

    @Test
    void strOfAnIntStopsAt4300Digits() {
        BigInteger limit = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE);
        assertEquals(4301, PyValues.intStr(limit.negate()).length());
        PyException error = org.junit.jupiter.api.Assertions.assertThrows(PyException.class,
                () -> PyValues.intStr(limit.add(BigInteger.ONE)));
        assertEquals("ValueError: Exceeds the limit (4300 digits) for integer string conversion;"
                + " use sys.set_int_max_str_digits() to increase the limit", error.lastLine());
    }
}
