package io.threadstage.core;

import io.threadstage.model.PythonRepr;
import io.threadstage.model.Value;
import java.util.Map;

/**
 * A Python exception raised by a step of the emulated program: its type's {@code __name__}, the
 * argument it was raised with, and where it was raised (for the traceback). Stack-less: it is
 * program data, not a Java failure. Created and thrown by one run thread, then handed (as data)
 * to the thread that re-raises or reports it.
 */
final class PyException extends RuntimeException {

    /** Parent of each built-in exception type (CPython 3.11); other names derive from Exception. */
    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("Exception", "BaseException"),
            Map.entry("KeyboardInterrupt", "BaseException"),
            Map.entry("SystemExit", "BaseException"),
            Map.entry("GeneratorExit", "BaseException"),
            Map.entry("ArithmeticError", "Exception"),
            Map.entry("FloatingPointError", "ArithmeticError"),
            Map.entry("ZeroDivisionError", "ArithmeticError"),
            Map.entry("OverflowError", "ArithmeticError"),
            Map.entry("LookupError", "Exception"),
            Map.entry("KeyError", "LookupError"),
            Map.entry("IndexError", "LookupError"),
            Map.entry("OSError", "Exception"),
            Map.entry("BlockingIOError", "OSError"),
            Map.entry("ChildProcessError", "OSError"),
            Map.entry("ConnectionError", "OSError"),
            Map.entry("BrokenPipeError", "ConnectionError"),
            Map.entry("ConnectionAbortedError", "ConnectionError"),
            Map.entry("ConnectionRefusedError", "ConnectionError"),
            Map.entry("ConnectionResetError", "ConnectionError"),
            Map.entry("FileExistsError", "OSError"),
            Map.entry("FileNotFoundError", "OSError"),
            Map.entry("InterruptedError", "OSError"),
            Map.entry("IsADirectoryError", "OSError"),
            Map.entry("NotADirectoryError", "OSError"),
            Map.entry("PermissionError", "OSError"),
            Map.entry("ProcessLookupError", "OSError"),
            Map.entry("TimeoutError", "OSError"),
            Map.entry("ImportError", "Exception"),
            Map.entry("ModuleNotFoundError", "ImportError"),
            Map.entry("RuntimeError", "Exception"),
            Map.entry("NotImplementedError", "RuntimeError"),
            Map.entry("RecursionError", "RuntimeError"),
            Map.entry("NameError", "Exception"),
            Map.entry("UnboundLocalError", "NameError"),
            Map.entry("ValueError", "Exception"),
            Map.entry("UnicodeError", "ValueError"),
            Map.entry("AssertionError", "Exception"),
            Map.entry("AttributeError", "Exception"),
            Map.entry("BufferError", "Exception"),
            Map.entry("EOFError", "Exception"),
            Map.entry("MemoryError", "Exception"),
            Map.entry("ReferenceError", "Exception"),
            Map.entry("StopIteration", "Exception"),
            Map.entry("SystemError", "Exception"),
            Map.entry("TypeError", "Exception"));

    /** Old names that are the same class as another in Python 3: {@code IOError is OSError}. */
    private static final Map<String, String> ALIAS = Map.of("IOError", "OSError", "EnvironmentError", "OSError");

    /** Where CPython's traceback names a type that is not a builtin. */
    private static final Map<String, String> MODULE = Map.of("Empty", "_queue.", "Full", "queue.");

    private final String type;
    /** The argument, or null when raised without one ({@code raise KeyError}): str() is then empty even for KeyError. */
    private final String argument;
    private String raisedAtPath;
    /** What CPython's traceback adds after the message, such as a {@code Did you mean} hint; "" for none. */
    private String displayHint = "";
    /** The exception being handled when this one was raised ({@code __context__}), or null. */
    private PyException context;
    private String raisedInFunction;

    PyException(String type, String argument) {
        super(type + ": " + argument, null, false, false);
        this.type = ALIAS.getOrDefault(type, type);
        this.argument = argument;
    }

    static PyException runtimeError(String message) {
        return new PyException("RuntimeError", message);
    }

    /**
     * What {@code Thread.run()} raises once its target is gone (it deletes {@code _target}
     * after running it): the failed read, then, while handling it, the failed {@code del} in
     * its {@code finally}.
     */
    static PyException targetDeleted() {
        String message = "'Thread' object has no attribute '_target'";
        PyException read = new PyException("AttributeError", message);
        read.displayHint = ". Did you mean: '_started'?";
        PyException delete = new PyException("AttributeError", message);
        delete.raisedWhileHandling(read);
        return delete;
    }

    /** The type's {@code __name__}: {@code ValueError}, {@code Empty}. */
    String type() {
        return type;
    }

    /** The name on the traceback's last line: {@code _queue.Empty}, {@code queue.Full}, {@code ValueError}. */
    String qualifiedType() {
        return MODULE.getOrDefault(type, "") + type;
    }

    /** {@code str(exception)}: the argument, quoted for KeyError as CPython does. */
    String str() {
        if (argument == null) {
            return "";
        }
        if (type.equals("KeyError")) {
            return PythonRepr.repr(new Value.Text(argument));
        }
        return argument;
    }

    /** The traceback's last line: {@code ValueError: bad}, or the bare type when str() is empty. */
    String lastLine() {
        String text = str();
        return (text.isEmpty() ? qualifiedType() : qualifiedType() + ": " + text) + displayHint;
    }

    /** A copy for re-raising in another thread (future.result()), with its own traceback place. */
    PyException reraised() {
        PyException copy = new PyException(type, argument);
        copy.context = context;
        return copy;
    }

    /** Whether {@code except NAME:} catches this exception. */
    boolean caughtBy(String exceptName) {
        String wanted = simpleName(exceptName);
        for (String t = type; t != null; t = parentOf(t)) {
            if (t.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String parentOf(String name) {
        if (name.equals("BaseException")) {
            return null;
        }
        return PARENT.getOrDefault(name, "Exception");
    }

    private static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        String simple = dot < 0 ? name : name.substring(dot + 1);
        return ALIAS.getOrDefault(simple, simple);
    }

    /**
     * Records that this exception escaped an except block handling {@code handled}: the end of
     * its context chain gets {@code handled}, as CPython sets {@code __context__} at each raise
     * inside a handler.
     */
    void raisedWhileHandling(PyException handled) {
        PyException last = this;
        while (last.context != null) {
            if (last == handled) {
                return;
            }
            last = last.context;
        }
        if (last != handled) {
            last.context = handled;
        }
    }

    /** {@code __context__}: the exception whose handling raised this one, or null. */
    PyException context() {
        return context;
    }

    /** Marks the innermost step that raised, once. */
    void raisedAt(String path, String function) {
        if (raisedAtPath == null) {
            raisedAtPath = path;
            raisedInFunction = function;
        }
    }

    String raisedAtPath() {
        return raisedAtPath;
    }

    String raisedInFunction() {
        return raisedInFunction;
    }
}
