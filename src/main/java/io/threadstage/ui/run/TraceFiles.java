package io.threadstage.ui.run;

import io.threadstage.io.ChromeTraceWriter;
import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceReader;
import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.JavaRecording;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trace files for the window: read a {@code .jsonl} into a store for the stage, write the last
 * run as JSONL or as a Chrome trace. Blocking file work: called off the FX thread. Stateless.
 */
public final class TraceFiles {

    private TraceFiles() {
    }

    /**
     * A trace read and columned for the stage, with its file's title; {@code jvmThreads} counts
     * the JVM's own threads of a Java recording, hidden or shown, 0 for any other trace.
     */
    public record Opened(String title, TraceStore store, int jvmThreads) {
    }

    /** Whether {@code file} is a Java program's recording rather than a trace. */
    public static boolean isRecording(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jfr");
    }

    /**
     * Reads {@code file}, a trace or a Java program's recording ({@code .jfr}: its program's
     * threads, and the JVM's own when {@code jvmThreads}); a bad file is refused with a message
     * naming it and the line.
     */
    public static Opened read(Path file, boolean jvmThreads) throws TraceFileException {
        // streamed into the store's columns: no list of the events, whatever the trace's size
        TraceStore store = new TraceStore();
        if (isRecording(file)) {
            JavaRecording recording = JavaRecording.read(file, jvmThreads);
            recording.replay(store::append);
            return new Opened(recording.header().stageTitle(), store, recording.jvmThreadCount());
        }
        TraceHeader header = new TraceReader().read(file, store::append);
        String title = header == null ? file.getFileName().toString() : header.stageTitle();
        return new Opened(title, store, 0);
    }

    /** Writes the recorder's trace as JSONL, atomically ({@link io.threadstage.io.AtomicFile}). */
    public static void saveJsonl(TraceRecorder recorder, Path out) throws IOException {
        TraceWriter.write(out, recorder.header(), recorder.eventsInOrder());
    }

    /** Writes the recorder's trace for chrome://tracing and Perfetto, atomically. */
    public static void saveChrome(TraceRecorder recorder, Path out) throws IOException {
        ChromeTraceWriter.write(out, recorder.header(), recorder.eventsInOrder());
    }

    /** A run's file the window writes off the FX thread. */
    interface Write {
        void to(TraceRecorder recorder) throws IOException;
    }
}
