package io.threadstage.ui.run;

import io.threadstage.pytrace.PythonLaunch;
import io.threadstage.pytrace.PythonTraceException;
import io.threadstage.pytrace.PythonTraceSession;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Starts a Python program for the window: reads its text for the code view, then starts it traced
 * into a fresh recorder with its output recorded. Runs on the file thread (it reads a file and
 * starts a process); the result goes to the FX thread.
 */
final class ProgramStart {

    /** A started program: what the code view shows, the recorder it writes, the run the window drives. */
    record Started(ProgramText program, TraceRecorder recorder, PythonTraceSession run) {
    }

    private ProgramStart() {
    }

    /** @throws PythonTraceException the file or the interpreter cannot be run; the message says why and names the file */
    static Started start(String python, Path file) throws PythonTraceException {
        PythonLaunch launch = PythonLaunch.recorded(python, file, List.of());
        String problem = launch.problem();
        if (problem != null) {
            throw new PythonTraceException(problem);
        }
        String text;
        try {
            // a file that is not UTF-8 still shows, with its odd bytes replaced; Python says what it thinks of them
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new PythonTraceException(file + ": cannot read: " + unreadable.getMessage());
        }
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(file.getFileName().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1.0, true));
        PythonTraceSession session;
        try {
            session = PythonTraceSession.start(launch, recorder);
        } catch (PythonTraceException refused) {
            if (refused.getMessage().startsWith(python + ": cannot run it")) {
                // the command line's advice (--python PATH) means nothing in the window
                throw new PythonTraceException(file.getFileName() + " runs on CPython 3.8 or later, and " + python
                        + " is not on the PATH (or cannot be run): install it, then open the file again.");
            }
            throw refused;
        }
        return new Started(new ProgramText(file, text), recorder, session);
    }
}
