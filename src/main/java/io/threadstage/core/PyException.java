package io.threadstage.core;

import io.threadstage.model.PythonExceptions;
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

    /** Where CPython's traceback names a type that is not a builtin. */
    private static final Map<String, String> MODULE = Map.of("Empty", "_queue.", "Full", "queue.");

    private final String type;
    /**
     * The argument (a text, or an int for {@code SystemExit(3)}), or null when raised without one
     * ({@code raise KeyError}): str() is then empty even for KeyError.
     */
    private final Value argument;
    /** Id ({@code StepIndex}) of the step that raised it, or -1 before a step is known. */
    private int raisedAtStep = -1;
    /** What CPython's traceback adds after the message, such as a {@code Did you mean} hint; "" for none. */
    private String displayHint = "";
    /** The exception being handled when this one was raised ({@code __context__}), or null. */
    private PyException context;
    private String raisedInFunction;

    PyException(String type, String argument) {
        this(type, argument == null ? null : (Value) new Value.Text(argument));
    }

    PyException(String type, Value argument) {
        super(argument == null ? type : type + ": " + PythonRepr.str(argument), null, false, false);
        this.type = PythonExceptions.className(type);
        this.argument = argument;
    }

    static PyException runtimeError(String message) {
        return new PyException("RuntimeError", message);
    }

    /**
     * What {@code raise Type(argument)} raises: that exception, or the TypeError of a built-in
     * constructor that wants other arguments ({@code ExceptionGroup}, the Unicode errors).
     */
    static PyException raise(String type, Value argument) {
        String refused = PythonExceptions.constructorError(type, argument == null ? 0 : 1);
        return refused != null ? new PyException("TypeError", refused) : new PyException(type, argument);
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

    /** What CPython 3.11 raises when a call would pass {@code sys.getrecursionlimit()} frames. */
    static PyException recursionError() {
        return new PyException("RecursionError", "maximum recursion depth exceeded");
    }

    /**
     * What the {@code del self._target} in {@code Thread.run()}'s {@code finally} raises when a
     * run() of the same thread further in (a thread that runs itself) deleted the target
     * first; raised while handling {@code handled}, if the body raised.
     */
    static PyException targetDeletedAgain(PyException handled) {
        PyException delete = new PyException("AttributeError", "'Thread' object has no attribute '_target'");
        if (handled != null) {
            delete.raisedWhileHandling(handled);
        }
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

    /**
     * {@code str(exception)}: the argument's str(); its repr() for KeyError; with no argument
     * empty, but {@code 'None'} for SyntaxError and its subclasses, whose str() shows their
     * {@code msg} attribute.
     */
    String str() {
        if (argument == null) {
            return PythonExceptions.isSubclass(type, "SyntaxError") ? "None" : "";
        }
        if (type.equals("KeyError")) {
            return PythonRepr.repr(argument);
        }
        return PythonRepr.str(argument);
    }

    /** The argument as raised, or null: SystemExit's exit status comes from it. */
    Value argument() {
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

    /** Whether {@code except NAME:} catches this exception; a dotted name ({@code queue.Empty}) by its last part. */
    boolean caughtBy(String exceptName) {
        int dot = exceptName.lastIndexOf('.');
        return PythonExceptions.isSubclass(type, dot < 0 ? exceptName : exceptName.substring(dot + 1));
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
    void raisedAt(int stepId, String function) {
        if (raisedAtStep < 0) {
            raisedAtStep = stepId;
            raisedInFunction = function;
        }
    }

    int raisedAtStep() {
        return raisedAtStep;
    }

    String raisedInFunction() {
        return raisedInFunction;
    }
}
