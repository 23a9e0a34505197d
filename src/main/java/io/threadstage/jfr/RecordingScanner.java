package io.threadstage.jfr;

import io.threadstage.trace.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording once, event by event ({@link RecordingFile} iteration, nothing kept but
 * what the lanes need): the threads, and every thread event as {@link Transitions}, a span as a
 * wait at its start and a resume at its end. Times stay absolute (nanoseconds since the epoch)
 * here; the lanes count from the recording's first event. One reading's use; one thread.
 */
final class RecordingScanner {

    private static final byte OTHER = 0;
    private static final byte THREAD_START = 1;
    private static final byte THREAD_END = 2;
    private static final byte SLEEP = 3;
    private static final byte PARK = 4;
    private static final byte MONITOR_ENTER = 5;
    private static final byte MONITOR_WAIT = 6;
    private static final byte THREAD_DUMP = 7;
    private static final Map<String, Byte> KINDS = Map.of("jdk.ThreadStart", THREAD_START,
            "jdk.VirtualThreadStart", THREAD_START, "jdk.ThreadEnd", THREAD_END, "jdk.VirtualThreadEnd", THREAD_END,
            "jdk.ThreadSleep", SLEEP, "jdk.ThreadPark", PARK, "jdk.JavaMonitorEnter", MONITOR_ENTER,
            "jdk.JavaMonitorWait", MONITOR_WAIT, "jdk.ThreadDump", THREAD_DUMP);

    Transitions transitions;
    final ObjectLabels labels;
    final List<JavaThread> threads = new ArrayList<>();
    private final Map<Long, JavaThread> byJavaId = new HashMap<>();
    private final Map<EventType, Byte> kindOfType = new IdentityHashMap<>();
    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;
    long events;
    long threadEvents;
    private long dumpNanos = Long.MIN_VALUE;
    String lastDump;

    /** Whether a start adds its thread's appearance at once (and its starter's): a live reading cannot wait for the end. */
    private final boolean live;

    RecordingScanner(long capacity) {
        this(capacity, new ObjectLabels(), false);
    }

    RecordingScanner(long capacity, ObjectLabels labels, boolean live) {
        this.transitions = new Transitions(capacity);
        this.labels = labels;
        this.live = live;
    }

    /** The changes read since the last call, handed over; the scanner goes on into new columns. */
    Transitions takeTransitions(long capacity) {
        Transitions taken = transitions;
        transitions = new Transitions(capacity);
        return taken;
    }

    void scan(Path file) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                take(recording.readEvent());
            }
        }
    }

    void take(RecordedEvent event) {
        events++;
        long start = nanos(event.getStartTime());
        long end = nanos(event.getEndTime());
        firstNanos = Math.min(firstNanos, start);
        lastNanos = Math.max(lastNanos, end);
        byte kind = kindOfType.computeIfAbsent(event.getEventType(), type -> KINDS.getOrDefault(type.getName(), OTHER));
        switch (kind) {
            case THREAD_START -> {
                JavaThread thread = thread(event.hasField("thread") ? event.getThread("thread") : event.getThread());
                if (thread != null) {
                    // the appearance itself is added once all is read, at the thread's first event: a
                    // thread there before the recording began is "started" when the recording starts,
                    // after the recorder's own first waits in it
                    threadEvents++;
                    thread.seen(start);
                    if (live) {
                        appear(start, thread);
                        // the starter shows from here too: main's own waits (a join) arrive only when they end
                        appear(start, thread(event.getThread()));
                    }
                }
            }
            case THREAD_END -> {
                JavaThread thread = thread(event.hasField("thread") ? event.getThread("thread") : event.getThread());
                if (thread != null) {
                    thread.ended = true;
                    add(start, thread, Transitions.END, Reason.RETURNED, ObjectLabels.NONE, null);
                }
            }
            case SLEEP -> span(event, start, end, Reason.SLEEP, ObjectLabels.NONE, null, null);
            case PARK -> {
                RecordedClass blocker = event.getClass("parkedClass");
                String name = blocker == null ? null : blocker.getName();
                span(event, start, end, WaitKinds.ofPark(name), labels.object(name, event.getLong("address")),
                        null, null);
            }
            case MONITOR_ENTER -> span(event, start, end, Reason.LOCK, monitor(event), null,
                    thread(event.getThread("previousOwner")));
            case MONITOR_WAIT -> monitorWait(event, start, end);
            case THREAD_DUMP -> {
                if (start >= dumpNanos) {
                    dumpNanos = start;
                    lastDump = event.getString("result");
                }
            }
            default -> {
                // not a thread event: only its time counts, for where the recording begins and ends
            }
        }
    }

    /**
     * {@code Object.wait}: a wait on a {@code Thread} that its end notified is a join (that is
     * how {@code Thread.join} waits); any other is a condition wait, handed over by its notifier
     * unless it timed out.
     */
    private void monitorWait(RecordedEvent event, long start, long end) {
        JavaThread notifier = event.getBoolean("timedOut") ? null : thread(event.getThread("notifier"));
        RecordedClass monitorClass = event.getClass("monitorClass");
        if (notifier != null && monitorClass != null && monitorClass.getName().equals("java.lang.Thread")) {
            span(event, start, end, Reason.JOIN, labels.text(notifier.laneName()), notifier, notifier);
        } else {
            span(event, start, end, Reason.EVENT, monitor(event), null, notifier);
        }
    }

    private int monitor(RecordedEvent event) {
        RecordedClass monitorClass = event.getClass("monitorClass");
        return labels.object(monitorClass == null ? "java.lang.Object" : monitorClass.getName(), event.getLong("address"));
    }

    /** A wait of the event's thread from {@code start} to {@code end}; {@code target} a join's, {@code handedBy} who ended it. */
    private void span(RecordedEvent event, long start, long end, Reason reason, int on, JavaThread target,
                      JavaThread handedBy) {
        JavaThread thread = thread(event.getThread());
        if (thread == null) {
            return;
        }
        add(start, thread, Transitions.WAIT, reason, on, target);
        add(end, thread, Transitions.RESUME, reason, on, handedBy);
    }

    private void appear(long time, JavaThread thread) {
        if (thread != null) {
            thread.seen(time);
            transitions.add(time, thread.index, Transitions.APPEAR, Reason.NONE.ordinal(), ObjectLabels.NONE, -1);
        }
    }

    private void add(long time, JavaThread thread, byte kind, Reason reason, int on, JavaThread other) {
        threadEvents++;
        thread.seen(time);
        transitions.add(time, thread.index, kind, reason.ordinal(), on, other == null ? -1 : other.index);
    }

    /** The thread, known from now on; null for none (a native thread, or a field the event does not have). */
    JavaThread thread(RecordedThread recorded) {
        if (recorded == null || recorded.getJavaThreadId() <= 0) {
            return null;
        }
        long javaId = recorded.getJavaThreadId();
        JavaThread known = byJavaId.get(javaId);
        if (known == null) {
            boolean virtual = recorded.hasField("virtual") && recorded.getBoolean("virtual");
            String group = recorded.getThreadGroup() == null ? null : recorded.getThreadGroup().getName();
            known = new JavaThread(threads.size(), javaId, recorded.getOSThreadId(), recorded.getJavaName(), group,
                    virtual);
            threads.add(known);
            byJavaId.put(javaId, known);
        }
        return known;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
