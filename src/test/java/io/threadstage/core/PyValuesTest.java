package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyValuesTest {

    @Test
    void numbersCompareByValueAcrossIntFloatAndBool() {
        assertTrue(PyValues.pyEquals(Value.of(1), new Value.Real(1.0)));
        assertTrue(PyValues.pyEquals(new Value.Bool(true), Value.of(1)));
        assertTrue(PyValues.pyEquals(new Value.Bool(false), new Value.Real(-0.0)));
        assertFalse(PyValues.pyEquals(Value.of("1"), Value.of(1)));
    }

    @Test
    void anIntAndAFloatCompareExactlyBeyondTwoToTheFiftyThree() {
        assertFalse(PyValues.pyEquals(Value.of(9007199254740993L), new Value.Real(9007199254740992.0)));
        assertTrue(PyValues.pyEquals(Value.of(9007199254740992L), new Value.Real(9007199254740992.0)));
    }

    @Test
    void listsAndDictsCompareItemByItemAsPythonDoes() {
        assertTrue(PyValues.pyEquals(new Value.Array(List.of(Value.of(1), Value.of(2))),
                new Value.Array(List.of(new Value.Real(1.0), new Value.Real(2.0)))));
        assertFalse(PyValues.pyEquals(new Value.Array(List.of(Value.of(1))), new Value.Array(List.of(Value.of(1), Value.of(1)))));
        Map<String, Value> ab = new LinkedHashMap<>();
        ab.put("a", Value.of(1));
        ab.put("b", new Value.Array(List.of(new Value.Bool(true))));
        Map<String, Value> ba = new LinkedHashMap<>();
        ba.put("b", new Value.Array(List.of(Value.of(1))));
        ba.put("a", new Value.Real(1.0));
        assertTrue(PyValues.pyEquals(new Value.Dict(ab), new Value.Dict(ba)));
        assertFalse(PyValues.pyEquals(new Value.Dict(ab), new Value.Dict(Map.of("a", Value.of(1)))));
    }

    @Test
    void noneEqualsOnlyNone() {
        assertTrue(PyValues.pyEquals(Value.NONE, null));
        assertFalse(PyValues.pyEquals(Value.NONE, Value.of(0)));
        assertFalse(PyValues.pyEquals(new Value.Array(List.of()), Value.NONE));
    }
}
