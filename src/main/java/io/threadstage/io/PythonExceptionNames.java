package io.threadstage.io;

import io.threadstage.model.PythonExceptions;
import io.threadstage.model.Step;
import java.util.Map;

/**
 * Which exception names the program takes from Python and which it must define. The builtins
 * are CPython 3.11's, in the one table the runtime also places them by
 * ({@code model.PythonExceptions}), so that an {@code except} catches in the program what it
 * catches in the run; any other name is a class of the scenario's own, a subclass of
 * {@code Exception} as the runtime treats it. Stateless; any thread.
 */
final class PythonExceptionNames {

    /** The runtime's names for the exceptions a queue raises on timeout. */
    private static final Map<String, String> QUEUE = Map.of("Empty", "queue.Empty", "Full", "queue.Full");

    private PythonExceptionNames() {
    }

    /** The type an except clause names; a try without one catches {@code Exception}. */
    static String caught(Step.Try attempt) {
        return attempt.except() == null ? "Exception" : attempt.except();
    }

    static boolean isBuiltin(String type) {
        return PythonExceptions.isBuiltin(type);
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
