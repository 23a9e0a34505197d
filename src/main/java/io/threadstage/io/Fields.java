package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.Limits;
import io.threadstage.model.Texts;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the keys of one JSON object of a scenario, with the format's wording for
 * what is wrong. A step's problems point at the step and name the key
 * ({@code $.main[0]: "timeout" must be ...}); any other object's point at the key
 * ({@code $.settings.speed: must be ...}). Confined to the loading thread.
 */
final class Fields {

    private final ObjectNode object;
    private final String path;
    private final String verb;

    private Fields(ObjectNode object, String path, String verb) {
        this.object = object;
        this.path = path;
        this.verb = verb;
    }

    /**
     * The fields of an object that is not a step; {@code what} names it in the message when it
     * is no object ({@code a worker must be ...}), null when the path already says what it is.
     */
    static Fields of(JsonNode node, String path, String what) throws Refusal {
        if (!(node instanceof ObjectNode)) {
            throw new Refusal(path, (what == null ? "" : what + " ") + "must be an object, got " + describe(node));
        }
        return new Fields((ObjectNode) node, path, null);
    }

    /** The fields of a step whose verb is known. */
    static Fields ofStep(ObjectNode step, String path, String verb) {
        return new Fields(step, path, verb);
    }

    String path() {
        return path;
    }

    /** Refuses any key outside {@code allowed}; {@code x-} keys are always allowed (and ignored). */
    void allowOnly(Collection<String> allowed, String forWhat) throws Refusal {
        Iterator<String> keys = object.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith("x-") && !allowed.contains(key)) {
                String near = Texts.closest(key, allowed);
                throw new Refusal(path, "unknown key " + Texts.quote(key)
                        + (forWhat == null ? "" : " for " + forWhat)
                        + (near == null ? "" : " (did you mean " + Texts.quote(near) + "?)"));
            }
        }
    }

    void require(String... keys) throws Refusal {
        for (String key : keys) {
            if (!object.has(key)) {
                throw new Refusal(path, verb == null ? "missing \"" + key + "\"" : "\"" + verb + "\" needs \"" + key + "\"");
            }
        }
    }

    boolean has(String key) {
        return object.has(key);
    }

    JsonNode raw(String key) {
        return object.get(key);
    }

    /** Where a problem with the value of {@code key} is reported. */
    String placeOf(String key) {
        return verb == null ? path + "." + key : path;
    }

    Refusal wrong(String key, String problem) {
        return new Refusal(placeOf(key), verb == null ? problem : "\"" + key + "\" " + problem);
    }

    private Refusal expected(String key, String expectation) {
        return wrong(key, "must be " + expectation + ", got " + describe(object.get(key)));
    }

    String text(String key) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw expected(key, "text");
        }
        return node.textValue();
    }

    /** A text or a whole number (an int of any size), or null when absent. */
    Value textOrInteger(String key) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw expected(key, "text or a whole number");
        }
        return JsonValues.fromJson(node);
    }

    boolean bool(String key, boolean absent) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw expected(key, "true or false");
        }
        return node.booleanValue();
    }

    /** A Python int, of any size, such as a counter's value. */
    BigInteger integer(String key, BigInteger absent) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return absent;
        }
        if (!node.isIntegralNumber()) {
            throw expected(key, "a whole number");
        }
        return node.bigIntegerValue();
    }

    /** A whole number the model keeps as an int: outside the range it cannot even be held. */
    int wholeInt(String key, Limits.Range range, int absent) throws Refusal {
        BigInteger value = integer(key, BigInteger.valueOf(absent));
        if (value.bitLength() >= Integer.SIZE) {
            throw wrong(key, range.problem(value));
        }
        return value.intValue();
    }

    /**
     * Milliseconds of lesson time, or null when absent. The model keeps a long; a number beyond
     * one is refused here with the range's words, since the validator could never see it.
     */
    Long ms(String key) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw expected(key, "a whole number of milliseconds");
        }
        if (!node.canConvertToLong()) {
            throw wrong(key, Limits.STEP_MS.problem(node.bigIntegerValue()));
        }
        return node.longValue();
    }

    double number(String key, double absent) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return absent;
        }
        if (!node.isNumber()) {
            throw expected(key, "a number");
        }
        return node.doubleValue();
    }

    ArrayNode list(String key, String expectation) throws Refusal {
        JsonNode node = object.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw expected(key, expectation);
        }
        return (ArrayNode) node;
    }

    JsonNode objectNode(String key, String expectation) throws Refusal {
        JsonNode node = object.get(key);
        if (node != null && !node.isObject()) {
            throw expected(key, expectation);
        }
        return node;
    }

    /** Any JSON value, or null when absent. */
    Value value(String key) {
        JsonNode node = object.get(key);
        return node == null ? null : JsonValues.fromJson(node);
    }

    List<Value> values(String key) throws Refusal {
        ArrayNode list = list(key, "a list");
        List<Value> values = new ArrayList<>();
        if (list != null) {
            list.forEach(item -> values.add(JsonValues.fromJson(item)));
        }
        return values;
    }

    Map<String, Value> dict(String key) throws Refusal {
        JsonNode node = objectNode(key, "an object");
        Map<String, Value> entries = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(entry -> entries.put(entry.getKey(), JsonValues.fromJson(entry.getValue())));
        }
        return entries;
    }

    /** A list of texts, such as parameter names. */
    List<String> names(String key) throws Refusal {
        ArrayNode list = list(key, "a list of names");
        List<String> names = new ArrayList<>();
        if (list != null) {
            for (JsonNode item : list) {
                if (!item.isTextual()) {
                    throw wrong(key, "must be a list of names, got " + describe(item) + " in it");
                }
                names.add(item.textValue());
            }
        }
        return names;
    }

    Iterable<Map.Entry<String, JsonNode>> extensions() {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        object.properties().forEach(entry -> {
            if (entry.getKey().startsWith("x-")) {
                found.add(entry);
            }
        });
        return found;
    }

    /** What a wrong value was, for a message: a scalar as written, a container by its kind. */
    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (node.isTextual()) {
            return Texts.quote(node.textValue());
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.asText();
    }
}
