package io.threadstage.jfr;

import io.threadstage.trace.LiveRun;
import io.threadstage.trace.ProgramProcess;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java program running as a child process with the Flight Recorder on (our settings,
 * {@link FlightSettings}), its threads going live into a {@link TraceSink} as lanes
 * (docs/java-programs.md, "Live"). {@link #start} returns at once; {@link #stop} ends the program
 * within a second; {@link #awaitEnd} waits for the trace's {@code end}.
 *
 * <p><b>How events arrive.</b> The child records into a repository folder of ours
 * ({@code -XX:FlightRecorderOptions:repository=}), and {@link EventStream#openRepository} reads its
 * chunks as the recorder flushes them, about once a second. That works on Java 17 with nothing but
 * the JDK: no JMX connection, no port, no agent (the remote {@code RecordingStream} of
 * {@code jdk.management.jfr} needs the child to open a JMX server). The recorder deletes its
 * repository as the program exits, so what the stream missed then comes from the recording the
 * program writes on exit ({@code dumponexit}); {@link LiveLanes} takes no event twice.
 *
 * <p><b>Threads.</b> The stream's own thread reads events; the session's thread
 * ({@code threadstage-java-live}) says them to the sink, {@link #lagNanos} after they happened,
 * about every 20 ms, and ends the trace; both work under one lock on the {@link LiveLanes}, so the
 * sink is written from the session's thread only. With {@link Output#TO_TRACE}, two copier
 * threads turn the program's output lines into prints and error reports. {@link #stop} and
 * {@link #awaitEnd} may be called from any thread.
 */
public final class JavaRecordingSession implements LiveRun {

    /** Where the program's output goes. */
    public enum Output {
        /** This process's own standard streams (the command line). */
        INHERIT,
        /** The trace: lines of stdout as prints of {@code main}, of stderr as error reports (the window's console). */
        TO_TRACE
    }

    private static final long PACE_MILLIS = 20;
    /** The recorder flushes about once a second; changes are said this long after they happened so a flush's fit in before. */
    private static final long START_LAG_NANOS = 1_500_000_000L;
    private static final long MAX_LAG_NANOS = 5_000_000_000L;
    private static final long STOP_GRACE_MILLIS = 400;
    private static final Duration STOP_GRACE = Duration.ofMillis(STOP_GRACE_MILLIS);
    /** After the program exits, how long its repository may take to be seen gone or its last flush read. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final Process process;
    private final Path folder;
    private final Path recording;
    private final LiveLanes lanes;
    private final Object lock = new Object();
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Thread> copiers = new ArrayList<>();
    private final List<Said> output = new ArrayList<>();
    private volatile String ending;
    /** Pause, resume and stop by signals, sent from its own thread. */
    private final ProgramProcess control;
    private volatile EventStream stream;
    private volatile long lagNanos = START_LAG_NANOS;
    private volatile int exitStatus = -1;
    private volatile String failure;

    private JavaRecordingSession(Process process, Path folder, Path recording, TraceSink sink, boolean allThreads) {
        this.process = process;
        this.control = new ProgramProcess(process, "threadstage-java-control", STOP_GRACE);
        this.folder = folder;
        this.recording = recording;
        this.lanes = new LiveLanes(sink, allThreads, epochNanos(),
                Math.max(1, Runtime.getRuntime().maxMemory() / JavaRecording.BYTES_PER_CHANGE_OF_MEMORY));
    }

    /**
     * Starts {@code command} (a {@code java} command line: the launcher, then its options and the
     * program) with the recorder on, and its lanes going to {@code sink} from the session's thread.
     *
     * @param allThreads show the JVM's own threads too
     * @throws IOException the program cannot be started (the message says why)
     */
    public static JavaRecordingSession start(List<String> command, TraceSink sink, boolean allThreads, Output output)
            throws IOException {
        if (command.isEmpty()) {
            throw new IOException("no command to run");
        }
        Path folder = Files.createTempDirectory("threadstage-live");
        Path repository = Files.createDirectory(folder.resolve("repository"));
        Path recording = folder.resolve(JavaCommands.programName(command) + ".jfr");
        List<String> full = new ArrayList<>();
        full.add(command.get(0));
        full.add("-XX:FlightRecorderOptions:repository=" + repository.toAbsolutePath());
        full.addAll(FlightSettings.jvmOptions(recording, FlightSettings.writeTemporary()));
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full);
        if (output == Output.INHERIT) {
            builder.inheritIO();
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new IOException("cannot start " + command.get(0) + ": " + cannotStart.getMessage(), cannotStart);
        }
        JavaRecordingSession session = new JavaRecordingSession(process, folder, recording, sink, allThreads);
        if (output == Output.TO_TRACE) {
            session.copy(process.getInputStream(), false);
            session.copy(process.getErrorStream(), true);
        }
        session.control.endWithUs("threadstage-java-end-with-us");
        Thread paced = new Thread(() -> session.follow(repository), "threadstage-java-live");
        paced.setDaemon(true);
        paced.start();
        return session;
    }

    /**
     * Asks the program to end (SIGTERM, so it writes its recording; SIGKILL if it has not ended
     * {@value #STOP_GRACE_MILLIS} ms later), paused or not; the trace ends {@code stopped}. Returns at once.
     */
    @Override
    public void stop() {
        control.stop();
    }

    /**
     * Holds the program where it is ({@code SIGSTOP}: the JVM and its recorder freeze together, and
     * go on as they were on {@code SIGCONT}); the lanes show a {@code paused} marker once they reach it.
     */
    @Override
    public void pause() {
        control.pause(() -> say(Said.MARKER, "paused"));
    }

    @Override
    public void resume() {
        control.resume(() -> say(Said.MARKER, "resumed"));
    }

    @Override
    public boolean isPaused() {
        return control.isPaused();
    }

    /** False: a Java program runs on its own; it cannot be moved by one step. */
    @Override
    public boolean canStep() {
        return false;
    }

    @Override
    public void step() {
        // nothing: see canStep
    }

    @Override
    public boolean isFinished() {
        return done.getCount() == 0;
    }

    /** {@code exited 0}, {@code exited 1}, {@code stopped}, {@code deadlock: ...}, {@code error: ...}. */
    @Override
    public String endDescription(long durationNanos) {
        return ending == null ? "ended" : ending;
    }

    /** Waits for the trace's end and the program's; true when both came within {@code timeout}. */
    @Override
    public boolean awaitEnd(Duration timeout) {
        try {
            return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean ended() {
        return done.getCount() == 0;
    }

    /**
     * Where the recording written at exit is, for the status line: live, a wait longer than the
     * lag shows from when it arrived; the file has it from its start.
     */
    private String wholeRecording() {
        try {
            return Files.isRegularFile(recording) && Files.size(recording) > 0
                    ? "; the whole recording (waits from their start): " + recording : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** The program's exit status once ended, else -1. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Why the live reading failed, or null. */
    public String failure() {
        return failure;
    }

    /** The program's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * The recording the program wrote as it exited (after {@link #awaitEnd}; it may be missing when
     * the program was stopped before it could write it), in a temporary folder.
     */
    public Path recording() {
        return recording;
    }

    /** How long after it happened a change is said now, in nanoseconds. */
    public long lagNanos() {
        return lagNanos;
    }

    private void follow(Path repository) {
        Outcome outcome = Outcome.COMPLETED;
        String message = null;
        try {
            while (process.isAlive() && !control.stopRequested()) {
                if (stream == null) {
                    openStream(repository);
                }
                say(epochNanos() - lagNanos);
                process.waitFor(PACE_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (control.stopRequested()) {
                outcome = Outcome.STOPPED;
                endProcess();
            } else {
                exitStatus = process.waitFor();
                Thread.sleep(SETTLE.toMillis());
                closeStream();
                readFinishedFile();
            }
        } catch (InterruptedException interrupted) {
            outcome = Outcome.STOPPED;
            endProcess();
        } catch (RuntimeException | IOException | InternalError broken) {
            failure = "cannot read the program's recording: " + broken.getMessage();
            outcome = Outcome.ERROR;
            message = failure;
            endProcess();
        } finally {
            closeStream();
            joinCopiers();
            Outcome ended = outcome;
            synchronized (lock) {
                try {
                    ended = lanes.end(outcome, message != null ? message
                            : outcome == Outcome.COMPLETED && exitStatus > 0 ? "the program exited with status " + exitStatus
                            : null);
                } catch (RuntimeException cannotEnd) {
                    failure = failure == null ? cannotEnd.getMessage() : failure;
                }
            }
            ending = switch (ended) {
                case STOPPED -> "stopped";
                case ERROR -> "error: " + failure;
                case DEADLOCK -> "deadlock: " + lanes.endMessage();
                default -> "exited " + exitStatus + wholeRecording();
            };
            deleteRepository();
            control.close();
            done.countDown();
        }
    }

    /**
     * The repository holds one folder per recording JVM; it appears once the child's recorder
     * starts, and the stream is opened once its first chunk is there (a stream opened on an
     * empty folder with a start time was seen to wait for good).
     */
    private void openStream(Path repository) throws IOException {
        Optional<Path> chunks;
        try (Stream<Path> listed = Files.list(repository)) {
            chunks = listed.filter(Files::isDirectory).findFirst();
        }
        if (chunks.isEmpty()) {
            return;
        }
        try (Stream<Path> listed = Files.list(chunks.get())) {
            if (listed.noneMatch(file -> file.getFileName().toString().endsWith(".jfr"))) {
                return;
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return;
        }
        EventStream opened = EventStream.openRepository(chunks.get());
        opened.setReuse(false);
        // from the repository's first chunk: the starts flushed before the stream opened are lanes too
        opened.setStartTime(Instant.EPOCH);
        opened.onEvent(event -> {
            synchronized (lock) {
                long late = epochNanos() - RecordingScanner.nanos(event.getEndTime());
                if (late + 200_000_000L > lagNanos && lagNanos < MAX_LAG_NANOS) {
                    // a loaded machine flushes late: say changes later rather than out of order
                    lagNanos = Math.min(MAX_LAG_NANOS, late + 200_000_000L);
                }
                lanes.stream(event);
            }
        });
        opened.startAsync();
        stream = opened;
    }

    private void say(long untilNanos) {
        synchronized (lock) {
            lanes.sayUntil(untilNanos);
            takeOutput(untilNanos).forEach(this::tell);
        }
    }

    /**
     * A line the program wrote, or a marker of ours, and when: it is said with the changes of that
     * time, as late as they are, so it stands where it happened among them.
     */
    private record Said(long epochNanos, int kind, String text) {
        static final int PRINT = 0;
        static final int ERROR = 1;
        static final int MARKER = 2;
    }

    private void say(int kind, String text) {
        synchronized (output) {
            output.add(new Said(epochNanos(), kind, text));
        }
    }

    private void tell(Said said) {
        if (said.kind() == Said.MARKER) {
            lanes.marker(said.text());
        } else {
            lanes.print(said.text(), said.kind() == Said.ERROR);
        }
    }

    private List<Said> takeOutput(long untilNanos) {
        synchronized (output) {
            List<Said> lines = new ArrayList<>();
            while (!output.isEmpty() && output.get(0).epochNanos() <= untilNanos) {
                lines.add(output.remove(0));
            }
            return lines;
        }
    }

    private void readFinishedFile() throws IOException {
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            return;
        }
        synchronized (lock) {
            lanes.switchToFile();
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    lanes.file(file.readEvent());
                }
            }
        }
    }

    private void endProcess() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            exitStatus = process.exitValue();
        }
    }

    private void closeStream() {
        EventStream open = stream;
        if (open != null) {
            open.close();
        }
    }

    private void copy(InputStream from, boolean errors) {
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    say(errors ? Said.ERROR : Said.PRINT, line);
                }
            } catch (IOException closed) {
                // the program ended: nothing more to copy
            }
        }, "threadstage-java-live-" + (errors ? "stderr" : "stdout"));
        copier.setDaemon(true);
        copier.start();
        copiers.add(copier);
    }

    private void joinCopiers() {
        for (Thread copier : copiers) {
            try {
                copier.join(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (lock) {
            lanes.sayUntil(Long.MAX_VALUE);
            takeOutput(Long.MAX_VALUE).forEach(this::tell);
        }
    }

    private void deleteRepository() {
        try (Stream<Path> files = Files.walk(folder.resolve("repository"))) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | java.io.UncheckedIOException leftBehind) {
            // the recorder deletes its own; a temporary folder left behind harms nothing
        }
    }

    private static long epochNanos() {
        return RecordingScanner.nanos(Instant.now());
    }
}
