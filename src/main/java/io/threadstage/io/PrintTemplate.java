package io.threadstage.io;

/**
 * Turns a scenario's print template into a Python string expression: a plain literal when it
 * has no placeholder, else an f-string. {@code {thread}} is the current thread's name,
 * {@code {NAME}} a counter's value or a local's {@code value}, and {@code {param}},
 * {@code {item}}, {@code {error}} the variables of the scope; {@code {{} and {@code }}} are
 * literal braces. A placeholder naming nothing stays literal text, as the runtime prints it.
 * Stateless apart from the context it records imports in; confined to the generating thread.
 */
final class PrintTemplate {

    private final PythonContext context;

    PrintTemplate(PythonContext context) {
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
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                literal.append(c);
                formatted.append(c).append(c);
                i += 2;
                continue;
            }
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            String code = close > i ? placeholder(template.substring(i + 1, close), scope) : null;
            if (code != null) {
                anyPlaceholder = true;
                single = code;
                formatted.append('{').append(code).append('}');
                i = close + 1;
                continue;
            }
            literal.append(c);
            formatted.append(c == '{' || c == '}' ? String.valueOf(c) + c : String.valueOf(c));
            i++;
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

    private String placeholder(String name, PythonScope scope) {
        if (name.equals("thread")) {
            context.imports("threading");
            return "threading.current_thread().name";
        }
        if (name.equals("item") && scope.hasItem()) {
            return "item";
        }
        if (name.equals("error") && scope.hasError()) {
            scope.usesError();
            return "error";
        }
        if (scope.param(name).isPresent()) {
            return scope.param(name).get();
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
