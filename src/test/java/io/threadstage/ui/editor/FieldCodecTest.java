package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the property sheet makes of typed numbers: Python's ints of any size, floats as typed. */
class FieldCodecTest {

    private static final String TWO_TO_70 = "1180591620717411303424";

    @Test
    void aBigIntegerTypedAsAValueIsAnIntAndFormatsBackTheSame() throws FieldCodec.BadText {
        Value value = (Value) FieldCodec.parse(FieldKind.VALUE, Value.class, TWO_TO_70);
        assertEquals(new Value.Int(new BigInteger(TWO_TO_70)), value);
        assertEquals(TWO_TO_70, FieldCodec.format(value));
        assertEquals(List.of(new Value.Int(new BigInteger(TWO_TO_70)), new Value.Real(1000.0)),
                FieldCodec.parse(FieldKind.VALUES, List.class, TWO_TO_70 + ", 1e3"));
    }

    @Test
    void valuesFormatAsTheJsonTreesOwnTextWould() {
        // the outline and the sheet show values as Jackson's compact JSON; written without its mapper
        Map<String, Value> entries = new java.util.LinkedHashMap<>();
        entries.put("k\"ey", Value.of("v"));
        entries.put("n", Value.NONE);
        entries.put("nested", new Value.Array(List.of(new Value.Bool(true), new Value.Dict(Map.of()))));
        List<Value> values = List.of(Value.NONE, new Value.Bool(false), new Value.Int(BigInteger.valueOf(-7)),
                new Value.Int(new BigInteger(TWO_TO_70)), new Value.Real(1.0), new Value.Real(-0.0),
                new Value.Real(1e-7), new Value.Real(1e21), new Value.Real(0.1), new Value.Real(Double.NaN),
                new Value.Real(Double.NEGATIVE_INFINITY), Value.of(""), Value.of("report.pdf"),
                Value.of("quote \" back \\ slash / tab \t line \n cr \r bell \u0007 del \u007f"),
                Value.of("caf\u00e9 \u2014 \ud83d\ude00 </script>"), new Value.Array(List.of()),
                new Value.Array(List.of(Value.of("a"), new Value.Int(BigInteger.ONE), Value.NONE)),
                new Value.Dict(entries));
        for (Value value : values) {
            String expected = io.threadstage.io.JsonValues.toJson(value).toString();
            assertEquals(expected, FieldCodec.format(value), "for " + value);
        }
        assertEquals(io.threadstage.io.JsonValues.toJson(new Value.Array(values)).toString(), FieldCodec.format(values));
        assertEquals(io.threadstage.io.JsonValues.toJson(new Value.Dict(entries)).toString(), FieldCodec.format(entries));
    }

    @Test
    void anIntegerLongerThanJacksonsDefaultIsStillANumber() throws FieldCodec.BadText {
        String digits = "7".repeat(4000);
        assertEquals(new Value.Int(new BigInteger(digits)), FieldCodec.parse(FieldKind.VALUE, Value.class, digits));
    }

    @Test
    void aCounterFieldTakesAnyIntegerAnIntFieldOnlyAnInt() throws FieldCodec.BadText {
        assertEquals(new BigInteger("-" + TWO_TO_70), FieldCodec.parse(FieldKind.INTEGER, BigInteger.class, "-" + TWO_TO_70));
        assertEquals(12, FieldCodec.parse(FieldKind.INTEGER, int.class, " 12 "));
        assertEquals(12L, FieldCodec.parse(FieldKind.OPTIONAL_INTEGER, Long.class, "12"));
        assertEquals("out of range: " + TWO_TO_70,
                assertThrows(FieldCodec.BadText.class, () -> FieldCodec.parse(FieldKind.INTEGER, int.class, TWO_TO_70))
                        .getMessage());
        assertEquals("not a whole number: 1.5",
                assertThrows(FieldCodec.BadText.class, () -> FieldCodec.parse(FieldKind.INTEGER, BigInteger.class, "1.5"))
                        .getMessage());
    }

    @Test
    void theSheetEditsACountersValueAndAnIncrementsStepAsBigInts() throws FieldCodec.BadText {
        Scenario scenario = new Scenario("t", null, Settings.DEFAULT, List.of(new Resource.Counter("hits", 0)),
                List.of(), List.of(new Step.Increment("hits", 1), new Step.Raise("SystemExit", "bye")), Map.of());

        Scenario counted = FieldSheet.apply(scenario, new Selection.OfResource(0), "value", "-" + TWO_TO_70);
        assertEquals(new Resource.Counter("hits", new BigInteger("-" + TWO_TO_70)), counted.resources().get(0));
        EditorField value = FieldSheet.fields(counted, new Selection.OfResource(0), List.of()).stream()
                .filter(field -> field.key().equals("value")).findFirst().orElseThrow();
        assertEquals(FieldKind.INTEGER, value.kind());
        assertEquals("-" + TWO_TO_70, value.text());

        StepPath increment = BodyPath.main().at(0);
        Scenario stepped = FieldSheet.apply(scenario, new Selection.OfStep(increment), "by", TWO_TO_70);
        assertEquals(new Step.Increment("hits", new BigInteger(TWO_TO_70)), stepped.main().get(0));

        // an empty message is raise SystemExit(), a number its exit status
        StepPath raise = BodyPath.main().at(1);
        assertEquals(new Step.Raise("SystemExit", (Value) null),
                FieldSheet.apply(scenario, new Selection.OfStep(raise), "message", "").main().get(1));
        assertEquals(new Step.Raise("SystemExit", Value.of(3)),
                FieldSheet.apply(scenario, new Selection.OfStep(raise), "message", "3").main().get(1));
    }
}
