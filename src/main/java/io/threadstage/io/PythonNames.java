package io.threadstage.io;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers of one generated program: which are taken, and snake_case variable names
 * made from worker names. Confined to the thread that generates.
 */
final class PythonNames {

    /** Soft keywords, and the names the generated code itself relies on; hard keywords are model's. */
    private static final Set<String> RESERVED = Set.of(
            "match", "case", "_",
            "threading", "time", "queue", "sys", "ThreadPoolExecutor", "compute", "print", "list",
            "range", "str", "int", "self", "super", "object", "item", "error", "args", "kwargs",
            "report_exception", "deadline", "ms", "t", "type", "id", "len",
            "callable", "iter", "next", "map", "filter", "input", "open", "format", "hash", "max", "min",
            "sum", "any", "all", "dict", "set", "tuple", "float", "bool", "bytes", "vars", "dir", "help",
            "property", "repr", "round", "sorted", "reversed", "zip", "enumerate", "exit", "quit");

    private final Set<String> taken = new HashSet<>();

    boolean isTaken(String name) {
        return io.threadstage.model.PythonNames.isKeyword(name) || RESERVED.contains(name) || taken.contains(name);
    }

    /** Claims a name as it is (a name from the scenario that the program must use). */
    void claim(String name) {
        taken.add(name);
    }

    /** Claims {@code wanted}, or {@code wanted + suffix}, then numbered variants, whichever is free first. */
    String claimFree(String wanted, String suffix) {
        String name = wanted;
        if (isTaken(name)) {
            name = wanted + suffix;
        }
        for (int n = 2; isTaken(name); n++) {
            name = wanted + suffix + "_" + n;
        }
        taken.add(name);
        return name;
    }

    /** {@code worker-1} becomes {@code Worker1}: a class name. */
    static String camel(String text) {
        StringBuilder camel = new StringBuilder();
        for (String word : snake(text).split("_")) {
            if (!word.isEmpty()) {
                camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return Character.isDigit(camel.charAt(0)) ? "T" + camel : camel.toString();
    }

    /** {@code Producer} becomes {@code producer}, {@code HTTP-Worker-5} {@code http_worker_5}. */
    static String snake(String text) {
        StringBuilder snake = new StringBuilder();
        char previous = '_';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
            if (!letterOrDigit) {
                if (snake.length() > 0 && previous != '_') {
                    snake.append('_');
                    previous = '_';
                }
                continue;
            }
            boolean upper = Character.isUpperCase(c);
            boolean nextLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
            boolean wordStart = upper && previous != '_'
                    && (Character.isLowerCase(previous) || Character.isDigit(previous) || nextLower);
            if (wordStart) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
            previous = c;
        }
        while (snake.length() > 0 && snake.charAt(snake.length() - 1) == '_') {
            snake.setLength(snake.length() - 1);
        }
        if (snake.length() == 0) {
            return "thread";
        }
        if (Character.isDigit(snake.charAt(0))) {
            snake.insert(0, "t_");
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
