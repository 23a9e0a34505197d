package io.threadstage.model;

import java.util.Set;

/**
 * Which texts may stand as names in the generated Python program. Stateless; any thread.
 */
public final class PythonIdentifiers {

    /** The hard keywords of Python 3.11: they can never name a variable, function or class. */
    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private PythonIdentifiers() {
    }

    /**
     * Python's {@code str.isidentifier()}, approximated with Java's Unicode identifier classes
     * (Python uses XID_Start/XID_Continue; the difference lies in characters no lesson uses).
     */
    public static boolean isIdentifier(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int first = text.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    public static boolean isKeyword(String text) {
        return KEYWORDS.contains(text);
    }

    /**
     * Why {@code text} cannot name something in Python, worded as the loader words it, or null
     * when it can.
     */
    public static String problemWith(String text) {
        if (!isIdentifier(text)) {
            return Texts.quote(text) + " is not a Python identifier";
        }
        if (isKeyword(text)) {
            return Texts.quote(text) + " is a Python keyword";
        }
        return null;
    }

    /**
     * The same question for the value of a step's key, worded for a message that points at the
     * step: {@code "as" must be a Python identifier, got "1f"}.
     */
    public static String keyProblem(String key, String text) {
        if (!isIdentifier(text)) {
            return "\"" + key + "\" must be a Python identifier, got " + Texts.quote(text);
        }
        if (isKeyword(text)) {
            return "\"" + key + "\" cannot be the Python keyword " + Texts.quote(text);
        }
        return null;
    }
}
