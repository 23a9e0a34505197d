package io.threadstage.trace;

/**
 * Where the instrumented runtime reports what happens, as it happens. Called concurrently by
 * every thread of a run, so implementations must be thread-safe and must not block a caller
 * on another thread (no shared lock on the hot path) or drop anything.
 *
 * <p>Causality rule for callers: an event that enables another thread (a release, a put, a
 * set) is recorded <em>before</em> the effect becomes visible, so the enabled thread's events
 * always come later in the trace.
 *
 * <p>{@code tid} is a small integer fixed for the run: 0 is {@code MainThread}, the others
 * count up in creation order. {@link #NO_THREAD} stands for "nobody" (a free lock).
 */
public interface TraceSink {

    int NO_THREAD = -1;

    /** The largest {@code tid} a trace can hold: the recorder keeps one in 16 bits, so a run has at most 32,768 thread ids. */
    int MAX_TID = Short.MAX_VALUE;

    /**
     * A thread object was created ({@code ident} and {@code nativeId} null), started (both set),
     * or its name or daemon flag changed. Later events of {@code tid} carry this name.
     *
     * @param style how the thread object was made ({@link ThreadStyle#POOL}: a pool thread of an executor)
     */
    void thread(int tid, String name, ThreadStyle style, boolean daemon, Long ident, Long nativeId);

    /** {@code reason} is {@link Reason#NONE} for created and running; {@code on} may be null. */
    void state(int tid, ThreadState state, Reason reason, String on);

    /**
     * A queue's size after a put or get. Extension keys: {@code tid} (who) and {@code op}
     * (null when neither) so the stage can draw a put to the get it fed.
     */
    void queue(String queue, int depth, int maxsize, int tid, QueueOp op);

    /** A join began ({@code begin}) or returned; {@code timedOut} only on return. */
    void join(int tid, int targetTid, boolean begin, boolean timedOut);

    /** A lock changed hands; {@code ownerTid} is {@link #NO_THREAD} when released. */
    void lock(String lock, int ownerTid);

    /** Extension {@code signal}: an event was set or cleared by {@code tid}. */
    void signal(int tid, String event, boolean set);

    /** Extension {@code gil}: the emulated GIL changed hands ({@link #NO_THREAD}: free). */
    void gil(int ownerTid);

    /**
     * How this run spells its step ids ({@link #step}); said once, before the first step event.
     * A scenario's run names each id by its JSON path, so a trace file still shows the path.
     */
    void nameSteps(StepNames names);

    /**
     * Extension {@code step}: {@code tid} begins the step {@code stepId}, the run's id of a place
     * in the program (for a scenario, {@code model.StepIndex}'s id), so a view can show the
     * source line. Only the number is recorded; {@link #nameSteps its name} is made when read.
     */
    void step(int tid, int stepId);

    /**
     * Extension {@code value}: {@code tid} wrote {@code value} into the counter {@code counter}
     * (its new value, after the write: a lost update shows as a value written twice). A value
     * past a 64-bit integer is given at the nearest 64-bit bound.
     */
    void counter(int tid, String counter, long value);

    /**
     * Extension {@code value} of a local: {@code tid} set its own {@code local.value} to a value
     * whose {@code str()} is {@code text}.
     */
    void local(int tid, String local, String text);

    /** A line the program printed (without its newline): the console shows the run's prints from these. */
    void print(int tid, String text);

    /**
     * What the program wrote to standard error: an excepthook's line or a traceback, possibly of
     * several lines joined by {@code \n}. Recorded among the other events so a console shows it
     * in order with the prints; trace files leave it out (their format has no such line).
     */
    void errorReport(String text);

    void exception(int tid, String type, String message, boolean caught);

    void marker(String text);

    /**
     * The marker's text when MainThread's steps are done and the interpreter's exit
     * ({@code threading._shutdown}) begins: the joins after it are the exit's wait for the
     * non-daemon threads, not a {@code join()} of the program, and the daemon threads still alive
     * are cut off at its end.
     */
    String SHUTDOWN_MARKER = "exit: threading._shutdown";

    /** The last event of a run. */
    void end(Outcome outcome, String message);
}
