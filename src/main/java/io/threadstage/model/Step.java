package io.threadstage.model;

import java.math.BigInteger;
import java.util.List;

/**
 * One statement of a worker's body or of {@code main}: an object with exactly one verb key in
 * the scenario format. Times are milliseconds of lesson time; a null timeout means "no timeout".
 * Immutable; any thread.
 */
public sealed interface Step {

    /** The verb key that names this step in a scenario document. */
    String verb();

    /**
     * Hands this step to the visitor's method for its type. The one way to tell steps apart:
     * {@link StepVisitor} has a method per type and no default, so a new type of step does not
     * compile until every visitor says what it does with it.
     */
    <R> R accept(StepVisitor<R> visitor);

    /** Steps nested in this one (a block's body); empty for simple steps. */
    default List<List<Step>> blocks() {
        return List.of();
    }

    /** The document's key of each of {@link #blocks()}, in the same order ({@link BodyPath#DO}...). */
    default List<String> blockKeys() {
        return List.of();
    }

    /** This step with its blocks replaced by {@code newBlocks}, given in {@link #blocks()}'s order. */
    default Step withBlocks(List<List<Step>> newBlocks) {
        if (!newBlocks.isEmpty()) {
            throw new IllegalArgumentException(verb() + " has no block");
        }
        return this;
    }

