package io.threadstage.core;

import io.threadstage.model.PythonRepr;
import io.threadstage.model.Step;
import io.threadstage.model.StepIndex;
import io.threadstage.model.StepVisitor;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import io.threadstage.trace.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs steps on the calling run thread, one after the other, as the Python statement each stands
 * for. Before each step it passes a step boundary (stop, pause, GIL hand-over) and records a
 * {@code step} event with the step's id ({@link StepIndex}, made when the run starts: a step is
 * known by its place, so two equal steps are never mixed up, and the hot loop records a number,
 * no string). The sink is told once that the index spells the ids, so the JSON path is made only
 * where a trace file or a message shows it. Stateless beyond the run's objects (which guard
 * themselves), shared by all threads of the run.
 */
final class StepInterpreter {

    /**
     * The last part of a {@code compute} that is spun rather than parked: a timed park wakes up
     * to some 60-100 us late on Linux, so the end of a computation is waited for on a core.
     */
    private static final long COMPUTE_SPIN_NANOS = 150_000;

    private final RunSession run;
    private final ThreadLauncher launcher;
    private final RunResources resources;
    private final StepIndex steps;

    StepInterpreter(RunSession run, ThreadLauncher launcher) {
        this.run = run;
        this.launcher = launcher;
        this.resources = new RunResources(run, launcher, this);
        this.steps = StepIndex.of(run.scenario);
        run.sink.nameSteps(steps::jsonPath);
    }

    RunResources resources() {
        return resources;
    }

    /** The run's steps by id, as the trace's step events and the traceback's lines name them. */
    StepIndex steps() {
        return steps;
    }

    /** Runs the steps of one list (a body or a block), the ids of {@link #steps()}. */
    void execBlock(PyThread me, StepIndex.Ids block, Frame frame) {
        if (me.blockDepth == MAX_BLOCK_DEPTH) {
            // the Java stack ends here; CPython's limit counts frames, not blocks, so only a run
            // step nested in several blocks at every level of a recursion gets here first
            throw PyException.recursionError();
        }
        me.blockDepth++;
        try {
            for (int i = 0; i < block.size(); i++) {
                int stepId = block.get(i);
                run.checkpoint(me);
                run.sink.step(me.tid, stepId);
                try {
                    steps.step(stepId).accept(new StepExecution(me, stepId, frame));
                } catch (PyException error) {
                    error.raisedAt(stepId, frame.function());
                    throw error;
                }
            }
        } finally {
            me.blockDepth--;
        }
    }

    /**
     * The deepest the interpreter nests blocks on one thread: a recursion of {@link #RECURSION_LIMIT}
     * frames with its run step inside three blocks fits, and so does the Java stack
     * ({@code ThreadLauncher}'s 8 MiB held about 6,000 on a cold JVM).
     */
    static final int MAX_BLOCK_DEPTH = 4000;

    // ---- thread bodies ----------------------------------------------------------------------

    /** A worker's or pool thread's body: an uncaught exception goes to threading.excepthook. */
    ThreadLauncher.Body threadBody(Consumer<PyThread> body) {
        return new ThreadLauncher.Body() {
            @Override
            public void run(PyThread me) {
                body.accept(me);
            }

            @Override
            public void uncaught(PyThread me, PyException error) {
                run.sink.exception(me.tid, error.type(), error.str(), false);
                run.hook.reportThread(me.name, error);
            }
        };
    }

    /**
     * {@code Thread.run()} of a worker, on {@code me} (its own thread, or the caller of t.run()).
     * Counts the Python frames it stands for against CPython's recursion limit, so a worker
     * that runs itself, directly or through others, raises RecursionError as CPython does; and
     * as CPython's {@code finally: del self._target}, a target the run deleted further in makes
     * the delete fail with AttributeError, raised while handling what the body raised.
     */
    void runWorker(PyThread me, PyThread thread) {
        Worker worker = thread.worker;
        boolean targetStyle = worker.style() != WorkerStyle.SUBCLASS;
        // run() itself: past the limit, the call fails in the caller, before any finally of run()
        enterFrames(me, 1);
        try {
            if (targetStyle && thread.targetCleared) {
                throw PyException.targetDeleted();
            }
            PyException raised = null;
            boolean pythonEnd = true;
            try {
                int called = framesCalledByRun(worker);
                enterFrames(me, called);
                try {
                    execBlock(me, steps.worker(thread.workerIndex), frameOf(worker));
                } finally {
                    me.pythonFrames -= called;
                }
            } catch (PyException error) {
                raised = error;
                throw error;
            } catch (RuntimeException | Error notPython) {
                // a stop or a bug: nothing of Python's finally runs
                pythonEnd = false;
                throw notPython;
            } finally {
                if (targetStyle && pythonEnd) {
                    if (thread.targetCleared) {
                        throw PyException.targetDeletedAgain(raised);
                    }
                    thread.targetCleared = true;
                }
            }
        } finally {
            me.pythonFrames--;
        }
    }

