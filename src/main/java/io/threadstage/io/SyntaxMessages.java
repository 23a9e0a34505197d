package io.threadstage.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.threadstage.model.Limits;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords Jackson's syntax errors for a teacher: what was found, what JSON wanted there, and
 * the usual cause when there is one (a trailing comma, single quotes, Python's {@code True}).
 * Stateless.
 */
final class SyntaxMessages {

    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '([^']*)'");
    private static final Pattern CONTROL = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");
    private static final Map<String, String> PYTHON_WORDS = Map.of("True", "true", "False", "false", "None", "null");

    /** What the input ending inside a value is called. */
    static final String END_OF_INPUT = "unexpected end of file";

    private static final Pattern NAME_LENGTH = Pattern.compile("^Name length \\((\\d+)\\)");
    /** Where Jackson's text turns to its own internals: a source it will not show, a setting it names. */
    private static final Pattern JACKSON_DETAIL = Pattern.compile("\\s*(\\(start marker at )?\\[Source:.*$|\\s*\\((\\d+, )?from `[^`]*`\\)|`");

    private SyntaxMessages() {
    }

    static String explain(JacksonException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || raw.startsWith("Unexpected end-of-input")) {
            return END_OF_INPUT;
        }
        Matcher name = NAME_LENGTH.matcher(raw);
        if (name.find()) {
            return "a key of " + name.group(1) + " characters (a key has at most " + Limits.MAX_KEY_CHARS + ")";
        }
        Matcher unexpected = UNEXPECTED.matcher(raw);
        if (unexpected.find()) {
            return unexpectedCharacter(unexpected.group(1), raw);
        }
        Matcher token = TOKEN.matcher(raw);
        if (token.find()) {
            return unexpectedWord(token.group(1));
        }
        Matcher control = CONTROL.matcher(raw);
        if (control.find()) {
            int code = Integer.parseInt(control.group(1));
            if (raw.startsWith("Illegal unquoted character")) {
                return code == 10 || code == 13
                        ? "a line break inside a text must be written \\n"
                        : "control character (code " + code + ") inside a text must be escaped";
            }
            return "unexpected control character (code " + code + ")";
        }
        Matcher escape = ESCAPE.matcher(raw);
        if (escape.find()) {
            return "unknown escape \\" + escape.group(1) + " inside a text";
        }
        if (raw.startsWith("Number value length")) {
            return "a number of more than " + Limits.MAX_NUMBER_CHARS + " characters (Python reads an integer of at most "
                    + Limits.PYTHON_INT_DIGITS + " digits)";
        }
        if (raw.contains("Leading zeroes not allowed")) {
            return "a number must not start with 0";
        }
        return fallback(raw);
    }

    private static String unexpectedCharacter(String found, String raw) {
        String quoted = found.equals("\"") ? "a text (a missing comma?)" : "\"" + found + "\"";
        if (found.equals("'")) {
            return "keys and texts need double quotes, not '";
        }
        if (raw.contains("comment")) {
            return "comments are not allowed in JSON";
        }
        if (raw.contains("double-quote to start field name")) {
            return found.equals("}") ? "unexpected \"}\" after a comma (remove the last comma)"
                    : "expected a key in double quotes, found " + quoted;
        }
        if (raw.contains("separate Object entries")) {
            return "expected \",\" or \"}\", found " + quoted;
        }
        if (raw.contains("separate Array entries")) {
            return "expected \",\" or \"]\", found " + quoted;
        }
        if (raw.contains("colon to separate")) {
            return "expected \":\" after the key, found " + quoted;
        }
        if (found.equals("]")) {
            return "unexpected \"]\" after a comma (remove the last comma)";
        }
        return "unexpected " + quoted;
    }

    private static String unexpectedWord(String word) {
        String json = PYTHON_WORDS.get(word);
        if (json != null) {
            return "unexpected word \"" + word + "\" (JSON writes it " + json + ")";
        }
        if (word.equals("NaN") || word.contains("Infinity")) {
            return "\"" + word + "\" is not a JSON number";
        }
        return "unexpected word \"" + word + "\" (texts need double quotes)";
    }

    /** Jackson's first line, lower-cased, without the parts that speak of Jackson itself. */
    private static String fallback(String raw) {
        String line = raw.lines().findFirst().orElse("").replaceAll(" \\(code \\d+\\)", "");
        line = JACKSON_DETAIL.matcher(line).replaceAll("").strip();
        int detail = line.indexOf(": was expecting");
        if (detail > 0) {
            line = line.substring(0, detail);
        }
        if (line.isBlank()) {
            return "not valid JSON";
        }
        return Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
