package io.threadstage.core;

import io.threadstage.model.Settings;
import io.threadstage.trace.TraceSink;
import java.util.Map;

/**
 * Reports uncaught exceptions as CPython writes them to standard error, as the run's error-report events: a thread's through
 * {@code threading.excepthook} (the default report, or the one-line custom handler), the main
 * thread's as the interpreter's traceback. Stateless; called by the thread that died, and each
 * report is one event, so two threads' reports never interleave.
 */
final class ExceptHookReporter {

    static final String SOURCE_NAME = "<scenario>";

    private final Settings.Excepthook mode;
    private final Map<Integer, Integer> stepLines;
    /** Reports are events of the run, so a console shows them in order with the prints. */
    private final TraceSink sink;

    ExceptHookReporter(Settings.Excepthook mode, Map<Integer, Integer> stepLines, TraceSink sink) {
        this.mode = mode;
        this.stepLines = stepLines;
        this.sink = sink;
    }

    /** An exception ended a thread other than MainThread. */
    void reportThread(String threadName, PyException error) {
        if (mode == Settings.Excepthook.CUSTOM) {
            sink.errorReport("[excepthook] " + threadName + ": " + error.type() + ": " + error.str());
        } else if (!error.type().equals("SystemExit")) {
            // threading.excepthook's default silently ignores SystemExit; a custom hook still sees it
            sink.errorReport("Exception in thread " + threadName + ":\n" + traceback(error));
        }
    }

    /** An exception ended the main steps: the interpreter prints it, then waits for the threads. */
    void reportMain(PyException error) {
        if (error.type().equals("SystemExit")) {
            // the interpreter prints a text argument alone, no traceback; a code (or none) is only the exit status
            if (ExitStatus.printsSystemExit(error)) {
                sink.errorReport(error.str());
            }
            return;
        }
        sink.errorReport(traceback(error));
    }

    /** The traceback, led by those of the exceptions whose handling raised it, as CPython chains them. */
    private String traceback(PyException error) {
        if (error.context() == null) {
            return frameReport(error);
        }
        return traceback(error.context())
                + "\n\nDuring handling of the above exception, another exception occurred:\n\n" + frameReport(error);
    }

    private String frameReport(PyException error) {
        String function = error.raisedInFunction() == null ? "<module>" : error.raisedInFunction();
        Integer line = error.raisedAtStep() < 0 ? null : stepLines.get(error.raisedAtStep());
        String place = line == null ? "" : ", line " + line;
        return "Traceback (most recent call last):\n"
                + "  File \"" + SOURCE_NAME + "\"" + place + ", in " + function + "\n"
                + error.lastLine();
    }
}
