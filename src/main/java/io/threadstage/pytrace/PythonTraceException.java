package io.threadstage.pytrace;

/** A traced Python program could not be started; the message is one line for the user, naming what to fix. */
public final class PythonTraceException extends Exception {

    public PythonTraceException(String message) {
        super(message);
    }
}