    /** A CPU-bound loop; holds the GIL when the GIL is emulated. */
    record Compute(long ms) implements Step {
        public String verb() { return "compute"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code time.sleep(ms / 1000)} */
    record Sleep(long ms) implements Step {
        public String verb() { return "sleep"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** Blocking I/O, simulated by waiting; {@code label} may be null. */
    record Io(long ms, String label) implements Step {
        public String verb() { return "io"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code print(f"...")}; {@code {thread}}, counters and locals are interpolated. */
    record Print(String text) implements Step {
        public String verb() { return "print"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    record Acquire(String lock, Long timeoutMs) implements Step {
        public String verb() { return "acquire"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    record Release(String lock) implements Step {
        public String verb() { return "release"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code with lock:} */
    record With(String lock, List<Step> body) implements Step {
        public With { body = List.copyOf(body); }
        public String verb() { return "with"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(body); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.DO); }
        @Override public Step withBlocks(List<List<Step>> newBlocks) { return new With(lock, newBlocks.get(0)); }
    }

    /** {@code q.put(item, timeout=)} */
    record Put(String queue, Value item, Long timeoutMs) implements Step {
        public String verb() { return "put"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code q.get(timeout=)} */
    record Get(String queue, Long timeoutMs) implements Step {
        public String verb() { return "get"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code while (item := q.get()) != sentinel: body}: the consumer loop. */
    record GetUntil(String queue, Value sentinel, List<Step> body) implements Step {
        public GetUntil { body = List.copyOf(body); }
        public String verb() { return "get"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(body); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.DO); }
        @Override public Step withBlocks(List<List<Step>> newBlocks) { return new GetUntil(queue, sentinel, newBlocks.get(0)); }
    }

    record TaskDone(String queue) implements Step {
        public String verb() { return "task_done"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code q.join()} */
    record JoinQueue(String queue) implements Step {
        public String verb() { return "join_queue"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code event.wait(timeout=)} */
    record Wait(String event, Long timeoutMs) implements Step {
        public String verb() { return "wait"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    record SetEvent(String event) implements Step {
        public String verb() { return "set"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    record ClearEvent(String event) implements Step {
        public String verb() { return "clear"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /**
     * {@code while not event.is_set(): body; pause} where the pause is {@code event.wait(ms)}
     * (reacts at once) or, with {@code bySleep}, {@code time.sleep(ms)} (the naive loop).
     */
    record Until(String event, List<Step> body, long pauseMs, boolean bySleep) implements Step {
        public Until { body = List.copyOf(body); }
        public String verb() { return "until"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(body); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.DO); }
        @Override public Step withBlocks(List<List<Step>> newBlocks) { return new Until(event, newBlocks.get(0), pauseMs, bySleep); }
    }

    /** {@code t.start()} */
    record Start(String worker) implements Step {
        public String verb() { return "start"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code t.run()}: the body runs on the calling thread. */
    record Run(String worker) implements Step {
        public String verb() { return "run"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code t.join(timeout=)} */
    record Join(String worker, Long timeoutMs) implements Step {
        public String verb() { return "join"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code print(t.is_alive())} */
    record IsAlive(String worker) implements Step {
        public String verb() { return "is_alive"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code t.daemon = value} */
    record SetDaemon(String worker, boolean value) implements Step {
        public String verb() { return "set_daemon"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code t.name = to} */
    record Rename(String worker, String to) implements Step {
        public String verb() { return "rename"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code future = executor.submit(task.function, *task.args)} */
    record Submit(String executor, Task task, String future) implements Step {
        public String verb() { return "submit"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(task.steps()); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.TASK); }
        @Override
        public Step withBlocks(List<List<Step>> newBlocks) {
            return new Submit(executor, task.withSteps(newBlocks.get(0)), future);
        }
    }

    /**
     * {@code future.result(timeout=)}; re-raises the task's exception. With {@code print}
     * (extension key), {@code print(future.result())}.
     */
    record Result(String future, Long timeoutMs, boolean print) implements Step {
        public String verb() { return "result"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /**
     * {@code list(executor.map(task.function, items))}; with {@code print} (extension key),
     * {@code print(list(...))}.
     */
    record MapTasks(String executor, Task task, List<Value> items, boolean print) implements Step {
        public MapTasks { items = List.copyOf(items); }
        public String verb() { return "map"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(task.steps()); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.TASK); }
        @Override
        public Step withBlocks(List<List<Step>> newBlocks) {
            return new MapTasks(executor, task.withSteps(newBlocks.get(0)), items, print);
        }
    }

    /** {@code executor.shutdown(wait=True)} */
    record Shutdown(String executor) implements Step {
        public String verb() { return "shutdown"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code local.value = value} */
    record LocalSet(String local, Value value) implements Step {
        public String verb() { return "local_set"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code print(local.value)}; before any set in this thread: AttributeError. */
    record LocalGet(String local) implements Step {
        public String verb() { return "local_get"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /**
     * {@code counter += by}, as a read then a write; {@code by} is a Python int, of any size.
     * {@code yieldBetween}: the read, then {@code time.sleep(0)}, then the write, which lets
     * another thread run in between even under the GIL (a plain {@code +=} on a global never
     * loses an update in CPython 3.11).
     */
    record Increment(String counter, BigInteger by, boolean yieldBetween) implements Step {
        public Increment(String counter, long by, boolean yieldBetween) {
            this(counter, BigInteger.valueOf(by), yieldBetween);
        }

        public Increment(String counter, BigInteger by) {
            this(counter, by, false);
        }

        public Increment(String counter, long by) {
            this(counter, by, false);
        }

        public String verb() { return "increment"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /**
     * {@code raise Type(message)}; the message is a text or an int ({@code SystemExit(3)}), or
     * null for {@code raise Type()}.
     */
    record Raise(String type, Value message) implements Step {
        public Raise(String type, String message) { this(type, message == null ? null : Value.of(message)); }
        public String verb() { return "raise"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    /** {@code try: body except Type: handler}; {@code Exception} catches all. */
    record Try(List<Step> body, String except, List<Step> handler) implements Step {
        public Try { body = List.copyOf(body); handler = List.copyOf(handler); }
        public String verb() { return "try"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(body, handler); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.TRY, BodyPath.THEN); }
        @Override public Step withBlocks(List<List<Step>> newBlocks) { return new Try(newBlocks.get(0), except, newBlocks.get(1)); }
    }

    /** {@code for _ in range(times): body} */
    record Repeat(int times, List<Step> body) implements Step {
        public Repeat { body = List.copyOf(body); }
        public String verb() { return "repeat"; }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
        @Override public List<List<Step>> blocks() { return List.of(body); }
        @Override public List<String> blockKeys() { return List.of(BodyPath.DO); }
        @Override public Step withBlocks(List<List<Step>> newBlocks) { return new Repeat(times, newBlocks.get(0)); }
    }

    /** One of the introspection prints of the {@code threading} module. */
    record Introspect(Query query) implements Step {
        public String verb() { return query.verb(); }
        @Override public <R> R accept(StepVisitor<R> visitor) { return visitor.visit(this); }
    }

    enum Query {
        /** {@code print(threading.current_thread().name)} */
        CURRENT_THREAD("current_thread"),
        /** {@code print(threading.main_thread().name)} */
        MAIN_THREAD("main_thread"),
        /** {@code print(", ".join(t.name for t in threading.enumerate()))} */
        ENUMERATE("enumerate"),
        /** {@code print(threading.active_count())} */
        ACTIVE_COUNT("active_count");

        private final String verb;

        Query(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }
}