    /** CPython's recursion limit, {@code sys.getrecursionlimit()}: the most Python frames a thread's stack holds. */
    static final int RECURSION_LIMIT = 1000;

    /** Enters {@code frames} Python frames on {@code me}, or raises RecursionError where the first would pass the limit. */
    private static void enterFrames(PyThread me, int frames) {
        if (me.pythonFrames + frames > RECURSION_LIMIT) {
            throw PyException.recursionError();
        }
        me.pythonFrames += frames;
    }

    /**
     * The frames {@code Thread.run()} calls into, as the generated program has them: a target
     * function, a callable's {@code __call__}, a lambda (and the function it calls, unless the
     * generator inlines a single step); none for a subclass, whose {@code run()} is the body.
     */
    private static int framesCalledByRun(Worker worker) {
        return switch (worker.style()) {
            case SUBCLASS -> 0;
            case LAMBDA -> worker.args().isEmpty() && worker.kwargs().isEmpty() && worker.steps().size() == 1 ? 1 : 2;
            default -> 1;
        };
    }

    private static Frame frameOf(Worker worker) {
        String function;
        if (worker.style() == WorkerStyle.TARGET) {
            function = worker.function();
        } else if (worker.style() == WorkerStyle.LAMBDA) {
            function = "<lambda>";
        } else if (worker.style() == WorkerStyle.SUBCLASS) {
            function = "run";
        } else {
            function = "__call__";
        }
        return Frame.call(function, worker.params(), worker.args(), worker.kwargs());
    }

    /** Runs a submitted task's steps on a pool thread. */
    void execTask(PyThread me, PyFuture future) {
        execBlock(me, steps.block(future.stepId, 0), future.frame);
    }

    /** The value a task returns: its {@code returns} template filled in, or None. */
    Value returnValue(PyThread me, Task task, Frame frame) {
        Value returns = task.returns();
        if (returns == null) {
            return Value.NONE;
        }
        if (returns instanceof Value.Text text) {
            return new Value.Text(Template.fill(text.value(), resolver(me, frame)));
        }
        return returns;
    }

    // ---- one step ----------------------------------------------------------------------------

    /**
     * One step run on {@code me}: the Python statement of each type of step. Made per step, as
     * the step's id and frame are its own; confined to the thread that runs the step.
     */
    private final class StepExecution implements StepVisitor<Void> {

        private final PyThread me;
        private final int stepId;
        private final Frame frame;

        StepExecution(PyThread me, int stepId, Frame frame) {
            this.me = me;
            this.stepId = stepId;
            this.frame = frame;
        }

        /** The steps of the step's first block ({@code do}, {@code try}, {@code task.steps}). */
        private StepIndex.Ids body() {
            return steps.block(stepId, 0);
        }

        @Override
        public Void visit(Step.Compute compute) {
            StepInterpreter.this.compute(me, run.lessonNanos(compute.ms()));
            return null;
        }

        @Override
        public Void visit(Step.Sleep sleep) {
            run.sleep(me, run.lessonNanos(sleep.ms()), Reason.SLEEP, null);
            return null;
        }

        @Override
        public Void visit(Step.Io io) {
            run.sleep(me, run.lessonNanos(io.ms()), Reason.IO, io.label());
            return null;
        }

        @Override
        public Void visit(Step.Print print) {
            StepInterpreter.this.print(me, Template.fill(print.text(), resolver(me, frame)));
            return null;
        }

        @Override
        public Void visit(Step.Acquire acquire) {
            resources.lock(acquire.lock()).acquire(me, timeout(acquire.timeoutMs()));
            return null;
        }

        @Override
        public Void visit(Step.Release release) {
            resources.lock(release.lock()).release(me);
            return null;
        }

        @Override
        public Void visit(Step.With with) {
            withLock(me, with, body(), frame);
            return null;
        }

        @Override
        public Void visit(Step.Put put) {
            resources.queue(put.queue()).put(me, put.item(), timeout(put.timeoutMs()));
            return null;
        }

        @Override
        public Void visit(Step.Get get) {
            resources.queue(get.queue()).get(me, timeout(get.timeoutMs()));
            return null;
        }

        @Override
        public Void visit(Step.GetUntil loop) {
            getUntil(me, loop, body(), frame);
            return null;
        }

