package io.threadstage.ui.editor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.io.JsonValues;
import io.threadstage.model.Limits;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text to field values and back, for the property sheet. A value the teacher types that does
 * not read is refused with a message, and the scenario keeps its old value. Stateless.
 */
public final class FieldCodec {

    /**
     * Reads numbers as long as the loader does, so a big Python int typed here is a number, not a text.
     * Made when a typed value is first read, not when the property sheet first shows: a mapper is
     * a few hundred classes the window's start does not need.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Limits.MAX_NUMBER_CHARS).build())
                .build());
    }

    /** Thrown for text that cannot be this field's value; the message is for the teacher. */
    public static final class BadText extends Exception {
        public BadText(String message) {
            super(message);
        }
    }

    private FieldCodec() {
    }

    public static Object parse(FieldKind kind, Class<?> type, String text) throws BadText {
        String trimmed = text == null ? "" : text.trim();
        switch (kind) {
            case TEXT:
            case REFERENCE:
                return text == null ? "" : text;
            case OPTIONAL_TEXT:
                return trimmed.isEmpty() ? null : text;
            case INTEGER:
                return whole(trimmed, type);
            case OPTIONAL_INTEGER:
                return trimmed.isEmpty() ? null : whole(trimmed, type);
            case REAL:
                try {
                    return Double.parseDouble(trimmed);
                } catch (NumberFormatException e) {
                    throw new BadText("not a number: " + trimmed);
                }
            case BOOLEAN:
                if (trimmed.equals("true") || trimmed.equals("false")) {
                    return Boolean.parseBoolean(trimmed);
                }
                throw new BadText("expected true or false");
            case VALUE:
                return value(trimmed);
            case OPTIONAL_VALUE:
                return trimmed.isEmpty() ? null : value(trimmed);
            case VALUES:
                return values(trimmed);
            case DICT:
                return dict(trimmed);
            case NAMES:
                return names(trimmed);
            default:
                throw new BadText("this field cannot be edited");
        }
    }

    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Value v) {
            return JsonText.of(JsonValues.toJson(v));
        }
        if (value instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof Value)) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> array.add(JsonValues.toJson((Value) item)));
            return JsonText.of(array);
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), JsonValues.toJson((Value) v)));
            return JsonText.of(object);
        }
        return String.valueOf(value);
    }

    /** JSON text as a value; anything that is not JSON is a string, so {@code job} means "job". */
    public static Value value(String text) {
        if (text.isEmpty()) {
            return Value.NONE;
        }
        try {
            return JsonValues.fromJson(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException notJson) {
            // f-string templates such as "{n} done" are the common case of text that is not JSON
            return Value.of(text);
        }
    }

    static List<Value> values(String text) throws BadText {
        if (text.isEmpty()) {
            return List.of();
        }
        String array = text.startsWith("[") ? text : "[" + text + "]";
        try {
            List<Value> items = new ArrayList<>();
            Json.MAPPER.readTree(array).forEach(node -> items.add(JsonValues.fromJson(node)));
            return items;
        } catch (JsonProcessingException e) {
            throw new BadText("expected a JSON list such as [1, \"a\", null]");
        }
    }

    static Map<String, Value> dict(String text) throws BadText {
        if (text.isEmpty()) {
            return Map.of();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text.startsWith("{") ? text : "{" + text + "}");
            Map<String, Value> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                entries.put(field.getKey(), JsonValues.fromJson(field.getValue()));
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw new BadText("expected a JSON object such as {\"delay\": 2}");
        }
    }

    static List<String> names(String text) throws BadText {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> names = Arrays.stream(text.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!Names.isIdentifier(name)) {
                throw new BadText("not a Python identifier: " + name);
            }
        }
        return names;
    }

    /** A whole number of the field's type: a BigInteger (a Python int, any size), a long or an int. */
    private static Object whole(String text, Class<?> type) throws BadText {
        BigInteger number;
        try {
            number = new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new BadText("not a whole number: " + text);
        }
        if (type == BigInteger.class) {
            return number;
        }
        try {
            if (type == int.class || type == Integer.class) {
                return number.intValueExact();
            }
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new BadText("out of range: " + text);
        }
    }
}
