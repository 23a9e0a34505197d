package io.threadstage.bench;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.StepNames;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceSink;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.Recording;

/**
 * Recording inside a real run, in-process: each scenario started with {@link ScenarioRun#start}
 * as {@code threadstage run} starts it, timed from {@code start} to {@code awaitEnd} (every Java
 * thread of the run gone), in alternating rounds of five sinks:
 * <ul>
 * <li>{@code ours}: a {@link TraceRecorder}, as {@code run} records (events per second of the run);
 * <li>{@code none}: a sink that drops everything (what the run costs without recording);
 * <li>{@code none timed}, {@code ours timed}, {@code JFR timed}: each sink call timed with
 * {@code System.nanoTime()} around it; the JFR sink commits one {@link BenchStateEvent} (no stack
 * trace, a recording on) per event. The cost of an event inside the run is the timed mean minus
 * the {@code none timed} mean (the two clock reads).
 * </ul>
 * Then, in the same process, the isolated cost: one thread recording 1 M state events in a loop,
 * ours against JFR {@code commit()}, in alternating rounds.
 *
 * <p>Run after {@code mvn -B -q -Pbench test-compile}:
 * {@code java -cp target/threadstage.jar:target/test-classes io.threadstage.bench.InRunRecordingBench [rounds] [scenario ...]}
 * (scenarios by name, as {@link CPythonSpeedBench} takes them). Owned by its main thread.
 */
public final class InRunRecordingBench {

    private static final String[] SINKS = {"ours", "none", "none timed", "ours timed", "JFR timed"};
    private static final int LOOP_EVENTS = 1_000_000;

