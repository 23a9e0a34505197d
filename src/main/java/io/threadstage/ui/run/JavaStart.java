package io.threadstage.ui.run;

import io.threadstage.jfr.JavaCommands;
import io.threadstage.jfr.JavaRecordingSession;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a Java program for the window: checks the command line, then starts it with the Flight
 * Recorder on, its lanes streamed live into a fresh recorder and its output into the console. Runs
 * on the file thread (it starts a process); the result goes to the FX thread.
 */
final class JavaStart {

    /** A started program: its title, the recorder it writes, the run the window drives. */
    record Started(String title, TraceRecorder recorder, JavaRecordingSession run) {
    }

    private JavaStart() {
    }

    /**
     * @param command    a {@code java} command line, as a user types it
     * @param jvmThreads whether the JVM's own threads get lanes too
     * @throws IOException the line is no java command, or it cannot be started; the message says which
     */
    static Started start(List<String> command, boolean jvmThreads) throws IOException {
        if (command.isEmpty()) {
            throw new IOException("Type the command that runs the program, starting with java:"
                    + " java -jar app.jar, or java -cp classes com.example.Main");
        }
        if (!JavaCommands.isJava(command.get(0))) {
            throw new IOException("The command must start with java (the Flight Recorder is Java's), not "
                    + command.get(0) + ".");
        }
        List<String> launched = new ArrayList<>(command);
        if (launched.get(0).equals("java")) {
            // the JDK ThreadStage runs on: its recorder is the one whose events we read
            launched.set(0, java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        String title = JavaCommands.programName(command) + " (Java)";
        TraceRecorder recorder = new TraceRecorder(new TraceHeader(title,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1.0, true));
        JavaRecordingSession session = JavaRecordingSession.start(launched, recorder, jvmThreads,
                JavaRecordingSession.Output.TO_TRACE);
        return new Started(title, recorder, session);
    }

    /**
     * Splits a command line as a shell would for plain words and quotes: spaces separate, and
     * {@code "..."} or {@code '...'} keep spaces inside one argument.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
