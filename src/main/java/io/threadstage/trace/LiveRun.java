package io.threadstage.trace;

import java.time.Duration;

/**
 * A run going on that a window drives while it records into a {@link TraceRecorder}: a scenario on
 * our core, a real Python program under the tracer, a Java program under Flight Recorder. The
 * window reads the recorder once a frame and commands the run through this role only, so every
 * kind of run takes one path through the window.
 *
 * <p>Every method but {@link #awaitEnd} returns at once and may be called from any thread, the
 * FX thread included: a run carries its commands out on its own threads.
 */
public interface LiveRun {

    /** Holds every thread of the run where it is; the trace shows a {@code paused} marker. */
    void pause();

    void resume();

    /** Whether the last command was {@link #pause()} and the run has held (not merely asked to). */
    boolean isPaused();

    /**
     * Whether {@link #step()} can do anything: a scenario's thread can take one step and hold again,
     * a real process cannot be moved by one line.
     */
    boolean canStep();

    /** While paused and {@link #canStep()}: one held thread runs its next step and holds again. */
    void step();

    /**
     * Ends the run and every thread of it within a second, paused or not, whatever it waits on;
     * the trace ends with outcome {@code stopped}.
     */
    void stop();

    /** Whether the trace's {@code end} line has been recorded. */
    boolean isFinished();

    /**
     * The status line's words for how the run ended ({@code completed after 2.4 s}, {@code exited 1
     * (exception)}, {@code stopped}, ...), once {@link #isFinished()}; {@code durationNanos} is the run's
     * length on the recorder's clock.
     */
    String endDescription(long durationNanos);

    /**
     * Waits until the run has ended and nothing of it is left (threads, processes). For the command
     * line and tests only: never on the FX thread.
     *
     * @return false if that did not happen within {@code timeout}
     */
    boolean awaitEnd(Duration timeout);
}
