package io.threadstage.io;

import java.util.List;
import java.util.Random;

/**
 * Random texts drawn with a bias toward the characters that can end, escape or hide a Python
 * literal or comment: line breaks of every kind (those Python's tokenizer knows and those
 * {@code str.splitlines} and editors know), NUL and other controls, quotes and runs of them,
 * backslashes and escape-looking text, braces, {@code #}, BOM and bidirectional controls,
 * odd spaces, astral characters, combining marks, non-characters, and (when asked) lone
 * surrogates. The same {@link Random} state always gives the same text. Confined to the
 * calling thread.
 */
final class OddTexts {

    /** Characters and short runs that have broken, or could break, a literal or a comment. */
    static final List<String> PIECES = List.of(
            "\r", "\n", "\r\n", "\t", "\u000b", "\u000c", "\u001c", "\u001d", "\u001e", "\u001f", "\u0085",
            "\u2028", "\u2029", "\u0000", "\u0001", "\u001b", "\u007f", "\u0080", "\u009f", "\ufeff", "\u202a",
            "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c",
            "\u200d", "\u200e", "\u200f", "\u061c", "\u00ad", "\u00a0", "\u1680", "\u2000", "\u3000", "\u180e",
            "\"", "'", "\\", "\"\"", "\"\"\"", "'''", "\\\"", "\\\\", "\\n", "\\r", "\\x00", "\\0", "\\N{DASH}",
            "\\N{", "\\u2028", "\\U0001F600", "\\\n", "\\\r", "{", "}", "{{", "}}", "{x}", "{thread}", "{0}", "{!r}",
            "#", "# ", "f\"", "b'", "r\"\\", "\")\nimport os  # ", "\rprint(\"injected\")", "\u2028print(1)",
            "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udcbb", "e\u0301", "\u0301", "\u0345", "\ufb01", "\uff50",
            "\u2126", "\u212a", "\uffff", "\ufffe", "\ufdd0", "\ue000", "\udbff\udffd", "\ufffd", "\u0378",
            " ", "  ", "x", "\u00e9", "\u4e2d", "\u05d0", "\u0627", "__main__", "None", "\u2603");

    /** Halves of surrogate pairs with no other half: not characters, and UTF-8 cannot hold them. */
    static final List<String> LONE_SURROGATES = List.of("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00");

    private static final int MAX_PIECES = 8;

    /**
     * Whether Java's Unicode tables are newer than CPython 3.11's (Unicode 14): U+0CF3 came in
     * Unicode 15 (Java 21). Java 17 has Unicode 13, so every character it knows, CPython knows
     * and classes alike; a newer JDK knows characters that CPython 3.11 takes for unassigned,
     * which the generator would rightly write as they are and the checker would call unprintable.
     */
    private static final boolean JAVA_KNOWS_MORE = Character.getType(0x0CF3) != Character.UNASSIGNED;

    private OddTexts() {
    }

    /** A text of up to {@link #MAX_PIECES} pieces, possibly empty. */
    static String draw(Random random, boolean loneSurrogates) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(MAX_PIECES + 1); i < n; i++) {
            int kind = random.nextInt(20);
            if (kind < 11) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            } else if (kind < 15) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 19 || !loneSurrogates) {
                text.appendCodePoint(anyCharacter(random));
            } else {
                text.append(LONE_SURROGATES.get(random.nextInt(LONE_SURROGATES.size())));
            }
        }
        return text.toString();
    }

    /** A non-empty text. */
    static String drawNonEmpty(Random random, boolean loneSurrogates) {
        String text = draw(random, loneSurrogates);
        return text.isEmpty() ? PIECES.get(random.nextInt(PIECES.size())) : text;
    }

    /**
     * Any character Java's Unicode tables know, from the whole range, half of them below
     * U+3000; below U+0860 (all older than Unicode 13) where Java's tables are newer than CPython's.
     */
    private static int anyCharacter(Random random) {
        while (true) {
            int c;
            if (JAVA_KNOWS_MORE) {
                c = random.nextInt(0x0860);
            } else {
                c = random.nextBoolean() ? random.nextInt(0x3000) : random.nextInt(Character.MAX_CODE_POINT + 1);
            }
            int type = Character.getType(c);
            if (type != Character.UNASSIGNED && type != Character.SURROGATE) {
                return c;
            }
        }
    }
}