        @Override
        public Void visit(Step.TaskDone done) {
            resources.queue(done.queue()).taskDone();
            return null;
        }

        @Override
        public Void visit(Step.JoinQueue join) {
            resources.queue(join.queue()).join(me);
            return null;
        }

        @Override
        public Void visit(Step.Wait wait) {
            resources.event(wait.event()).await(me, timeout(wait.timeoutMs()));
            return null;
        }

        @Override
        public Void visit(Step.SetEvent set) {
            resources.event(set.event()).set(me);
            return null;
        }

        @Override
        public Void visit(Step.ClearEvent clear) {
            resources.event(clear.event()).clear(me);
            return null;
        }

        @Override
        public Void visit(Step.Until until) {
            StepInterpreter.this.until(me, until, body(), frame);
            return null;
        }

        @Override
        public Void visit(Step.Start start) {
            PyThread thread = run.threads.worker(start.worker());
            launcher.start(me, thread, threadBody(self -> runWorker(self, thread)));
            return null;
        }

        @Override
        public Void visit(Step.Run runStep) {
            runWorker(me, run.threads.worker(runStep.worker()));
            return null;
        }

        @Override
        public Void visit(Step.Join join) {
            StepInterpreter.this.join(me, run.threads.worker(join.worker()), timeout(join.timeoutMs()));
            return null;
        }

        @Override
        public Void visit(Step.IsAlive isAlive) {
            StepInterpreter.this.print(me, run.threads.worker(isAlive.worker()).alive() ? "True" : "False");
            return null;
        }

        @Override
        public Void visit(Step.SetDaemon setDaemon) {
            PyThread thread = run.threads.worker(setDaemon.worker());
            if (thread.started) {
                throw PyException.runtimeError("cannot set daemon status of active thread");
            }
            thread.daemon = setDaemon.value();
            run.threadInfo(thread);
            return null;
        }

        @Override
        public Void visit(Step.Rename rename) {
            PyThread thread = run.threads.worker(rename.worker());
            thread.name = rename.to();
            run.threadInfo(thread);
            return null;
        }

        @Override
        public Void visit(Step.Submit submit) {
            Task task = submit.task();
            String label = submit.future() != null ? submit.future() : task.function() + "()";
            PyFuture future = new PyFuture(run, label, task,
                    Frame.call(task.function(), task.params(), task.args(), Map.of()), stepId);
            resources.executor(submit.executor()).submit(me, future);
            if (submit.future() != null) {
                resources.bindFuture(submit.future(), future);
            }
            return null;
        }

        @Override
        public Void visit(Step.Result result) {
            Value value = resources.future(result.future()).result(me, timeout(result.timeoutMs()));
            if (result.print()) {
                StepInterpreter.this.print(me, PythonRepr.str(value));
            }
            return null;
        }

        @Override
        public Void visit(Step.MapTasks map) {
            mapTasks(me, map, stepId);
            return null;
        }

        @Override
        public Void visit(Step.Shutdown shutdown) {
            resources.executor(shutdown.executor()).shutdown(me);
            return null;
        }

        @Override
        public Void visit(Step.LocalSet set) {
            resources.local(set.local()).set(me, set.value());
            return null;
        }

        @Override
        public Void visit(Step.LocalGet get) {
            StepInterpreter.this.print(me, PythonRepr.str(resources.local(get.local()).get(me)));
            return null;
        }

        @Override
        public Void visit(Step.Increment increment) {
            resources.counter(increment.counter()).increment(run, me, increment.by(), increment.yieldBetween());
            return null;
        }

        @Override
        public Void visit(Step.Raise raise) {
            throw PyException.raise(raise.type(), raise.message());
        }

        @Override
        public Void visit(Step.Try attempt) {
            tryExcept(me, attempt, steps.block(stepId, 0), steps.block(stepId, 1), frame);
            return null;
        }

        @Override
        public Void visit(Step.Repeat repeat) {
            for (int i = 0; i < repeat.times(); i++) {
                execBlock(me, body(), frame);
            }
            return null;
        }

        @Override
        public Void visit(Step.Introspect introspect) {
            StepInterpreter.this.print(me, introspect(me, introspect.query()));
            return null;
        }
    }

    // ---- verbs with a body or more than one effect ------------------------------------------

