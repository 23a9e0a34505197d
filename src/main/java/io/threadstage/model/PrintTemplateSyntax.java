package io.threadstage.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of {@code print} steps and task {@code returns}: Python f-strings reduced to plain
 * {@code {name}} placeholders, with {@code {{} and {@code }}} for literal braces. Which names
 * are allowed depends on where the text stands; that is the {@link Validator}'s business.
 * Stateless; any thread.
 */
public final class PrintTemplateSyntax {

    private PrintTemplateSyntax() {
    }

    /** A run of literal text (braces already unescaped), or a placeholder's name. */
    public record Part(String text, boolean placeholder) {
    }

    /**
     * Why {@code text} is not a well-formed template, worded for {@code what} ("the text",
     * "\"returns\""), or null when it is.
     */
    public static String syntaxProblem(String text, String what) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                i += 2;
            } else if (c == '}') {
                return "single \"}\" in " + what + " (write }} for a brace)";
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return "single \"{\" in " + what + " (write {{ for a brace)";
                }
                if (!PythonIdentifiers.isIdentifier(text.substring(i + 1, close))) {
                    return Texts.quote(text.substring(i, close + 1)) + " in " + what + " is not a {name} (write {{ for a brace)";
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return null;
    }

    /** The parts of a well-formed template, in order; see {@link #syntaxProblem}. */
    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (close > i + 1 && PythonIdentifiers.isIdentifier(text.substring(i + 1, close))) {
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), false));
                    literal.setLength(0);
                }
                parts.add(new Part(text.substring(i + 1, close), true));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), false));
        }
        return parts;
    }
}
