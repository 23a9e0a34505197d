package io.threadstage.core;

import io.threadstage.model.PrintTemplateSyntax;
import java.util.function.Function;

/**
 * Fills a print text's placeholders the way an f-string would: {@code {name}} becomes what the
 * resolver gives, {@code {{} and {@code }}} are literal braces. A name the resolver does not know
 * (null) stays as written. The text is read by model's PrintTemplateSyntax, the same reading the
 * validator and the generated program use. Stateless.
 */
final class Template {

    private Template() {
    }

    static String fill(String text, Function<String, String> resolver) {
        StringBuilder out = new StringBuilder(text.length());
        for (PrintTemplateSyntax.Part part : PrintTemplateSyntax.parts(text)) {
            String value = part.placeholder() ? resolver.apply(part.text()) : null;
            if (value != null) {
                out.append(value);
            } else if (part.placeholder()) {
                out.append('{').append(part.text()).append('}');
            } else {
                out.append(part.text());
            }
        }
        return out.toString();
    }
}
