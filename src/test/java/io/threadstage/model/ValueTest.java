package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values compare as records do, though each spells its equals and hashCode out. */
class ValueTest {

    private static void same(Value a, Value b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode(), a + " and " + b);
    }

    @Test
    void equalValuesAreEqualWithEqualHashes() {
        same(Value.NONE, new Value.Null());
        same(new Value.Bool(true), new Value.Bool(true));
        same(new Value.Int(42), Value.of(42));
        same(new Value.Real(0.5), new Value.Real(0.5));
        same(new Value.Real(Double.NaN), new Value.Real(Double.NaN));
        same(Value.of("done"), new Value.Text("done"));
        same(new Value.Text(null), new Value.Text(null));
        same(new Value.Array(List.of(Value.of(1), Value.NONE)), new Value.Array(List.of(Value.of(1), new Value.Null())));
        Map<String, Value> ab = new LinkedHashMap<>();
        ab.put("a", Value.of(1));
        ab.put("b", new Value.Array(List.of(Value.of("x"))));
        Map<String, Value> ba = new LinkedHashMap<>();
        ba.put("b", new Value.Array(List.of(Value.of("x"))));
        ba.put("a", Value.of(1));
        same(new Value.Dict(ab), new Value.Dict(ba));
    }

    @Test
    void differentValuesOrKindsAreNotEqual() {
        assertNotEquals(new Value.Bool(true), new Value.Bool(false));
        assertNotEquals(Value.of(1), Value.of(2));
        assertNotEquals(Value.of(1), new Value.Real(1.0));
        assertNotEquals(new Value.Real(0.0), new Value.Real(-0.0));
        assertNotEquals(Value.of("1"), Value.of(1));
        assertNotEquals(Value.NONE, Value.of("None"));
        assertNotEquals(Value.NONE, null);
        assertNotEquals(new Value.Array(List.of(Value.of(1), Value.of(2))),
                new Value.Array(List.of(Value.of(2), Value.of(1))));
        assertNotEquals(new Value.Dict(Map.of("a", Value.of(1))), new Value.Dict(Map.of("a", Value.of(2))));
        assertNotEquals(new Value.Array(List.of()), new Value.Dict(Map.of()));
    }
}
