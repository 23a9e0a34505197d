package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadstage.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void numbersWithoutFractionAreIntsOthersFloats() throws Exception {
        Map<String, Value> entries = new LinkedHashMap<>();
        entries.put("z", new Value.Int(2));
        entries.put("a", new Value.Real(1e3));
        Value expected = new Value.Array(List.of(Value.NONE, new Value.Bool(true), new Value.Int(-7),
                new Value.Real(1.5), Value.of("q"), new Value.Dict(entries)));
        assertEquals(expected, JsonValues.fromJson(JSON.readTree("[null, true, -7, 1.5, \"q\", {\"z\": 2, \"a\": 1e3}]")));
    }

    @Test
    void missingNodeIsNone() {
        assertEquals(Value.NONE, JsonValues.fromJson(null));
    }

    @Test
    void writesBackKeepingKindsAndKeyOrder() throws Exception {
        String text = "[null,false,9007199254740993,0.25,\"t\\\"x\",{\"z\":[],\"a\":{}}]";
        assertEquals(text, JsonValues.toJson(JsonValues.fromJson(JSON.readTree(text))).toString());
        assertEquals("null", JsonValues.toJson(null).toString());
    }
}
