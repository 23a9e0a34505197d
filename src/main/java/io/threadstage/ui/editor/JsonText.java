package io.threadstage.ui.editor;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON tree as the compact text {@link JsonNode#toString()} gives, written without it: that
 * method makes Jackson's whole object mapper (a few hundred classes, a tenth of a second or more
 * before the JIT has warmed up) the first time, and the outline and the property sheet format
 * their values while the window starts. Strings are escaped by Jackson's own encoder. Stateless;
 * any thread.
 */
final class JsonText {

    private JsonText() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            quoted(node.textValue(), out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                quoted(field.getKey(), out);
                out.append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            // NaN and the infinities are the mapper's to spell (as strings, by its defaults)
            out.append(node);
        } else {
            // numbers, booleans and null: their text is their JSON
            out.append(node.isNull() ? "null" : node.asText());
        }
    }

    private static void quoted(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
