package io.threadstage.core;

import java.util.Map;

/**
 * A Python exception raised by a step of the emulated program: its type's {@code __name__}, the
 * argument it was raised with, and where it was raised (for the traceback). Stack-less: it is
 * program data, not a Java failure. Created and thrown by one run thread, then handed (as data)
 * to the thread that re-raises or reports it.
 */
final class PyException extends RuntimeException {

    /** Parent of each built-in exception type the scenarios may name; others derive from Exception. */
    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("Exception", "BaseException"),
            Map.entry("KeyboardInterrupt", "BaseException"),
            Map.entry("SystemExit", "BaseException"),
            Map.entry("ArithmeticError", "Exception"),
            Map.entry("ZeroDivisionError", "ArithmeticError"),
            Map.entry("OverflowError", "ArithmeticError"),
            Map.entry("LookupError", "Exception"),
            Map.entry("KeyError", "LookupError"),
            Map.entry("IndexError", "LookupError"),
            Map.entry("OSError", "Exception"),
            Map.entry("IOError", "Exception"),
            Map.entry("TimeoutError", "OSError"),
            Map.entry("ConnectionError", "OSError"),
            Map.entry("FileNotFoundError", "OSError"),
            Map.entry("PermissionError", "OSError"),
            Map.entry("RuntimeError", "Exception"),
            Map.entry("NotImplementedError", "RuntimeError"),
            Map.entry("RecursionError", "RuntimeError"),
            Map.entry("NameError", "Exception"),
            Map.entry("UnboundLocalError", "NameError"),
            Map.entry("ValueError", "Exception"),
            Map.entry("UnicodeError", "ValueError"));

    /** Where CPython's traceback names a type that is not a builtin. */
    private static final Map<String, String> MODULE = Map.of("Empty", "_queue.", "Full", "queue.");

    private final String type;
    private final String argument;
    private String raisedAtPath;
    private String raisedInFunction;

    PyException(String type, String argument) {
        super(type + ": " + argument, null, false, false);
        this.type = type;
        this.argument = argument == null ? "" : argument;
    }

    static PyException runtimeError(String message) {
        return new PyException("RuntimeError", message);
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
        if (type.equals("KeyError") && !argument.isEmpty()) {
            return "'" + argument.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return argument;
    }

    /** The traceback's last line: {@code ValueError: bad}, or the bare type when str() is empty. */
    String lastLine() {
        String text = str();
        return text.isEmpty() ? qualifiedType() : qualifiedType() + ": " + text;
    }

    /** A copy for re-raising in another thread (future.result()), with its own traceback place. */
    PyException reraised() {
        return new PyException(type, argument);
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
        return dot < 0 ? name : name.substring(dot + 1);
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
