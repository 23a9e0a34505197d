package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers are read as Python's {@code json} reads them: an integer of any size is an int, a
 * number with a fraction or an exponent a float; big ints survive a save; where the model needs
 * a small number (times, counts) a big one is refused with the range and the JSON path.
 */
class PythonNumbersTest {

    private static final BigInteger TWO_TO_64 = BigInteger.TWO.pow(64);

    private final ScenarioLoader loader = new ScenarioLoader();
    private final ScenarioWriter writer = new ScenarioWriter();

    private Scenario parse(String json) throws ScenarioException {
        return loader.parse("n.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(String json) {
        return assertThrows(ScenarioException.class, () -> parse(json)).getMessage();
    }

    private static String document(String resources, String main) {
        return "{\"format\": \"threadstage/1\", \"title\": \"N\", \"resources\": [" + resources + "], \"main\": [" + main + "]}";
    }

    @Test
    void integersOfAnySizeAreIntsAndFractionsOrExponentsFloats() throws ScenarioException {
        Scenario scenario = parse(document("{\"kind\": \"queue\", \"name\": \"q\"}",
                "{\"put\": \"q\", \"item\": [18446744073709551616, -9223372036854775809, 1e3, 1.0, 7]}"));
        Value item = ((Step.Put) scenario.main().get(0)).item();
        assertEquals(new Value.Array(List.of(new Value.Int(TWO_TO_64),
                new Value.Int(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)),
                new Value.Real(1000.0), new Value.Real(1.0), new Value.Int(7))), item);
    }

    @Test
    void bigCountersStepsAndItemsSurviveASaveExactly() throws ScenarioException {
        String big = "123456789012345678901234567890123456789";
        Scenario scenario = parse(document(
                "{\"kind\": \"counter\", \"name\": \"c\", \"value\": " + big + "}, {\"kind\": \"queue\", \"name\": \"q\"}",
                "{\"increment\": \"c\", \"by\": -" + big + "}, {\"put\": \"q\", \"item\": {\"k\": " + big + "}}"));
        assertEquals(new BigInteger(big), ((Resource.Counter) scenario.resources().get(0)).value());
        assertEquals(new BigInteger("-" + big), ((Step.Increment) scenario.main().get(0)).by());

        String saved = writer.toJson(scenario);
        assertTrue(saved.contains("\"value\": " + big), saved);
        assertTrue(saved.contains("\"by\": -" + big), saved);
        assertTrue(saved.contains("{ \"k\": " + big + " }"), saved);
        assertEquals(scenario, parse(saved));
    }

    @Test
    void aRaiseMessageMayBeAnIntAsSystemExitTakesIt() throws ScenarioException {
        Scenario scenario = parse(document("", "{\"raise\": \"SystemExit\", \"message\": " + TWO_TO_64 + "}"));
        assertEquals(new Step.Raise("SystemExit", new Value.Int(TWO_TO_64)), scenario.main().get(0));
        assertTrue(writer.toJson(scenario).contains("\"message\": " + TWO_TO_64), writer.toJson(scenario));
        assertEquals(scenario, parse(writer.toJson(scenario)));
        assertTrue(new PythonGenerator().generate(scenario).text().contains("raise SystemExit(" + TWO_TO_64 + ")"));
    }

    @Test
    void theBigIntegerJudgeScenarioRoundTrips() throws ScenarioException {
        Scenario scenario = LessonFiles.load(Path.of("src/test/resources/judge/big-ints.json"));
        assertEquals(scenario, parse(writer.toJson(scenario)));
    }

    @Test
    void aTimeOrCountBeyondALongIsRefusedWithItsRangeAndPath() {
        assertEquals("n.json: $.main[0]: \"repeat\" must be between 0 and 100000, got " + TWO_TO_64,
                refusal(document("", "{\"repeat\": " + TWO_TO_64 + ", \"do\": []}")));
        assertEquals("n.json: $.main[0]: \"timeout\" must be between 0 and 600000 ms, got -" + TWO_TO_64,
                refusal(document("{\"kind\": \"lock\", \"name\": \"l\"}",
                        "{\"acquire\": \"l\", \"timeout\": -" + TWO_TO_64 + "}")));
        assertEquals("n.json: $.resources[0].maxWorkers: must be between 1 and 64, got " + TWO_TO_64,
                refusal(document("{\"kind\": \"executor\", \"name\": \"p\", \"maxWorkers\": " + TWO_TO_64 + "}", "")));
        assertEquals("n.json: $.resources[0].maxsize: must be at most 2147483647, got 2147483648",
                refusal(document("{\"kind\": \"queue\", \"name\": \"q\", \"maxsize\": 2147483648}", "")));
    }

    @Test
    void anIntegerPythonCannotReadIsRefusedWithItsPath() {
        String tooLong = "1" + "0".repeat(4300);
        String fits = "-" + "9".repeat(4300);
        assertEquals("n.json: $.resources[0].value: an integer may have at most 4300 digits"
                        + " (Python's sys.int_max_str_digits), this one has 4301",
                refusal(document("{\"kind\": \"counter\", \"name\": \"c\", \"value\": " + tooLong + "}", "")));
        assertEquals("n.json: $.main[0]: \"by\" an integer may have at most 4300 digits"
                        + " (Python's sys.int_max_str_digits), this one has 4301",
                refusal(document("{\"kind\": \"counter\", \"name\": \"c\"}", "{\"increment\": \"c\", \"by\": " + tooLong + "}")));
        assertEquals("n.json: $.main[0]: an integer may have at most 4300 digits"
                        + " (Python's sys.int_max_str_digits), this one has 4301",
                refusal(document("{\"kind\": \"queue\", \"name\": \"q\"}", "{\"put\": \"q\", \"item\": [" + tooLong + "]}")));
        assertEquals(new BigInteger(fits), assertDoesNotRefuse(
                document("{\"kind\": \"counter\", \"name\": \"c\", \"value\": " + fits + "}", "")));
    }

    @Test
    void aNumberTooLongForJacksonIsRefusedWhereItStarts() {
        String head = "{\"format\": \"threadstage/1\", \"title\": \"N\", \"x-n\": ";
        assertEquals("n.json: line 1, column " + (head.length() + 1) + ": a number of more than 8600 characters"
                + " (Python reads an integer of at most 4300 digits)", refusal(head + "1".repeat(9000) + ", \"main\": []}"));
    }

    private BigInteger assertDoesNotRefuse(String json) {
        try {
            return ((Resource.Counter) parse(json).resources().get(0)).value();
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