    private void compute(PyThread me, long nanos) {
        if (nanos <= 0) {
            return;
        }
        // counted only while this thread holds the GIL: a turn handed over does not count
        long remaining = nanos;
        long last = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            remaining -= now - last;
            last = now;
            if (remaining <= 0) {
                return;
            }
            if (me.killed) {
                throw ThreadKilled.INSTANCE;
            }
            if (run.gil.dropRequested()) {
                run.gil.yieldTurn(me);
                last = System.nanoTime();
            } else if (remaining > COMPUTE_SPIN_NANOS) {
                // the GIL's waiter unparks this thread when it asks for the GIL, as the eval breaker would
                LockSupport.parkNanos(run.gil, remaining - COMPUTE_SPIN_NANOS);
            }
        }
    }

    private void print(PyThread me, String text) {
        // the console shows the run's print events: there is no second channel
        run.sink.print(me.tid, text);
    }

    private void withLock(PyThread me, Step.With with, StepIndex.Ids body, Frame frame) {
        PyLockLike lock = resources.lock(with.lock());
        lock.acquire(me, -1);
        try {
            execBlock(me, body, frame);
        } catch (PyException error) {
            lock.release(me);
            throw error;
        }
        lock.release(me);
    }

    private void getUntil(PyThread me, Step.GetUntil loop, StepIndex.Ids body, Frame frame) {
        PyQueue queue = resources.queue(loop.queue());
        while (true) {
            Value item = queue.get(me, -1);
            if (PyValues.pyEquals(item, loop.sentinel())) {
                return;
            }
            execBlock(me, body, frame.with("item", item));
        }
    }

    private void until(PyThread me, Step.Until until, StepIndex.Ids body, Frame frame) {
        PyEvent event = resources.event(until.event());
        while (!event.isSet()) {
            execBlock(me, body, frame);
            long pause = run.lessonNanos(until.pauseMs());
            if (until.bySleep()) {
                run.sleep(me, pause, Reason.SLEEP, null);
            } else {
                event.await(me, pause);
            }
            run.checkpoint(me);
        }
    }

    private void join(PyThread me, PyThread target, long timeoutNanos) {
        if (!target.started) {
            throw PyException.runtimeError("cannot join thread before it is started");
        }
        if (target == me) {
            throw PyException.runtimeError("cannot join current thread");
        }
        run.join(me, target, timeoutNanos);
    }

    private void tryExcept(PyThread me, Step.Try attempt, StepIndex.Ids body, StepIndex.Ids handler, Frame frame) {
        try {
            execBlock(me, body, frame);
        } catch (PyException error) {
            if (!error.caughtBy(attempt.except())) {
                throw error;
            }
            run.sink.exception(me.tid, error.type(), error.str(), true);
            try {
                execBlock(me, handler, frame.with("error", new Value.Text(error.str())));
            } catch (PyException raisedInHandler) {
                raisedInHandler.raisedWhileHandling(error);
                throw raisedInHandler;
            }
        }
    }

    private void mapTasks(PyThread me, Step.MapTasks map, int stepId) {
        Task task = map.task();
        PyExecutor executor = resources.executor(map.executor());
        List<PyFuture> futures = new ArrayList<>();
        for (int i = 0; i < map.items().size(); i++) {
            Value item = map.items().get(i);
            Frame frame = task.params().isEmpty()
                    ? Frame.call(task.function(), List.of(), List.of(), Map.of()).with("item", item)
                    : Frame.call(task.function(), task.params(), List.of(item), Map.of());
            futures.add(executor.submit(me, new PyFuture(run, task.function() + "[" + i + "]", task, frame, stepId)));
        }
        StringJoiner results = new StringJoiner(", ", "[", "]");
        for (PyFuture future : futures) {
            results.add(PythonRepr.repr(future.result(me, -1)));
        }
        if (map.print()) {
            print(me, results.toString());
        }
    }

    private String introspect(PyThread me, Step.Query query) {
        if (query == Step.Query.CURRENT_THREAD) {
            return me.name;
        }
        if (query == Step.Query.MAIN_THREAD) {
            return run.threads.main().name;
        }
        List<PyThread> alive = run.threads.alive();
        if (query == Step.Query.ACTIVE_COUNT) {
            return Integer.toString(alive.size());
        }
        StringJoiner names = new StringJoiner(", ");
        alive.forEach(thread -> names.add(thread.name));
        return names.toString();
    }

    private Function<String, String> resolver(PyThread me, Frame frame) {
        return name -> {
            Value bound = frame.lookup(name);
            if (bound != null) {
                return PythonRepr.str(bound);
            }
            if (name.equals("thread")) {
                return me.name;
            }
            Object resource = resources.placeholder(name);
            if (resource instanceof PyCounter counter) {
                return PyValues.intStr(counter.value());
            }
            if (resource instanceof PyLocal local) {
                return PythonRepr.str(local.get(me));
            }
            return null;
        };
    }

    private long timeout(Long ms) {
        return ms == null ? -1 : run.lessonNanos(ms);
    }
}
