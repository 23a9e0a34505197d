package io.threadstage.io;

/**
 * Refuses a document with half of a UTF-16 surrogate pair written as an escape (backslash,
 * {@code u}, four hex digits from D800 to DFFF) without its other half: that is not a Unicode character, so no UTF-8
 * file can hold it (a saved scenario, a trace, the Python program) and Python cannot print it.
 * JSON's grammar lets it through and leaves what a reader makes of it open (RFC 8259, 8.2);
 * I-JSON (RFC 7493, 2.1) forbids it, and so does ThreadStage. Raw surrogates cannot occur:
 * the document was decoded as strict UTF-8. Stateless; any thread.
 */
final class LoneSurrogates {

    private static final int ESCAPE_LENGTH = 6;

    private LoneSurrogates() {
    }

    /**
     * Refuses {@code json} at the escape of its first lone surrogate, by line and column as
     * the JSON reader counts them (a line ends at {@code \n}, {@code \r\n} or {@code \r};
     * columns count UTF-16 units from 1). Call it once the document has read as JSON: then
     * every backslash stands in a text and begins a well-formed escape.
     */
    static void refuse(String json) throws Refusal {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == json.length() || json.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            } else if (c == '\\' && json.charAt(i + 1) != 'u') {
                i++;
            } else if (c == '\\') {
                if (!hexEscapeAt(json, i)) {
                    // a broken escape: the JSON reader, which runs next, refuses it at its place
                    return;
                }
                char unit = (char) Integer.parseInt(json, i + 2, i + ESCAPE_LENGTH, 16);
                if (Character.isHighSurrogate(unit) && lowSurrogateEscapeAt(json, i + ESCAPE_LENGTH)) {
                    i += 2 * ESCAPE_LENGTH - 1;
                } else if (Character.isSurrogate(unit)) {
                    throw new Refusal("line " + line + ", column " + (i - lineStart + 1), String.format("\\u%04x is half"
                            + " of a UTF-16 surrogate pair, not a character (UTF-8 cannot hold it): write the character"
                            + " itself, or both halves of its pair", (int) unit));
                } else {
                    i += ESCAPE_LENGTH - 1;
                }
            }
        }
    }

    private static boolean hexEscapeAt(String json, int at) {
        if (at + ESCAPE_LENGTH > json.length()) {
            return false;
        }
        for (int i = at + 2; i < at + ESCAPE_LENGTH; i++) {
            if (Character.digit(json.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowSurrogateEscapeAt(String json, int at) {
        return hexEscapeAt(json, at) && json.charAt(at) == '\\' && json.charAt(at + 1) == 'u'
                && Character.isLowSurrogate((char) Integer.parseInt(json, at + 2, at + ESCAPE_LENGTH, 16));
    }
}
