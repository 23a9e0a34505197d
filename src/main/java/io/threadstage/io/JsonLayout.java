package io.threadstage.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a JSON tree the way lesson files are written by hand: two-space indent, one step per
 * line where it fits, {@code "key": value}, a newline at the end. A list of objects (steps,
 * resources, workers) always takes one line per element, so a diff shows which step changed;
 * anything else stays on one line when it fits in {@link #WIDTH} columns. Stateless.
 */
final class JsonLayout {

    static final int WIDTH = 100;
    private static final String INDENT = "  ";

    String format(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, 0, out);
        return out.append('\n').toString();
    }

    /** {@code column} is where the value starts on its line, for the width rule. */
    private void write(JsonNode node, int level, int column, StringBuilder out) {
        if (!node.isContainerNode() || node.isEmpty()) {
            out.append(inline(node));
            return;
        }
        if (level > 0 && !hasListOfObjects(node)) {
            String flat = inline(node);
            if (column + flat.length() <= WIDTH) {
                out.append(flat);
                return;
            }
        }
        String inner = INDENT.repeat(level + 1);
        if (node.isObject()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = quote(field.getKey()) + ": ";
                out.append(inner).append(key);
                write(field.getValue(), level + 1, inner.length() + key.length(), out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(INDENT.repeat(level)).append('}');
        } else {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), level + 1, inner.length(), out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(INDENT.repeat(level)).append(']');
        }
    }

    private static boolean hasListOfObjects(JsonNode node) {
        for (JsonNode child : node) {
            if (node.isArray() && child.isObject()) {
                return true;
            }
            if (child.isContainerNode() && hasListOfObjects(child)) {
                return true;
            }
        }
        return false;
    }

    private String inline(JsonNode node) {
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{ ");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(quote(field.getKey())).append(": ").append(inline(field.getValue()));
                out.append(fields.hasNext() ? ", " : " }");
            }
            return out.toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? ", " : "").append(inline(node.get(i)));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }

    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