    private InRunRecordingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of(CPythonSpeedBench.DEFAULT_SCENARIOS.split(","));
        List<Path> files = names.stream().map(n -> CPythonSpeedBench.scenarioFile(n).toAbsolutePath()).toList();
        System.out.printf("InRunRecordingBench, %s, load average %s%n", ChildProcesses.nowUtc(),
                ChildProcesses.loadAverage());
        report(files, List.of("gil", "no-gil"), rounds, System.out);
    }

    /** Measures every scenario in every mode ({@code gil}, {@code no-gil}) and prints the tables. */
    static void report(List<Path> files, List<String> modes, int rounds, PrintStream out) throws Exception {
        String loadBefore = ChildProcesses.loadAverage();
        Map<String, Map<String, List<Measured>>> results = new LinkedHashMap<>();
        try (Recording recording = new Recording()) {
            recording.enable(BenchStateEvent.class).withoutStackTrace();
            recording.start();
            for (Path file : files) {
                Scenario scenario = new ScenarioLoader().load(file);
                for (String mode : modes) {
                    boolean gil = mode.equals("gil");
                    Map<String, List<Measured>> bySink = new LinkedHashMap<>();
                    for (String sink : SINKS) {
                        bySink.put(sink, new ArrayList<>());
                    }
                    for (int round = -1; round < rounds; round++) {
                        for (String sink : SINKS) {
                            Measured measured = runOnce(scenario, gil, sink);
                            if (round >= 0) {
                                bySink.get(sink).add(measured);
                            }
                        }
                    }
                    results.put(CPythonSpeedBench.scenarioName(file) + " " + mode, bySink);
                }
            }
            List<Double> ours = new ArrayList<>();
            List<Double> jfr = new ArrayList<>();
            for (int round = -2; round < 2 * rounds + 1; round++) {
                double o = loop(true);
                double j = loop(false);
                if (round >= 0) {
                    ours.add(o);
                    jfr.add(j);
                }
            }
            recording.stop();
            out.printf("Recording inside a run (in-process, ScenarioRun.start to awaitEnd), median of %d rounds;"
                    + " load average %s before, %s after%n", rounds, loadBefore, ChildProcesses.loadAverage());
            out.printf("%-26s %10s %10s %12s %10s %12s %12s %10s %10s %8s%n", "scenario mode", "events",
                    "ours ms", "ours ev/s", "none ms", "wall ns/ev", "none tmd ns", "ours ns/ev", "JFR ns/ev",
                    "ours/JFR");
            for (Map.Entry<String, Map<String, List<Measured>>> e : results.entrySet()) {
                Map<String, List<Measured>> m = e.getValue();
                double events = median(m.get("ours"), Measured::events);
                double oursMs = median(m.get("ours"), Measured::millis);
                double noneMs = median(m.get("none"), Measured::millis);
                double timedNone = median(m.get("none timed"), Measured::nanosPerCall);
                double timedOurs = median(m.get("ours timed"), Measured::nanosPerCall) - timedNone;
                double timedJfr = median(m.get("JFR timed"), Measured::nanosPerCall) - timedNone;
                out.printf(Locale.ROOT, "%-26s %10.0f %10.0f %12.0f %10.0f %12.1f %12.1f %10.1f %10.1f %8.2f%n",
                        e.getKey(), events, oursMs, events / (oursMs / 1000), noneMs,
                        (oursMs - noneMs) * 1e6 / events, timedNone, timedOurs, timedJfr, timedOurs / timedJfr);
            }
            out.println("  events: events recorded by a run; ours ms: the run recorded as `run` records it;"
                    + " ours ev/s: events / ours ms;");
            out.println("  none ms: the same run with a sink that drops every event; wall ns/ev: (ours - none) ms"
                    + " per event, what recording adds to the run's length;");
            out.println("  none tmd ns: two System.nanoTime() reads around an empty call; ours ns/ev, JFR ns/ev:"
                    + " the timed call's mean minus that, inside the run (JFR: new + fields + commit()).");
            out.printf(Locale.ROOT, "Isolated, same process, 1 thread, %,d state events a round, median of %d"
                    + " rounds: ours %.1f ns/event, JFR commit() %.1f ns/event, ours/JFR %.2f (per-round %.2f)%n",
                    LOOP_EVENTS, ours.size(), ChildProcesses.median(ours), ChildProcesses.median(jfr),
                    ChildProcesses.median(ours) / ChildProcesses.median(jfr), ChildProcesses.medianRatio(ours, jfr));
        }
    }

    /** One run's figures. */
    record Measured(double millis, long events, double nanosPerCall) {
    }

    private static double median(List<Measured> rows, java.util.function.ToDoubleFunction<Measured> field) {
        List<Double> values = new ArrayList<>();
        for (Measured row : rows) {
            values.add(field.applyAsDouble(row));
        }
        return ChildProcesses.median(values);
    }

    private static Measured runOnce(Scenario scenario, boolean gil, String sinkName) {
        RunOptions options = RunOptions.defaults().withGil(gil);
        TraceHeader header = ScenarioRun.header(scenario, options, Instant.now());
        TraceRecorder recorder = new TraceRecorder(header);
        TraceSink sink = switch (sinkName) {
            case "ours" -> recorder;
            case "none" -> new CountingSink(NONE, false);
            case "none timed" -> new CountingSink(NONE, true);
            case "ours timed" -> new CountingSink(recorder, true);
            case "JFR timed" -> new CountingSink(new JfrSink(), true);
            default -> throw new IllegalArgumentException(sinkName);
        };
        long began = System.nanoTime();
        ScenarioRun run = ScenarioRun.start(scenario, options, sink);
        if (!run.awaitEnd(Duration.ofMinutes(5))) {
            run.stop();
            throw new IllegalStateException(scenario.title() + " did not end within 5 minutes");
        }
        long nanos = System.nanoTime() - began;
        RunResult result = run.result().orElseThrow();
        if (result.outcome() != Outcome.COMPLETED) {
            throw new IllegalStateException(scenario.title() + " ended " + result);
        }
        if (sink instanceof CountingSink counting) {
            long events = counting.count.sum();
            return new Measured(nanos / 1e6, events, counting.nanos.sum() / (double) Math.max(1, events));
        }
        return new Measured(nanos / 1e6, recorder.recordedCount(), Double.NaN);
    }

    /** One thread records {@link #LOOP_EVENTS} state events; returns nanoseconds an event. */
    private static double loop(boolean ours) {
        TraceRecorder recorder = new TraceRecorder(new TraceHeader("loop", "2026-12-04T00:00:00Z", 1.0, false));
        long began = System.nanoTime();
        for (int i = 0; i < LOOP_EVENTS; i++) {
            if (ours) {
                recorder.state(1, ThreadState.WAITING, Reason.LOCK, "lock a");
            } else {
                BenchStateEvent event = new BenchStateEvent();
                event.tid = 1;
                event.state = "waiting";
                event.on = "lock a";
                event.commit();
            }
        }
        return (System.nanoTime() - began) / (double) LOOP_EVENTS;
    }

    /** Drops every event. */
    private static final TraceSink NONE = new TraceSink() {
        @Override
        public void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId) {
        }

        @Override
        public void state(int tid, ThreadState state, Reason reason, String on) {
        }

        @Override
        public void queue(String queue, int depth, int maxsize, int tid, QueueOp op) {
        }

        @Override
        public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
        }

        @Override
        public void lock(String lock, int ownerTid) {
        }

        @Override
        public void signal(int tid, String event, boolean set) {
        }

        @Override
        public void gil(int ownerTid) {
        }

        @Override
        public void nameSteps(StepNames names) {
        }

        @Override
        public void step(int tid, int stepId) {
        }

        @Override
        public void counter(int tid, String counter, long value) {
        }

        @Override
        public void local(int tid, String local, String text) {
        }

        @Override
        public void print(int tid, String text) {
        }

        @Override
        public void errorReport(String text) {
        }

        @Override
        public void exception(int tid, String type, String message, boolean caught) {
        }

        @Override
        public void marker(String text) {
        }

        @Override
        public void end(Outcome outcome, String message) {
        }
    };

    /** Counts the events it passes on and, if asked, the nanoseconds spent in the delegate's call. */
    private static final class CountingSink implements TraceSink {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        private final TraceSink delegate;
        private final boolean timed;

        CountingSink(TraceSink delegate, boolean timed) {
            this.delegate = delegate;
            this.timed = timed;
        }

        private long begin() {
            return timed ? System.nanoTime() : 0;
        }

        private void done(long began) {
            if (timed) {
                nanos.add(System.nanoTime() - began);
            }
            count.increment();
        }

        @Override
        public void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId) {
            long t = begin();
            delegate.thread(tid, name, style, daemon, ident, nativeId);
            done(t);
        }

        @Override
        public void state(int tid, ThreadState state, Reason reason, String on) {
            long t = begin();
            delegate.state(tid, state, reason, on);
            done(t);
        }

        @Override
        public void queue(String queue, int depth, int maxsize, int tid, QueueOp op) {
            long t = begin();
            delegate.queue(queue, depth, maxsize, tid, op);
            done(t);
        }

        @Override
        public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
            long t = begin();
            delegate.join(tid, targetTid, begin, timedOut);
            done(t);
        }

        @Override
        public void lock(String lock, int ownerTid) {
            long t = begin();
            delegate.lock(lock, ownerTid);
            done(t);
        }

        @Override
        public void signal(int tid, String event, boolean set) {
            long t = begin();
            delegate.signal(tid, event, set);
            done(t);
        }

        @Override
        public void gil(int ownerTid) {
            long t = begin();
            delegate.gil(ownerTid);
            done(t);
        }

        @Override
        public void nameSteps(StepNames names) {
            delegate.nameSteps(names);
        }

        @Override
        public void step(int tid, int stepId) {
            long t = begin();
            delegate.step(tid, stepId);
            done(t);
        }

        @Override
        public void counter(int tid, String counter, long value) {
            long t = begin();
            delegate.counter(tid, counter, value);
            done(t);
        }

        @Override
        public void local(int tid, String local, String text) {
            long t = begin();
            delegate.local(tid, local, text);
            done(t);
        }

        @Override
        public void print(int tid, String text) {
            long t = begin();
            delegate.print(tid, text);
            done(t);
        }

        @Override
        public void errorReport(String text) {
            long t = begin();
            delegate.errorReport(text);
            done(t);
        }

        @Override
        public void exception(int tid, String type, String message, boolean caught) {
            long t = begin();
            delegate.exception(tid, type, message, caught);
            done(t);
        }

        @Override
        public void marker(String text) {
            long t = begin();
            delegate.marker(text);
            done(t);
        }

        @Override
        public void end(Outcome outcome, String message) {
            long t = begin();
            delegate.end(outcome, message);
            done(t);
        }
    }

    /** Every event as one JFR {@link BenchStateEvent}: the kind (or state) and the object it is about. */
    private static final class JfrSink implements TraceSink {

        private static void commit(int tid, String state, String on) {
            BenchStateEvent event = new BenchStateEvent();
            event.tid = tid;
            event.state = state;
            event.on = on;
            event.commit();
        }

        @Override
        public void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId) {
            commit(tid, "thread", name);
        }

        @Override
        public void state(int tid, ThreadState state, Reason reason, String on) {
            commit(tid, state.name(), on);
        }

        @Override
        public void queue(String queue, int depth, int maxsize, int tid, QueueOp op) {
            commit(tid, op == null ? null : op.json(), queue);
        }

        @Override
        public void join(int tid, int targetTid, boolean begin, boolean timedOut) {
            commit(tid, "join", null);
        }

        @Override
        public void lock(String lock, int ownerTid) {
            commit(ownerTid, "lock", lock);
        }

        @Override
        public void signal(int tid, String event, boolean set) {
            commit(tid, "signal", event);
        }

        @Override
        public void gil(int ownerTid) {
            commit(ownerTid, "gil", null);
        }

        @Override
        public void nameSteps(StepNames names) {
        }

        @Override
        public void step(int tid, int stepId) {
            // the id alone, as our recorder keeps it: no text per step on either side
            commit(tid, "step", null);
        }

        @Override
        public void counter(int tid, String counter, long value) {
            commit(tid, "value", counter);
        }

        @Override
        public void local(int tid, String local, String text) {
            commit(tid, "value", local);
        }

        @Override
        public void print(int tid, String text) {
            commit(tid, "print", text);
        }

        @Override
        public void errorReport(String text) {
            commit(0, "stderr", text);
        }

        @Override
        public void exception(int tid, String type, String message, boolean caught) {
            commit(tid, "exception", type);
        }

        @Override
        public void marker(String text) {
            commit(NO_THREAD, "marker", text);
        }

        @Override
        public void end(Outcome outcome, String message) {
            commit(NO_THREAD, "end", message);
        }
    }
}
