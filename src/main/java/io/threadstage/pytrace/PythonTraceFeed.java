package io.threadstage.pytrace;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a traced Python program's events enter ThreadStage's pipeline: it turns the
 * tracer's messages and the samples of {@code /proc} into {@link TraceSink} calls, so a change of the
 * sink's interface is adapted here and nowhere else.
 *
 * <p><b>The GIL from outside.</b> A thread that Python's view says is running (it is in no traced
 * wait), yet sleeps in the kernel without gaining CPU time over two samples in a row, is waiting for
 * the GIL if it sleeps on a lock (a futex) or where the kernel does not say: it is shown
 * {@code waiting: gil}; asleep anywhere else it is blocked in a call that released the GIL (a socket,
 * a pipe, a child process: {@link KernelWaits}) and is shown waiting on that. Of the running threads
 * that did gain CPU time, the one that gained most holds it ({@code gil} events). A sample and the messages are merged by time (both
 * are {@code CLOCK_MONOTONIC}): a sample is judged only once the tracer's tick says every message
 * stamped before it has arrived, so a thread that just began a traced wait is not taken for a GIL
 * waiter because its message is still in the pipe.
 *
 * <p>Owned by the session's poll thread; nothing here is shared.
 */
final class PythonTraceFeed {

    /** Samples in a row without CPU time before a running thread counts as waiting for the GIL. */
    static final int QUIET_SAMPLES_FOR_GIL_WAIT = 2;

    private static final Map<String, Reason> REASONS = new HashMap<>();
    private static final Map<String, ThreadState> STATES = new HashMap<>();

    static {
        for (Reason reason : Reason.values()) {
            if (reason.json() != null) {
                REASONS.put(reason.json(), reason);
            }
        }
        for (ThreadState state : ThreadState.values()) {
            STATES.put(state.json(), state);
        }
    }

    /** One Python thread: what Python says it does, and what the trace shows (Python's view plus the GIL). */
    private static final class Lane {
        final int tid;
        String name;
        long nativeId = -1;
        ThreadState state = ThreadState.CREATED;
        Reason reason = Reason.NONE;
        String on;
        ThreadState shownState;
        Reason shownReason;
        String shownOn;
        long lastCpu = -1;
        long lastSampleNanos;
        int quietSamples;

        Lane(int tid) {
            this.tid = tid;
        }

        boolean alive() {
            return state != ThreadState.TERMINATED;
        }
    }

    private record Sample(long timeNanos, Lane[] lanes, ProcThreadSampler.Reading[] readings) {
    }

    private final TraceSink sink;
    private final ProcThreadSampler sampler;
    private final String programName;
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final List<Lane> order = new ArrayList<>();
    private final Deque<Sample> pending = new ArrayDeque<>();
    private int gilOwner = TraceSink.NO_THREAD;
    private boolean greeted;
    private String version;
    private Outcome tracerOutcome;
    private String tracerMessage;
    private boolean ended;
    /** MainThread's uncaught exception ({@code ValueError: boom}), or null. */
    private String mainRaised;

    /**
     * @param sampler reads the threads' kernel state, or null where there is none (then no GIL strip)
     * @param programName the program's file name, for the {@code step} events' {@code FILE:LINE}
     */
    PythonTraceFeed(TraceSink sink, ProcThreadSampler sampler, String programName) {
        this.sink = sink;
        this.sampler = sampler;
        this.programName = programName;
        // a program's step is its line: the id is the line number, the name FILE:LINE
        sink.nameSteps(line -> programName + ":" + line);
    }

    /** Whether the tracer said hello: the program's interpreter is new enough and the tracer runs. */
    boolean greeted() {
        return greeted;
    }

    String version() {
        return version;
    }

    /** Applies one batch of the tracer's messages, with the samples taken before each message's time. */
    void accept(List<Object[]> batch) {
        for (Object[] message : batch) {
            long time = number(message[1]);
            judgeSamplesBefore(time, false);
            apply(message);
        }
    }

    /** Reads the kernel's view of every running lane now; judged when the messages have caught up with it. */
    void sample(long nowNanos) {
        if (sampler == null || ended) {
            return;
        }
        List<Lane> running = new ArrayList<>();
        for (Lane lane : order) {
            if (lane.alive() && lane.nativeId >= 0) {
                running.add(lane);
            }
        }
        ProcThreadSampler.Reading[] readings = new ProcThreadSampler.Reading[running.size()];
        for (int i = 0; i < readings.length; i++) {
            Lane lane = running.get(i);
            // where it sleeps matters only for a thread in no traced wait: the GIL, or a call that let it go
            readings[i] = sampler.read(lane.nativeId, lane.state == ThreadState.RUNNING);
        }
        pending.add(new Sample(nowNanos, running.toArray(new Lane[0]), readings));
    }

