package io.threadstage.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;

/**
 * The small wording helpers shared by the validator and the loader, so a problem found on a
 * model built in code reads exactly like the same problem found in a file. Stateless.
 */
public final class Texts {

    private static final int LONGEST_QUOTE = 60;

    private Texts() {
    }

    /** A text in double quotes, as JSON would write it, shortened when long. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > LONGEST_QUOTE ? text.substring(0, LONGEST_QUOTE) + "..." : text;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A number as a person writes it: {@code 30}, not {@code 30.0}; {@code 0.05}, not {@code 5.0E-2}. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        // the shortest digits that read back as the value (Java 17's Double.toString writes 1e23 as 9.999999999999999E22)
        return new BigDecimal(PythonRepr.floatRepr(value)).stripTrailingZeros().toPlainString();
    }

    /** {@code "a"}, {@code "a" or "b"}, {@code "a", "b" or "c"}. */
    public static String orList(Collection<String> words) {
        return joinLast(words, " or ");
    }

    /** {@code "a" and "b"}, {@code "a", "b" and "c"}. */
    public static String andList(Collection<String> words) {
        return joinLast(words, " and ");
    }

    private static String joinLast(Collection<String> words, String last) {
        StringBuilder out = new StringBuilder();
        Iterator<String> it = words.iterator();
        int index = 0;
        while (it.hasNext()) {
            String word = it.next();
            if (index > 0) {
                out.append(it.hasNext() ? ", " : last);
            }
            out.append(quote(word));
            index++;
        }
        return out.toString();
    }

    /** {@code a lock}, {@code an event}, {@code an rlock} (said "ar-lock"). */
    public static String withArticle(String noun) {
        boolean vowelSound = "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 || noun.equals("rlock");
        return (vowelSound ? "an " : "a ") + noun;
    }

    /**
     * The closest of {@code candidates} to {@code typo}, or null when none is close enough to
     * be worth suggesting (at most two edits, and fewer than half the letters).
     */
    public static String closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(typo.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        boolean closeEnough = bestDistance <= 2 && bestDistance * 2 < Math.max(typo.length(), 2);
        return closeEnough ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
