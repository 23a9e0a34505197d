package io.threadstage.ui.run;

import io.threadstage.io.ChromeTraceWriter;
import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceReader;
import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.JavaRecording;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trace files for the window: read a {@code .jsonl} or a {@code .jfr} into a store for the stage,
 * write the last run or the opened file as JSONL or as a Chrome trace. Blocking file work: called
 * off the FX thread. Stateless.
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

    /** A trace whole, as a file of another form is written from it. */
    public record Whole(TraceHeader header, Iterable<? extends TraceEvent> events) {

        static Whole of(TraceRecorder recorder) {
            return new Whole(recorder.header(), recorder.eventsInOrder());
        }
    }

    /**
     * Reads {@code file} again whole, as the stage shows it, to be written to {@code out} in another
     * form: a trace, or a recording with or without the JVM's own threads. Refused when {@code out}
     * is {@code file} itself: no output overwrites an input.
     */
    static Whole readWholeFor(Path file, boolean jvmThreads, Path out) throws IOException, TraceFileException {
        if (Files.exists(out) && Files.isSameFile(file, out)) {
            throw new IOException("it is the file shown; choose another name, so that it is not overwritten");
        }
        if (isRecording(file)) {
            JavaRecording recording = JavaRecording.read(file, jvmThreads);
            return new Whole(recording.header(), recording.events());
        }
        TraceFile trace = new TraceReader().read(file);
        return new Whole(trace.header(), trace.events());
    }

    /** Writes the recorder's trace as JSONL, atomically ({@link io.threadstage.io.AtomicFile}). */
    public static void saveJsonl(TraceRecorder recorder, Path out) throws IOException {
        saveJsonl(Whole.of(recorder), out);
    }

    static void saveJsonl(Whole trace, Path out) throws IOException {
        TraceWriter.write(out, trace.header(), trace.events());
    }

    static void saveChrome(Whole trace, Path out) throws IOException {
        ChromeTraceWriter.write(out, trace.header(), trace.events());
    }

    /** Where a trace to write comes from, read on the file thread. */
    interface Source {
        Whole read() throws IOException, TraceFileException;
    }

    /** A file the window writes off the FX thread from a whole trace. */
    interface Write {
        void to(Whole trace) throws IOException;
    }
}
