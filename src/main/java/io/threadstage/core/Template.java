package io.threadstage.core;

import java.util.function.Function;

/**
 * Fills a print text's placeholders the way an f-string would: {@code {name}} becomes what the
 * resolver gives, {@code {{} and {@code }}} are literal braces. A name the resolver does not know
 * (null) stays as written. Stateless.
 */
final class Template {

    private Template() {
    }

    static String fill(String text, Function<String, String> resolver) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                String name = text.substring(i + 1, close).trim();
                String value = resolver.apply(name);
                out.append(value != null ? value : text.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
