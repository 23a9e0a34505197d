package io.threadstage.app;

import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceReader;
import io.threadstage.jfr.JavaRecording;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the commands that draw or convert a trace read: a trace ({@code .jsonl}) or a Java
 * program's Flight Recorder recording ({@code .jfr}, or any file that starts as one), both
 * streamed into the caller's consumer in order. Stateless.
 */
final class TraceInput {

    private TraceInput() {
    }

    /** Whether {@code file} is read as a recording: its name says {@code .jfr}, or its first bytes do. */
    static boolean isRecording(String file) {
        Path path = Path.of(file);
        return file.toLowerCase(Locale.ROOT).endsWith(".jfr") || JavaRecording.looksLikeRecording(path);
    }

    /**
     * Says every event of {@code file} to {@code out} and returns its header (null for a trace
     * without one).
     *
     * @param allThreads for a recording: show the JVM's own threads too
     */
    static TraceHeader read(String file, boolean allThreads, Consumer<TraceEvent> out) throws TraceFileException {
        if (isRecording(file)) {
            JavaRecording recording = JavaRecording.read(Path.of(file), allThreads);
            recording.replay(out);
            return recording.header();
        }
        return new TraceReader().read(Path.of(file), out);
    }
}
