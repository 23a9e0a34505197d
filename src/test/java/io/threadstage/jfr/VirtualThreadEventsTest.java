package io.threadstage.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads (Java 21's {@code jdk.VirtualThreadStart}/{@code End}) on a JDK 17 that has
 * none: events of those names are made here, as a Java 21 recorder writes them (committed by the
 * thread itself), and the lane must begin and end with them. The recording's {@code virtual} flag
 * of a thread cannot be made on 17, so the lanes' apartness is checked on {@link JavaThread}.
 */
@Timeout(60)
class VirtualThreadEventsTest {

    @Name("jdk.VirtualThreadStart")
    @StackTrace(false)
    static final class VirtualStart extends Event {
        long javaThreadId;
    }

    @Name("jdk.VirtualThreadEnd")
    @StackTrace(false)
    static final class VirtualEnd extends Event {
        long javaThreadId;
    }

    @TempDir
    Path folder;

    @Test
    void aVirtualThreadsStartAndEndBeginAndEndItsLane() throws Exception {
        Path file = folder.resolve("virtual.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadStart");
            recording.enable("jdk.VirtualThreadEnd");
            recording.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            Thread thread = new Thread(() -> {
                VirtualStart start = new VirtualStart();
                start.javaThreadId = Thread.currentThread().getId();
                start.commit();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                VirtualEnd end = new VirtualEnd();
                end.javaThreadId = Thread.currentThread().getId();
                end.commit();
            }, "Fiber-1");
            thread.start();
            thread.join();
            recording.stop();
            recording.dump(file);
        }

        JavaRecording read = JavaRecording.read(file, false);
        List<TraceEvent.State> states = new java.util.ArrayList<>();
        read.replay(event -> {
            if (event instanceof TraceEvent.State state && "Fiber-1".equals(state.thread())) {
                states.add(state);
            }
        });
        assertEquals(List.of(ThreadState.RUNNING, ThreadState.WAITING, ThreadState.RUNNING, ThreadState.TERMINATED),
                states.stream().map(TraceEvent.State::state).toList());
        assertEquals(Reason.SLEEP, states.get(1).reason());
        assertEquals(Reason.RETURNED, states.get(3).reason());
    }

    @Test
    void virtualThreadsHaveLanesOfTheirOwnAndAreNeverTakenForTheJvms() {
        JavaThread unnamed = new JavaThread(0, 42, 0, "", null, true);
        JavaThread named = new JavaThread(1, 43, 0, "worker", null, true);
        // a virtual thread's name is the program's, even one a JVM thread's name starts alike
        JavaThread lookalike = new JavaThread(2, 44, 0, "JFR worker", null, true);
        JavaThread platform = new JavaThread(3, 45, 0, "worker", "main", false);
        assertEquals("virtual/#42", unnamed.laneName());
        assertEquals("virtual/worker", named.laneName());
        assertEquals("worker", platform.laneName(), "a platform thread of the same name keeps a lane apart");
        assertFalse(unnamed.jvm);
        assertFalse(lookalike.jvm);
        assertFalse(named.isMain());
    }
}
