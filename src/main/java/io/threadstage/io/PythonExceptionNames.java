package io.threadstage.io;

import io.threadstage.model.Step;
import java.util.Map;
import java.util.Set;

/**
 * Which exception names the program takes from Python and which it must define. The builtins
 * used as they are are exactly those whose place in the class tree the runtime knows
 * (core.PyException), so that an {@code except} catches in the program what it catches in the
 * run; any other name is a class of the scenario's own, a subclass of {@code Exception} as the
 * runtime treats it. Stateless; any thread.
 */
final class PythonExceptionNames {

    /** The builtin exceptions the runtime places in CPython 3.11's class tree. */
    private static final Set<String> BUILTIN = Set.of(
            "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
            "BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "EOFError", "EnvironmentError", "FileExistsError", "FileNotFoundError", "FloatingPointError",
            "GeneratorExit", "IOError", "ImportError", "IndexError", "InterruptedError", "IsADirectoryError",
            "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
            "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PermissionError",
            "ProcessLookupError", "RecursionError", "ReferenceError", "RuntimeError", "StopIteration",
            "SystemError", "SystemExit", "TimeoutError", "TypeError", "UnboundLocalError",
            "UnicodeError", "ValueError", "ZeroDivisionError");

    /** The runtime's names for the exceptions a queue raises on timeout. */
    private static final Map<String, String> QUEUE = Map.of("Empty", "queue.Empty", "Full", "queue.Full");

    private PythonExceptionNames() {
    }

    /** The type an except clause names; a try without one catches {@code Exception}. */
    static String caught(Step.Try attempt) {
        return attempt.except() == null ? "Exception" : attempt.except();
    }

    static boolean isBuiltin(String type) {
        return BUILTIN.contains(type);
    }

    /** {@code queue.Empty} for {@code Empty}, or null when the name is not the queue module's. */
    static String queueException(String type) {
        return QUEUE.get(type);
    }

    /** A dotted name is a module's, which the program imports. */
    static boolean isQualified(String type) {
        return type.indexOf('.') > 0;
    }

    static boolean needsClass(String type) {
        return !isBuiltin(type) && queueException(type) == null && !isQualified(type);
    }
}