    /**
     * The process is held ({@code SIGSTOP}) or goes on again: a marker says so, and the samples
     * taken across the hold are not judged (a held thread gains no CPU time, yet waits for no GIL).
     */
    void hold(boolean held) {
        if (ended) {
            return;
        }
        judgeSamplesBefore(Long.MAX_VALUE, true);
        sink.marker(held ? "paused" : "resumed");
        if (!held) {
            for (Lane lane : order) {
                lane.lastCpu = -1;
                lane.quietSamples = 0;
            }
        }
    }

    /**
     * The status line's words for the end: {@code exited 0}, {@code exited 1 (exception: ValueError:
     * boom)}, {@code exited 1 (SyntaxError: invalid syntax (prog.py, line 3))}, {@code stopped}.
     */
    String endWords(int exitStatus, boolean stopped) {
        if (stopped) {
            return "stopped";
        }
        if (tracerOutcome == Outcome.ERROR && tracerMessage != null) {
            return "exited " + exitStatus + " (" + tracerMessage + ")";
        }
        if (mainRaised != null && exitStatus != 0) {
            return "exited " + exitStatus + " (exception: " + mainRaised + ")";
        }
        return "exited " + exitStatus;
    }

    /** The program's end: every lane still alive ends as {@code why}, then the trace's end line. */
    void finish(int exitStatus, boolean stopped) {
        if (ended) {
            return;
        }
        judgeSamplesBefore(Long.MAX_VALUE, true);
        ended = true;
        if (gilOwner != TraceSink.NO_THREAD) {
            gilOwner = TraceSink.NO_THREAD;
            sink.gil(TraceSink.NO_THREAD);
        }
        for (Lane lane : order) {
            // a thread never started was not killed: it stays created, as python3 says (ident None)
            if (lane.alive() && lane.state != ThreadState.CREATED) {
                lane.state = ThreadState.TERMINATED;
                sink.state(lane.tid, ThreadState.TERMINATED, stopped ? Reason.STOPPED : Reason.KILLED_AT_EXIT, null);
            }
        }
        if (sampler != null) {
            sampler.close();
        }
        if (stopped) {
            sink.end(Outcome.STOPPED, "stopped: the program was ended before it finished");
        } else if (tracerOutcome != null) {
            sink.end(tracerOutcome, tracerMessage != null ? tracerMessage : "exit status " + exitStatus);
        } else {
            sink.end(greeted ? Outcome.COMPLETED : Outcome.ERROR, "exit status " + exitStatus);
        }
    }

    private void apply(Object[] m) {
        switch ((String) m[0]) {
            case "H" -> hello(m);
            case "T" -> thread(m);
            case "S" -> pythonState(lane(m[2]), STATES.get((String) m[3]), reason(m[4]), (String) m[5]);
            case "A" -> {
                int owner = (int) number(m[4]);
                if (owner >= 0) {
                    sink.lock((String) m[3], owner);
                }
                pythonState(lane(m[2]), ThreadState.WAITING, Reason.LOCK, (String) m[3]);
            }
            case "B" -> {
                Lane lane = lane(m[2]);
                sink.lock((String) m[3], lane.tid);
                pythonState(lane, ThreadState.RUNNING, Reason.NONE, null);
            }
            case "R" -> sink.lock((String) m[2], TraceSink.NO_THREAD);
            case "Q" -> sink.queue((String) m[3], (int) number(m[4]), (int) number(m[5]), lane(m[2]).tid,
                    QueueOp.ofJson((String) m[6]));
            case "J" -> sink.join(lane(m[2]).tid, (int) number(m[3]), (Boolean) m[4], (Boolean) m[5]);
            case "G" -> sink.signal(lane(m[2]).tid, (String) m[3], (Boolean) m[4]);
            case "X" -> {
                int tid = lane(m[2]).tid;
                boolean caught = (Boolean) m[5];
                if (tid == 0 && !caught) {
                    String message = (String) m[4];
                    mainRaised = message == null || message.isEmpty() ? (String) m[3] : m[3] + ": " + message;
                }
                sink.exception(tid, (String) m[3], (String) m[4], caught);
            }
            case "P" -> sink.print(lane(m[2]).tid, text(m[3]));
            case "Y" -> sink.errorReport(text(m[3]));
            case "N" -> sink.step(lane(m[2]).tid, (int) number(m[3]));
            case "F" -> sink.marker(lane(m[2]).name + " forked child process " + number(m[3])
                    + "; the child's threads are not traced");
            case "E" -> {
                Outcome outcome = Outcome.COMPLETED;
                for (Outcome candidate : Outcome.values()) {
                    if (candidate.json().equals(m[2])) {
                        outcome = candidate;
                    }
                }
                tracerOutcome = outcome;
                tracerMessage = (String) m[3];
            }
            case "K" -> judgeSamplesBefore(number(m[1]) + 1, false);
            default -> {
                // "W" (the tracer's own thread, never a lane) and kinds of a newer tracer: nothing to draw
            }
        }
    }

