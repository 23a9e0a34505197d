package io.threadstage.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPython 3.11's built-in exception classes: their names, their bases (the real hierarchy, with
 * {@code ExceptionGroup}'s two bases), the old names that are the same class ({@code IOError is
 * OSError}), and the few whose constructor refuses the one argument a {@code raise} step gives.
 * The generator declares {@code class X(Exception): pass} for any other name, so here any other
 * name derives from {@code Exception} too; the runtime and the generator agree through this one
 * table, and a test compares it with the machine's python3. Stateless; any thread.
 */
public final class PythonExceptions {

    public static final String ROOT = "BaseException";

    /** Every built-in exception class and its {@code __bases__}, in the order of the class tree. */
    private static final Map<String, List<String>> BASES = new LinkedHashMap<>();

    static {
        entry("BaseException");
        entry("Exception", "BaseException");
        entry("ArithmeticError", "Exception");
        entry("FloatingPointError", "ArithmeticError");
        entry("OverflowError", "ArithmeticError");
        entry("ZeroDivisionError", "ArithmeticError");
        entry("AssertionError", "Exception");
        entry("AttributeError", "Exception");
        entry("BufferError", "Exception");
        entry("EOFError", "Exception");
        entry("ImportError", "Exception");
        entry("ModuleNotFoundError", "ImportError");
        entry("LookupError", "Exception");
        entry("IndexError", "LookupError");
        entry("KeyError", "LookupError");
        entry("MemoryError", "Exception");
        entry("NameError", "Exception");
        entry("UnboundLocalError", "NameError");
        entry("OSError", "Exception");
        entry("BlockingIOError", "OSError");
        entry("ChildProcessError", "OSError");
        entry("ConnectionError", "OSError");
        entry("BrokenPipeError", "ConnectionError");
        entry("ConnectionAbortedError", "ConnectionError");
        entry("ConnectionRefusedError", "ConnectionError");
        entry("ConnectionResetError", "ConnectionError");
        entry("FileExistsError", "OSError");
        entry("FileNotFoundError", "OSError");
        entry("InterruptedError", "OSError");
        entry("IsADirectoryError", "OSError");
        entry("NotADirectoryError", "OSError");
        entry("PermissionError", "OSError");
        entry("ProcessLookupError", "OSError");
        entry("TimeoutError", "OSError");
        entry("ReferenceError", "Exception");
        entry("RuntimeError", "Exception");
        entry("NotImplementedError", "RuntimeError");
        entry("RecursionError", "RuntimeError");
        entry("StopAsyncIteration", "Exception");
        entry("StopIteration", "Exception");
        entry("SyntaxError", "Exception");
        entry("IndentationError", "SyntaxError");
        entry("TabError", "IndentationError");
        entry("SystemError", "Exception");
        entry("TypeError", "Exception");
        entry("ValueError", "Exception");
        entry("UnicodeError", "ValueError");
        entry("UnicodeDecodeError", "UnicodeError");
        entry("UnicodeEncodeError", "UnicodeError");
        entry("UnicodeTranslateError", "UnicodeError");
        entry("Warning", "Exception");
        entry("BytesWarning", "Warning");
        entry("DeprecationWarning", "Warning");
        entry("EncodingWarning", "Warning");
        entry("FutureWarning", "Warning");
        entry("ImportWarning", "Warning");
        entry("PendingDeprecationWarning", "Warning");
        entry("ResourceWarning", "Warning");
        entry("RuntimeWarning", "Warning");
        entry("SyntaxWarning", "Warning");
        entry("UnicodeWarning", "Warning");
        entry("UserWarning", "Warning");
        entry("BaseExceptionGroup", "BaseException");
        entry("ExceptionGroup", "BaseExceptionGroup", "Exception");
        entry("GeneratorExit", "BaseException");
        entry("KeyboardInterrupt", "BaseException");
        entry("SystemExit", "BaseException");
    }

    /** Old names bound to the same class in Python 3: {@code IOError.__name__ == "OSError"}. */
    private static final Map<String, String> ALIASES = Map.of("IOError", "OSError", "EnvironmentError", "OSError");

    /**
     * The TypeError a constructor raises for the arguments a raise step can give (none or one);
     * {@code %d} is how many were given. An exception group wants a message and a list of
     * exceptions, a Unicode error the codec's details.
     */
    private static final Map<String, String> CONSTRUCTOR_ERRORS = Map.of(
            "BaseExceptionGroup", "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
            "ExceptionGroup", "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
            "UnicodeDecodeError", "function takes exactly 5 arguments (%d given)",
            "UnicodeEncodeError", "function takes exactly 5 arguments (%d given)",
            "UnicodeTranslateError", "function takes exactly 4 arguments (%d given)");

    private PythonExceptions() {
    }

    private static void entry(String name, String... bases) {
        BASES.put(name, List.of(bases));
    }

    /** Every built-in class name (aliases not included) and its {@code __bases__}. */
    public static Map<String, List<String>> bases() {
        return Collections.unmodifiableMap(BASES);
    }

    /** Alias name to the class it names. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    /** Whether Python knows the name without a definition: a built-in class or an alias of one. */
    public static boolean isBuiltin(String name) {
        return BASES.containsKey(name) || ALIASES.containsKey(name);
    }

    /** The class's {@code __name__}: {@code OSError} for {@code IOError}, else the name itself. */
    public static String className(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /**
     * Whether {@code except ancestor:} catches an exception of class {@code type}, through every
     * base; a name that is no built-in is a class the generated program derives from Exception.
     */
    public static boolean isSubclass(String type, String ancestor) {
        String wanted = className(ancestor);
        Deque<String> open = new ArrayDeque<>(List.of(className(type)));
        Set<String> seen = new HashSet<>();
        while (!open.isEmpty()) {
            String next = open.pop();
            if (next.equals(wanted)) {
                return true;
            }
            if (seen.add(next)) {
                open.addAll(BASES.getOrDefault(next, List.of("Exception")));
            }
        }
        return false;
    }

    /** The TypeError's message when {@code type(arguments...)} cannot be built, else null. */
    public static String constructorError(String type, int arguments) {
        String format = CONSTRUCTOR_ERRORS.get(className(type));
        return format == null ? null : String.format(format, arguments);
    }
}
