package io.threadstage.jfr;

import io.threadstage.io.TraceFileException;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A Java program's Flight Recorder recording read as a trace: one lane per Java thread, its
 * waits as the trace's states, hand-overs as lock owner changes (docs/java-programs.md). The
 * file is read once, event by event; what stays is the state changes in primitive columns
 * (about 37 bytes each, capped like the recorder by the memory Java may use), from which
 * {@link #events()} says the trace as often as asked, without a list of its events. A file that
 * is no recording, a cut one, or one without thread events is refused with a message naming it.
 * Made and read by one thread.
 */
public final class JavaRecording {

    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private final TraceHeader header;
    private final RecordingScanner scan;
    private final long originNanos;
    private final Outcome outcome;
    private final String message;
    private final int laneCount;
    private final int hiddenCount;
    private final int jvmThreadCount;

    private JavaRecording(TraceHeader header, RecordingScanner scan, Outcome outcome, String message, int laneCount,
                          int hiddenCount, int jvmThreadCount) {
        this.header = header;
        this.scan = scan;
        this.originNanos = scan.firstNanos;
        this.outcome = outcome;
        this.message = message;
        this.laneCount = laneCount;
        this.hiddenCount = hiddenCount;
        this.jvmThreadCount = jvmThreadCount;
    }

    /**
     * Bytes of the JVM's memory limit per kept state change: the change's columns take about 37
     * bytes (30 and the arrays' room to grow), and a stage drawing the recording keeps about 50
     * more for the trace events each becomes (1.7 events of 29 bytes); 128 leaves the rest of
     * the heap free, as the recorder's cap does for a run.
     */
    public static final long BYTES_PER_CHANGE_OF_MEMORY = 128;

    /** Reads {@code file}, keeping at most one state change per {@value #BYTES_PER_CHANGE_OF_MEMORY} bytes of {@code -Xmx}. */
    public static JavaRecording read(Path file, boolean allThreads) throws TraceFileException {
        return read(file, allThreads, Math.max(1, Runtime.getRuntime().maxMemory() / BYTES_PER_CHANGE_OF_MEMORY));
    }

    /**
     * @param allThreads show the JVM's own threads too
     * @param capacity   the most state changes kept; a longer recording is refused
     */
    public static JavaRecording read(Path file, boolean allThreads, long capacity) throws TraceFileException {
        String source = file.toString();
        checkReadable(file, source);
        RecordingScanner scan = new RecordingScanner(capacity);
        try {
            scan.scan(file);
        } catch (Transitions.TooManyEvents full) {
            throw new TraceFileException(source, 0, "too many thread events: at most " + full.getMessage()
                    + " state changes (two a wait) fit in the memory Java may use (java -Xmx raises it)");
        } catch (IOException | RuntimeException | InternalError broken) {
            // the recording's own reader says "Index 32000 out of bounds" and the like, which helps nobody
            throw new TraceFileException(source, 0, "cannot read the recording: it is damaged or cut short"
                    + " (was it copied while the program was still writing it?)");
        }
        if (scan.threadEvents == 0) {
            throw new TraceFileException(source, 0, "the recording has no thread events (jdk.ThreadStart, jdk.ThreadPark,"
                    + " jdk.JavaMonitorEnter...): record with threadstage record, or with the settings of"
                    + " docs/java-programs.md");
        }
        addAppearances(scan);
        List<DeadlockReport.Wait> deadlock = addDeadlock(scan);
        int shown = giveTids(scan.threads, allThreads);
        if (shown == 0) {
            throw new TraceFileException(source, 0, "every thread with events is the JVM's own;"
                    + " show them with --all-threads (in the window: Trace > Show the JVM's Own Threads)");
        }
        if (shown > TraceSink.MAX_TID + 1) {
            throw new TraceFileException(source, 0, "the recording has " + shown + " threads; a trace holds at most "
                    + (TraceSink.MAX_TID + 1));
        }
        scan.labels.finish();
        scan.transitions.sort();
        String started = Instant.ofEpochSecond(0, scan.firstNanos).toString();
        TraceHeader header = new TraceHeader(title(file), started, 1.0, true);
        String message = deadlock.isEmpty() ? null : deadlockMessage(deadlock, scan.labels);
        int hidden = (int) scan.threads.stream().filter(t -> t.tid == JavaThread.HIDDEN && t.firstSeen != Long.MAX_VALUE)
                .count();
        int jvm = (int) scan.threads.stream().filter(t -> t.jvm && t.firstSeen != Long.MAX_VALUE).count();
        return new JavaRecording(header, scan, deadlock.isEmpty() ? Outcome.COMPLETED : Outcome.DEADLOCK, message,
                shown, hidden, jvm);
    }

    /** {@code app.jfr} is titled {@code app (Java)}: the program, and what kind of trace it is. */
    static String title(Path file) {
        String name = file.getFileName().toString();
        return (name.toLowerCase(java.util.Locale.ROOT).endsWith(".jfr") ? name.substring(0, name.length() - 4) : name)
                + " (Java)";
    }

    private static void checkReadable(Path file, String source) throws TraceFileException {
        if (Files.isDirectory(file)) {
            throw new TraceFileException(source, 0, "cannot read: it is a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TraceFileException(source, 0, "cannot read: not a regular file (a device, a pipe or a socket)");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(MAGIC.length);
        } catch (NoSuchFileException missing) {
            throw new TraceFileException(source, 0, "cannot read: no such file");
        } catch (AccessDeniedException denied) {
            throw new TraceFileException(source, 0, "cannot read: permission denied");
        } catch (IOException failed) {
            throw new TraceFileException(source, 0, "cannot read: " + failed.getMessage());
        }
        if (!Arrays.equals(start, MAGIC)) {
            throw new TraceFileException(source, 0, "not a Java Flight Recorder recording (a .jfr file starts with FLR)");
        }
    }

    /** Whether {@code file} starts as a recording does; false when it cannot be read. */
    public static boolean looksLikeRecording(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Every thread appears at its first event: its start, or any event for one there before the recording began. */
    private static void addAppearances(RecordingScanner scan) {
        for (JavaThread thread : scan.threads) {
            if (thread.firstSeen != Long.MAX_VALUE) {
                scan.transitions.add(thread.firstSeen, thread.index, Transitions.APPEAR, Reason.NONE.ordinal(),
                        ObjectLabels.NONE, -1);
            }
        }
    }

    /**
     * The waits of a deadlock the final thread dump reports, added at each waiter's last event:
     * the recorder writes a wait when it ends, and these never did.
     */
    static List<DeadlockReport.Wait> addDeadlock(RecordingScanner scan) {
        List<DeadlockReport.Wait> waits = DeadlockReport.parse(scan.lastDump);
        List<DeadlockReport.Wait> found = new ArrayList<>();
        for (DeadlockReport.Wait wait : waits) {
            JavaThread waiter = liveThreadNamed(scan.threads, wait.waiter());
            if (waiter == null) {
                continue;
            }
            JavaThread holder = liveThreadNamed(scan.threads, wait.holder());
            int on = scan.labels.object(wait.objectClass(), wait.address());
            scan.transitions.add(waiter.lastSeen, waiter.index, Transitions.WAIT, Reason.LOCK.ordinal(), on,
                    holder == null ? -1 : holder.index);
            found.add(wait);
        }
        return found;
    }

    private static JavaThread liveThreadNamed(List<JavaThread> threads, String name) {
        JavaThread found = null;
        for (JavaThread thread : threads) {
            if (thread.name.equals(name) && !thread.ended && (found == null || thread.firstSeen > found.firstSeen)) {
                found = thread;
            }
        }
        return found;
    }

    static String deadlockMessage(List<DeadlockReport.Wait> waits, ObjectLabels labels) {
        StringBuilder text = new StringBuilder();
        for (DeadlockReport.Wait wait : waits) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(wait.waiter()).append(" waits for ")
                    .append(labels.label(labels.object(wait.objectClass(), wait.address())))
                    .append(" held by ").append(wait.holder());
        }
        return text.toString();
    }

    /** Gives the shown threads their tids: {@code main} 0, the others from 1 in order of first appearance. */
    private static int giveTids(List<JavaThread> threads, boolean allThreads) {
        List<JavaThread> shown = new ArrayList<>();
        for (JavaThread thread : threads) {
            if ((allThreads || !thread.jvm) && thread.firstSeen != Long.MAX_VALUE) {
                shown.add(thread);
            }
        }
        shown.sort(Comparator.comparingLong((JavaThread t) -> t.firstSeen).thenComparingInt(t -> t.index));
        JavaThread main = shown.stream().filter(JavaThread::isMain).findFirst().orElse(null);
        int next = main == null ? 0 : 1;
        for (JavaThread thread : shown) {
            // one main only: a program may name another thread "main"
            thread.tid = thread == main ? 0 : next++;
        }
        return shown.size();
    }

    public TraceHeader header() {
        return header;
    }

    /** How the recording ends: {@code deadlock} when its last thread dump found one, else {@code completed}. */
    public Outcome outcome() {
        return outcome;
    }

    /** The deadlock's waits in words, or null. */
    public String outcomeMessage() {
        return message;
    }

    public int laneCount() {
        return laneCount;
    }

    /** Threads with events that are not shown (the JVM's own, without {@code --all-threads}). */
    public int hiddenThreadCount() {
        return hiddenCount;
    }

    /** The JVM's own threads with events, shown or hidden. */
    public int jvmThreadCount() {
        return jvmThreadCount;
    }

    /** Events the recording holds, of every type. */
    public long recordingEventCount() {
        return scan.events;
    }

    /** State changes kept from the thread events. */
    public int transitionCount() {
        return scan.transitions.size();
    }

    /** Bytes the kept state changes take. */
    public long memoryBytes() {
        return scan.transitions.memoryBytes();
    }

    /** Says the whole trace to {@code out}, in order. */
    public void replay(Consumer<? super TraceEvent> out) {
        for (TraceEvent event : events()) {
            out.accept(event);
        }
    }

    /**
     * The trace's events in order, made as the iteration goes (a few at a time): for the
     * writers, which take an {@code Iterable}, and any number of passes.
     */
    public Iterable<TraceEvent> events() {
        return () -> new Iterator<>() {
            private final ArrayDeque<TraceEvent> ready = new ArrayDeque<>();
            private final LaneEmitter emitter = new LaneEmitter(scan.transitions, scan.threads, scan.labels,
                    originNanos, new StampedSink(ready::add));
            private int position;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !ended) {
                    if (position < scan.transitions.size()) {
                        emitter.emit(position++);
                    } else {
                        emitter.end(scan.lastNanos, outcome, message);
                        ended = true;
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public TraceEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }
}
