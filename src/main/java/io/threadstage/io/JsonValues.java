package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between JSON trees and scenario values, so that the loader, the writer and the
 * editor's fields cannot drift apart on what a number or a null becomes. Stateless; any thread.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * A JSON number without fraction or exponent is an int of any size, any other a float (as
     * Python's {@code json} reads them: {@code 1e3} and {@code 1.0} are floats); a missing node is
     * None. Loaded trees are at most {@link io.threadstage.model.Limits#MAX_DEPTH} deep, so the
     * recursion is bounded.
     */
    public static Value fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return Value.NONE;
        }
        if (node.isBoolean()) {
            return new Value.Bool(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return new Value.Int(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return new Value.Real(node.doubleValue());
        }
        if (node.isTextual()) {
            return new Value.Text(node.textValue());
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(fromJson(item)));
            return new Value.Array(items);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        node.properties().forEach(entry -> entries.put(entry.getKey(), fromJson(entry.getValue())));
        return new Value.Dict(entries);
    }

    /** Dict keys keep their order; a null value is JSON null. */
    public static JsonNode toJson(Value value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Value.Bool bool) {
            return nodes.booleanNode(bool.value());
        }
        if (value instanceof Value.Int number) {
            return nodes.numberNode(number.value());
        }
        if (value instanceof Value.Real real) {
            return nodes.numberNode(real.value());
        }
        if (value instanceof Value.Text text) {
            return nodes.textNode(text.value());
        }
        if (value instanceof Value.Array array) {
            ArrayNode list = nodes.arrayNode();
            array.items().forEach(item -> list.add(toJson(item)));
            return list;
        }
        if (value instanceof Value.Dict dict) {
            ObjectNode object = nodes.objectNode();
            dict.entries().forEach((key, item) -> object.set(key, toJson(item)));
            return object;
        }
        return nodes.nullNode();
    }
}
