package io.threadstage.core;

import io.threadstage.model.Value;

/**
 * The status a shell sees when CPython 3.11 ends because the main thread raised: 1 for any
 * exception, but {@code SystemExit} gives its code and {@code KeyboardInterrupt} ends the
 * process by SIGINT (130 as a shell shows it). Stateless.
 */
final class ExitStatus {

    static final int COMPLETED = 0;
    static final int RAISED = 1;
    /** 128 + SIGINT: CPython re-raises SIGINT on itself after an unhandled KeyboardInterrupt. */
    static final int INTERRUPTED = 130;

    private ExitStatus() {
    }

    /** After {@code error} ended the main thread uncaught (the other threads still run to their end first). */
    static int ofUncaught(PyException error) {
        if (error.type().equals("SystemExit")) {
            return systemExit(error.argument());
        }
        return error.type().equals("KeyboardInterrupt") ? INTERRUPTED : RAISED;
    }

    /**
     * {@code _Py_HandleSystemExit}: no code is 0; an int is {@code exit((int) PyLong_AsLong(code))},
     * where a code beyond a C long reads as -1, and the kernel keeps the low 8 bits; anything else
     * is printed on stderr and gives 1.
     */
    private static int systemExit(Value code) {
        if (code == null) {
            return COMPLETED;
        }
        if (code instanceof Value.Int number) {
            long asLong = number.value().bitLength() < Long.SIZE ? number.value().longValue() : -1;
            return (int) asLong & 0xFF;
        }
        return RAISED;
    }

    /** Whether the interpreter prints the exception: not for a SystemExit whose code is None or an int. */
    static boolean printsSystemExit(PyException error) {
        return error.argument() != null && !(error.argument() instanceof Value.Int);
    }
}
