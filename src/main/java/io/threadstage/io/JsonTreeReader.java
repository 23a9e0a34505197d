package io.threadstage.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.Limits;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JSON text into a Jackson tree, refusing what the scenario format forbids at the level
 * of syntax: bad JSON (with line and column), duplicate keys, nesting deeper than
 * {@link Limits#MAX_DEPTH} (checked before descending, so no input can exhaust the stack),
 * floats beyond a double, numbers longer than {@link Limits#MAX_NUMBER_CHARS}, and text after
 * the document. An integer of any size is read, as Python's {@code json} reads it. Stateless; any thread.
 */
final class JsonTreeReader {

    /**
     * Jackson's own cap on a key's length, set far above ours ({@link Limits#MAX_KEY_CHARS}) and
     * above any text we read (a trace line is at most 16 MiB): its refusal has no place and
     * names its own settings, ours says where the key starts.
     */
    private static final int JACKSON_NAME_CHARS = 32 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // our own depth check answers first; Jackson's stays as a backstop
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_DEPTH * 4)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS).maxNameLength(JACKSON_NAME_CHARS).build())
            .build();

    private static final Pattern NUMBER_LENGTH = Pattern.compile("^Number value length \\((\\d+)\\)");

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final boolean traceLine;

    private JsonTreeReader(boolean traceLine) {
        this.traceLine = traceLine;
    }

    /** A reader of a whole scenario document. */
    static JsonTreeReader forDocument() {
        return new JsonTreeReader(false);
    }

    /** A reader of one line of a trace: its messages speak of the line, not of a file. */
    static JsonTreeReader forTraceLine() {
        return new JsonTreeReader(true);
    }

    JsonNode read(String text) throws Refusal {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (firstToken(parser) == null) {
                throw new Refusal(null, traceLine ? "the line holds no JSON value" : "the file is empty");
            }
            JsonNode root;
            try {
                root = value(parser, 1);
            } catch (StreamConstraintsException tooLong) {
                throw new Refusal(numberStart(parser, tooLong), worded(SyntaxMessages.explain(tooLong)));
            }
            rejectTrailingText(parser);
            return root;
        } catch (JacksonException e) {
            throw new Refusal(place(e.getLocation()), worded(SyntaxMessages.explain(e)));
        } catch (IOException e) {
            throw new Refusal(null, "cannot be read: " + e.getMessage());
        }
    }

    /** A document's syntax message, said of a trace line when that is what is read. */
    private String worded(String problem) {
        if (!traceLine) {
            return problem;
        }
        if (problem.equals(SyntaxMessages.END_OF_INPUT)) {
            return "the line ends inside its JSON value (a cut line?)";
        }
        int python = problem.indexOf(" (Python reads");
        return python > 0 ? problem.substring(0, python) : problem;
    }

    /** A file that fails on its very first token is not JSON at all: say so. */
    private JsonToken firstToken(JsonParser parser) throws IOException, Refusal {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw new Refusal(place(e.getLocation()), "not JSON: " + worded(SyntaxMessages.explain(e)));
        }
    }

    private void rejectTrailingText(JsonParser parser) throws IOException, Refusal {
        JsonLocation end = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
            end = parser.currentTokenLocation();
        } catch (JacksonException e) {
            end = e.getLocation() != null ? e.getLocation() : end;
        }
        throw new Refusal(place(end), traceLine ? "unexpected text after the line's JSON object (a trace has one event a line)"
                : "unexpected text after the end of the document");
    }

    /** Reads the value at the current token; {@code depth} is the depth a container here would have. */
    private JsonNode value(JsonParser parser, int depth) throws IOException, Refusal {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth > Limits.MAX_DEPTH) {
                throw new Refusal(place(parser.currentTokenLocation()), "nesting deeper than " + Limits.MAX_DEPTH + " levels");
            }
            return token == JsonToken.START_OBJECT ? object(parser, depth) : array(parser, depth);
        }
        switch (token) {
            case VALUE_STRING:
                return nodes.textNode(wholeCharacters(parser.getText(), parser));
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                return real(parser);
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new Refusal(place(parser.currentTokenLocation()), "unexpected " + parser.getText());
        }
    }

    private ObjectNode object(JsonParser parser, int depth) throws IOException, Refusal {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = wholeCharacters(parser.currentName(), parser);
            JsonLocation keyLocation = parser.currentTokenLocation();
            if (key.length() > Limits.MAX_KEY_CHARS) {
                throw new Refusal(place(keyLocation), "a key of " + key.length() + " characters (a key has at most "
                        + Limits.MAX_KEY_CHARS + ")");
            }
            parser.nextToken();
            JsonNode child = value(parser, depth + 1);
            if (object.has(key)) {
                throw new Refusal(place(keyLocation), "duplicate key \"" + key + "\"");
            }
            object.set(key, child);
        }
        return object;
    }

    private ArrayNode array(JsonParser parser, int depth) throws IOException, Refusal {
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, depth + 1));
        }
        return array;
    }

    /**
     * {@code text}, refused when it holds a lone surrogate ({@code "\\ud800"}): JSON can write
     * half a character as an escape, but no UTF-8 file (a trace, the Python source) can hold it,
     * and CPython's print of it raises UnicodeEncodeError. Refused here, where the text is, rather
     * than by a writer after the run.
     */
    private static String wholeCharacters(String text, JsonParser parser) throws Refusal {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refusal(place(parser.currentTokenLocation()), String.format(
                        "a lone surrogate \\u%04x in the text: half of a character, which a UTF-8 file (and Python's print)"
                                + " cannot hold", (int) c));
            }
        }
        return text;
    }

    /** Any size, as Python reads a JSON integer; where a number must be small, the field says so. */
    private JsonNode integer(JsonParser parser) throws IOException {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return nodes.numberNode(parser.getBigIntegerValue());
        }
        return nodes.numberNode(parser.getLongValue());
    }

    private JsonNode real(JsonParser parser) throws IOException, Refusal {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new Refusal(place(parser.currentTokenLocation()), "number too large: " + parser.getText());
        }
        return nodes.numberNode(value);
    }

    /**
     * Jackson refuses a number that is too long with no place, having read to its end, and says
     * how long it was: it starts that many columns back (a number never spans lines).
     */
    private static String numberStart(JsonParser parser, StreamConstraintsException tooLong) {
        JsonLocation end = parser.currentLocation();
        Matcher length = NUMBER_LENGTH.matcher(String.valueOf(tooLong.getOriginalMessage()));
        if (!length.find() || end.getLineNr() < 1 || end.getColumnNr() <= Integer.parseInt(length.group(1))) {
            return place(end);
        }
        return "line " + end.getLineNr() + ", column " + (end.getColumnNr() - Integer.parseInt(length.group(1)));
    }

    static String place(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
