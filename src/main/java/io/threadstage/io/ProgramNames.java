package io.threadstage.io;

import io.threadstage.model.PythonIdentifiers;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers of one generated program. A name from the scenario keeps its spelling when
 * Python and the program leave it free; otherwise it, like every name the generator makes up,
 * is moved aside to a free one. Two sets keep the program's names apart: the module's globals,
 * which every name must avoid, and every name used anywhere (locals too), which a name the
 * generator adds at module level must avoid, since some function may already read a local of
 * that name. Names are compared as Python compares them, after NFKC normalisation.
 * Confined to the thread that generates.
 */
final class ProgramNames {

    /** Python 3.11's builtins (3.13's new one too): shadowing one can break the program or confuse its reader. */
    private static final Set<String> BUILTINS = Set.of(
            "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
            "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
            "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
            "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
            "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
            "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented", "NotImplementedError",
            "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
            "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
            "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
            "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
            "ValueError", "Warning", "ZeroDivisionError", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
            "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
            "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
            "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
            "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
            "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit",
            "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str",
            "sum", "super", "tuple", "type", "vars", "zip");

    /** Soft keywords: legal names, but a reader takes them for syntax. */
    private static final Set<String> SOFT_KEYWORDS = Set.of("match", "case", "_", "type");

    /**
     * What the program itself names: the modules it imports, its helpers, and {@code self},
     * which a method would read (or, declared global, refuse) instead of a global of that name.
     */
    private static final Set<String> PROGRAM = Set.of(
            "threading", "time", "queue", "sys", "concurrent", "ThreadPoolExecutor", "compute", "report_exception",
            "self");

    /** Where a name made only of underscores (or of nothing Python can write) is moved to. */
    private static final String NAMELESS = "unnamed";

    /** Java counts it a letter; Python's identifiers leave it out (it is Pattern_Syntax). */
    private static final int VERTICAL_TILDE = 0x2E2F;

    private final Set<String> globals = new HashSet<>();
    private final Set<String> everywhere = new HashSet<>();

    /**
     * Whether no program may use {@code name} for its own things: a keyword, a builtin, a module
     * or helper of the program, or a name starting with two underscores (dunder names mean
     * something to Python, and in a class body {@code __x} is mangled into {@code _Class__x}).
     */
    static boolean isReserved(String name) {
        String spelled = spelling(name);
        return PythonIdentifiers.isKeyword(spelled) || SOFT_KEYWORDS.contains(spelled)
                || BUILTINS.contains(spelled) || PROGRAM.contains(spelled) || spelled.startsWith("__");
    }

    /** The name as Python reads it: identifiers are NFKC-normalised, so {@code ｐｒｉｎｔ} is {@code print}. */
    static String spelling(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC);
    }

    /** Claims a scenario's module-level name as it is, when it is free; false when it must move aside. */
    boolean keepGlobal(String name) {
        String spelled = spelling(name);
        if (!spelled.equals(name) || !isWritable(name) || isReserved(spelled) || globals.contains(spelled)) {
            return false;
        }
        globals.add(spelled);
        everywhere.add(spelled);
        return true;
    }

    /**
     * A free module-level name: {@code wanted}, else {@code wanted + suffix}, then numbered
     * variants; free of every name used anywhere in the program so far.
     */
    String claimGlobal(String wanted, String suffix) {
        String name = firstFree(wanted, suffix, everywhere, Set.of());
        globals.add(name);
        everywhere.add(name);
        return name;
    }

    /** Whether a scenario's local name can stay as written: see {@link #claimLocal}. */
    boolean isFreeLocal(String name, Set<String> live) {
        return spelling(name).equals(name) && isWritable(name) && !isTaken(name, globals, live);
    }

    /**
     * Whether CPython takes {@code name} as an identifier in source. The loader checks names
     * with Java's Unicode classes, which admit two dozen characters Python's XID classes do
     * not (U+309B, whose NFKC form starts with a space; U+2E2F): such a name is written
     * another way. A name Python takes stays one after NFKC, so the normalised form is checked.
     */
    static boolean isWritable(String name) {
        String spelled = spelling(name);
        return PythonIdentifiers.isIdentifier(spelled) && spelled.indexOf(VERTICAL_TILDE) < 0;
    }

    /**
     * A free local name of one function: not a module-level name of the program (so the
     * function still reads every global it needs), not one of {@code live} (its parameters and
     * the loop and except variables it is inside), nor one of {@code alsoAvoid}.
     */
    String claimLocal(String wanted, String suffix, Set<String> live, Set<String> alsoAvoid) {
        String name = firstFree(wanted, suffix, globals, union(live, alsoAvoid));
        everywhere.add(name);
        return name;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> both = new HashSet<>(first);
        both.addAll(second);
        return both;
    }

    private static String firstFree(String wanted, String suffix, Set<String> taken, Set<String> alsoTaken) {
        String base = movableBase(spelling(wanted));
        String name = base;
        if (isTaken(name, taken, alsoTaken)) {
            name = base + suffix;
        }
        // print_, print_2; item, item_2; w_thread, w_thread_2
        String numbered = suffix.endsWith("_") ? base + suffix : base + suffix + "_";
        for (int n = 2; isTaken(name, taken, alsoTaken); n++) {
            name = numbered + n;
        }
        return name;
    }

    private static boolean isTaken(String name, Set<String> taken, Set<String> alsoTaken) {
        return isReserved(name) || taken.contains(name) || alsoTaken.contains(name);
    }

    /**
     * A base that suffixes can make free: leading underscores cut to one, never underscores
     * alone, and only its ASCII letters, digits and underscores when Python cannot write it.
     */
    private static String movableBase(String name) {
        if (!isWritable(name)) {
            String ascii = name.replaceAll("[^A-Za-z0-9_]", "");
            name = ascii.isEmpty() || Character.isDigit(ascii.charAt(0)) ? NAMELESS + ascii : ascii;
        }
        String rest = name.replaceFirst("^_+", "");
        if (rest.isEmpty()) {
            return NAMELESS;
        }
        return rest.length() < name.length() ? "_" + rest : name;
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