    private void hello(Object[] m) {
        greeted = true;
        version = (String) m[3];
        String gil = sampler != null
                ? "the GIL is read from outside: each thread's state and CPU time in /proc, about 1,000 times a second"
                : "no GIL strip: this system has no /proc to read the threads' state from";
        sink.marker("CPython " + version + " running " + programName + " (pid " + number(m[4]) + "); " + gil);
    }

    private void thread(Object[] m) {
        Lane lane = lane(m[2]);
        lane.name = (String) m[3];
        Long nativeId = (Long) m[7];
        if (nativeId != null) {
            lane.nativeId = nativeId;
        }
        sink.thread(lane.tid, (String) m[3], ThreadStyle.ofJson((String) m[4]), (Boolean) m[5], (Long) m[6], nativeId);
    }

    private void pythonState(Lane lane, ThreadState state, Reason reason, String on) {
        if (state == null || !lane.alive()) {
            return;
        }
        lane.state = state;
        lane.reason = reason;
        lane.on = on;
        lane.quietSamples = 0;
        if (state != ThreadState.RUNNING && lane.tid == gilOwner) {
            // a thread that blocks in a traced wait has let the GIL go
            gilOwner = TraceSink.NO_THREAD;
            sink.gil(TraceSink.NO_THREAD);
        }
        show(lane, state, reason, on);
        if (state == ThreadState.TERMINATED && sampler != null && lane.nativeId >= 0) {
            sampler.forget(lane.nativeId);
        }
    }

    private void show(Lane lane, ThreadState state, Reason reason, String on) {
        if (state == lane.shownState && reason == lane.shownReason && java.util.Objects.equals(on, lane.shownOn)) {
            return;
        }
        lane.shownState = state;
        lane.shownReason = reason;
        lane.shownOn = on;
        sink.state(lane.tid, state, reason, on);
    }

    private void judgeSamplesBefore(long timeNanos, boolean all) {
        while (!pending.isEmpty() && (all || pending.peek().timeNanos() < timeNanos)) {
            judge(pending.poll());
        }
    }

    /** One sample against Python's view at its time: who waits for the GIL, who holds it. */
    private void judge(Sample sample) {
        Lane owner = null;
        long ownerScore = 0;
        for (int i = 0; i < sample.lanes().length; i++) {
            Lane lane = sample.lanes()[i];
            ProcThreadSampler.Reading reading = sample.readings()[i];
            if (reading.state() == 0 || !lane.alive()) {
                continue;
            }
            long delta = lane.lastCpu < 0 ? 0 : reading.cpuNanos() - lane.lastCpu;
            long window = Math.max(1, sample.timeNanos() - lane.lastSampleNanos);
            boolean first = lane.lastCpu < 0;
            lane.lastCpu = reading.cpuNanos();
            lane.lastSampleNanos = sample.timeNanos();
            if (lane.state != ThreadState.RUNNING || first) {
                continue;
            }
            boolean ran = reading.state() == 'R' || delta * 4 > window;
            if (ran) {
                lane.quietSamples = 0;
                long score = delta + (reading.state() == 'R' ? window : 0);
                if (owner == null || score > ownerScore) {
                    owner = lane;
                    ownerScore = score;
                }
                show(lane, ThreadState.RUNNING, Reason.NONE, null);
            } else if (++lane.quietSamples >= QUIET_SAMPLES_FOR_GIL_WAIT) {
                KernelWaits.Wait elsewhere = KernelWaits.of(reading.wchan());
                if (elsewhere == null) {
                    show(lane, ThreadState.WAITING, Reason.GIL, null);
                } else {
                    show(lane, ThreadState.WAITING, elsewhere.reason(), elsewhere.on());
                }
            }
        }
        int ownerTid = owner == null ? TraceSink.NO_THREAD : owner.tid;
        if (ownerTid != gilOwner) {
            gilOwner = ownerTid;
            sink.gil(ownerTid);
        }
    }

    private Lane lane(Object tid) {
        int id = (int) number(tid);
        if (id < 0 || id > TraceSink.MAX_TID) {
            throw new IllegalArgumentException("the tracer named thread " + id + ", beyond the " + TraceSink.MAX_TID
                    + " a trace can hold");
        }
        return lanes.computeIfAbsent(id, key -> {
            Lane lane = new Lane(key);
            order.add(lane);
            return lane;
        });
    }

    private static Reason reason(Object text) {
        return text == null ? Reason.NONE : REASONS.getOrDefault((String) text, Reason.NONE);
    }

    /** An empty field comes as none: an empty line printed. */
    private static String text(Object field) {
        return field == null ? "" : (String) field;
    }

    private static long number(Object value) {
        return ((Long) value).longValue();
    }
}
