package io.threadstage.io;

import static io.threadstage.model.PrintTemplateSyntax.parts;

import io.threadstage.model.PrintTemplateSyntax.Part;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a scenario's print template into a Python string expression: a plain literal when it
 * has no placeholder, else an f-string. {@code {param}}, {@code {item}}, {@code {error}} are
 * the variables of the scope (even when a global or {@code thread} has the same name, as in the
 * runtime's frame), {@code {thread}} is the current thread's name, {@code {NAME}} a counter's
 * value or a local's {@code value}; {@code {{} and {@code }}} are
 * literal braces. A placeholder naming nothing stays literal text, as the runtime prints it.
 * The text is read by model's PrintTemplateSyntax, as the validator and the runtime read it.
 * Stateless apart from the context it records imports in; confined to the generating thread.
 */
final class PrintTemplateWriter {

    private final PythonContext context;

    PrintTemplateWriter(PythonContext context) {
        this.context = context;
    }

    /** A string expression: returned values must stay text even when the template is one placeholder. */
    String expression(String template, PythonScope scope) {
        return render(template, scope, false);
    }

    /** The argument of {@code print}: a lone placeholder is printed as it is, {@code print(item)}. */
    String printArgument(String template, PythonScope scope) {
        return render(template, scope, true);
    }

    private String render(String template, PythonScope scope, boolean forPrint) {
        StringBuilder literal = new StringBuilder();
        StringBuilder formatted = new StringBuilder();
        boolean anyPlaceholder = false;
        String single = null;
        for (Part part : parts(template)) {
            String code = part.placeholder() ? placeholder(part.text(), scope) : null;
            if (code != null) {
                anyPlaceholder = true;
                single = code;
                formatted.append('{').append(code).append('}');
                continue;
            }
            // a name the scope does not know prints as written, braces and all
            String text = part.placeholder() ? "{" + part.text() + "}" : part.text();
            literal.append(text);
            formatted.append(text.replace("{", "{{").replace("}", "}}"));
        }
        if (!anyPlaceholder) {
            return PythonLiterals.string(literal.toString());
        }
        if (forPrint && single != null && formatted.length() == single.length() + 2) {
            // print(item) prints str(item), exactly what f"{item}" would
            return single;
        }
        return "f\"" + PythonLiterals.escape(formatted.toString()) + "\"";
    }

    /** The placeholder names a template uses, literal braces aside. */
    static Set<String> names(String template) {
        Set<String> names = new HashSet<>();
        for (Part part : parts(template)) {
            if (part.placeholder()) {
                names.add(part.text());
            }
        }
        return names;
    }

    /** As the runtime resolves it: the function's own names first (bindings, parameters), then the globals. */
    private String placeholder(String name, PythonScope scope) {
        if (scope.reader(name).isPresent()) {
            return scope.reader(name).get();
        }
        if (name.equals("thread")) {
            context.imports("threading");
            return "threading.current_thread().name";
        }
        if (context.isCounter(name)) {
            return context.resource(name);
        }
        if (context.isLocal(name)) {
            return context.resource(name) + ".value";
        }
        return null;
    }
}
