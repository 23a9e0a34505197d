package io.threadstage.core;

import io.threadstage.model.Scenario;
import io.threadstage.model.Worker;
import io.threadstage.trace.LiveRun;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceSink;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a scenario on real Java platform threads, one per Python thread plus one for
 * MainThread, reporting every state change to a {@link TraceSink} as it happens.
 *
 * <p>Every control method returns at once and may be called from any thread, the UI's included:
 * the run's supervisor thread carries the commands out. Only {@link #awaitEnd} blocks.
 */
public final class ScenarioRun implements LiveRun {

    private final RunSession session;
    private final RunSupervisor supervisor;

    private ScenarioRun(RunSession session, RunSupervisor supervisor) {
        this.session = session;
        this.supervisor = supervisor;
    }

    /**
     * Creates the thread objects (MainThread, then each worker in document order) and starts
     * MainThread on its own thread. Returns at once.
     */
    public static ScenarioRun start(Scenario scenario, RunOptions options, TraceSink sink) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        RunSession session = new RunSession(scenario, options, sink);
        RunSupervisor supervisor = new RunSupervisor(session);
        ThreadLauncher launcher = new ThreadLauncher(session);
        StepInterpreter interpreter = new StepInterpreter(session, launcher);
        PyThread main = session.threads.createMain();
        List<Worker> workers = scenario.workers();
        for (int i = 0; i < workers.size(); i++) {
            session.threads.createWorker(workers.get(i), i);
        }
        // the module-level `counter = 0` runs on MainThread before any thread starts
        interpreter.resources().recordInitialValues(sink, main.tid);
        launcher.start(null, main, new InterpreterExit(session, interpreter));
        supervisor.start();
        return new ScenarioRun(session, supervisor);
    }

    /** The header a trace of this run starts with. */
    public static TraceHeader header(Scenario scenario, RunOptions options, Instant started) {
        return new TraceHeader(scenario.title(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                options.effectiveSpeed(scenario.settings()), options.effectiveGil(scenario.settings()));
    }

    /** Every thread holds at its next step boundary; the trace shows a {@code paused} marker. */
    @Override
    public void pause() {
        supervisor.post(RunSupervisor.Command.PAUSE);
    }

    @Override
    public void resume() {
        supervisor.post(RunSupervisor.Command.RESUME);
    }

    /**
     * While paused: one thread held at a step boundary runs its next step and holds again at the
     * boundary after it; the trace shows a {@code step} marker. Nothing when the run is not paused.
     */
    @Override
    public void step() {
        supervisor.post(RunSupervisor.Command.STEP);
    }

    /** Ends every thread of the run within a second, whatever it waits on; outcome {@code stopped}. */
    @Override
    public void stop() {
        supervisor.post(RunSupervisor.Command.STOP);
    }

    /** The {@code end} line's message of a run ended by {@link #interrupt()}. */
    public static final String INTERRUPTED_MESSAGE = "interrupted: the process was asked to end (Ctrl-C)";

    /**
     * Ends every thread of the run as {@link #stop()} does, with outcome {@code interrupted}: the
     * process is ending (Ctrl-C), and its trace should say so rather than "stopped".
     */
    public void interrupt() {
        supervisor.post(RunSupervisor.Command.INTERRUPT);
    }

    @Override
    public boolean isPaused() {
        return session.paused;
    }

    /** Whether the trace's {@code end} line has been recorded. */
    @Override
    public boolean isFinished() {
        return session.hasEnded();
    }

    /** True: a held thread can always run one step (see {@link #step()}). */
    @Override
    public boolean canStep() {
        return true;
    }

    @Override
    public String endDescription(long durationNanos) {
        return RunStatus.describe(session.result(), durationNanos);
    }

    public Optional<RunResult> result() {
        return Optional.ofNullable(session.result());
    }

    /**
     * Waits until the run has ended and every Java thread of it is gone. For the command line
     * and tests only: never call it on the UI thread.
     *
     * @return false if that did not happen within {@code timeout}
     */
    @Override
    public boolean awaitEnd(Duration timeout) {
        try {
            return session.awaitEnd(timeout.toNanos());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Java threads of this run so far (the supervisor's included), for tests that check none is left. */
    List<Thread> javaThreads() {
        return session.javaThreads();
    }
}
