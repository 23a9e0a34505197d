package io.threadstage.io;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Validator;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random scenarios whose every name is one that could collide in the generated program: a
 * builtin, a module or helper the program uses, a variable it makes ({@code item},
 * {@code error}, {@code w_thread}, {@code w_job}, {@code produce_2}), a Thread attribute, a
 * soft keyword, a dunder or mangled name, a Unicode spelling that Python reads as another.
 * Each is valid (the validator accepts it) and deterministic: threads are started and joined
 * one at a time, a pool has one thread and each result is awaited at once, and every consumer
 * loop has its own queue, filled beforehand with enough items and sentinels. The same seed
 * always gives the same scenario. Confined to the calling thread.
 */
public final class AdversarialScenarios {

    /** Names that could meet something of the generated program. */
    static final List<String> NAMES = List.of(
            "print", "compute", "time", "threading", "queue", "sys", "sleep", "range", "str", "len", "list",
            "type", "super", "self", "kwargs", "args", "item", "item_2", "error", "error_2", "name", "daemon",
            "start", "run", "join", "_started", "_target", "__x", "__name__", "match", "case", "_",
            "report_exception", "ThreadPoolExecutor", "concurrent", "Exception", "ValueError", "GeneratorExit",
            "UserWarning", "t", "deadline", "ms", "w", "w_job", "w_thread", "produce", "produce_2",
            "\uff50\uff52\uff49\uff4e\uff54", "\ufb01le", "file", "error_", "print_", "thread", "value", "unnamed",
            "arg", "arg1", "arg_", "jobs", "hits", "x", "Foo", "Empty", "Full", "result", "item_", "global_",
            "\u309bcount", "\u2e2frun", "hits_read", "jobs_read", "print_read");

    /** Words of texts that a literal must keep as text: quotes, backslashes, braces, separators. */
    private static final List<String> ODD_WORDS = List.of(
            "\\", "\"", "'", "\"\"\"", "\t", "\u00e9", "\u2028", "\\N{{DASH}}", "{{}}", "#", "\\x00");

    /** Exception types: the names above, and builtins whose class tree matters to an except. */
    private static final List<String> EXTRA_TYPES = List.of(
            "ValueError", "KeyError", "LookupError", "RuntimeError", "Exception", "BaseException", "OSError",
            "TimeoutError", "GeneratorExit", "UserWarning", "Warning");

    private static final int MAX_DEPTH = 3;
    private static final int MAX_ITEMS_PER_ROUND = 2;

    private final Random random;
    private final List<Resource> resources = new ArrayList<>();
    /** Resources, worker references and futures: one namespace in the validator. */
    private final Set<String> declared = new HashSet<>();
    private final Set<String> futures = new HashSet<>();
    private final Set<String> codeNames = new HashSet<>();
    private final List<String> counters = new ArrayList<>();
    private final List<String> locals = new ArrayList<>();
    private final List<Step> fills = new ArrayList<>();
    /** Workers made so far: a later worker's body may ask about them. */
    private final List<String> workerRefs = new ArrayList<>();
    /**
     * Workers another worker's body starts: main never runs them in its own thread, since a
     * body run twice would wait for a second round of items its queue never gets.
     */
    private final Set<String> startedByOthers = new HashSet<>();
    /** Workers main ran in its own thread: for the same reason, never started afterwards. */
    private final Set<String> ranInMain = new HashSet<>();
    private String lock;
    private String executor;
    private int fresh;

    private AdversarialScenarios(long seed) {
        this.random = new Random(seed);
    }

    /** A valid scenario for {@code seed}; the next seeds are tried should one come out invalid. */
    public static Scenario generate(long seed) {
        for (long attempt = seed; ; attempt += 1_000_003) {
            Scenario scenario = new AdversarialScenarios(attempt).scenario("Adversarial names " + seed);
            if (new Validator().validate(scenario).isEmpty()) {
                return scenario;
            }
        }
    }

    private Scenario scenario(String title) {
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            String counter = resourceName();
            resources.add(new Resource.Counter(counter, random.nextInt(3)));
            counters.add(counter);
        }
        if (random.nextBoolean()) {
            String local = resourceName();
            resources.add(new Resource.Local(local));
            locals.add(local);
        }
        if (random.nextBoolean()) {
            lock = resourceName();
            resources.add(random.nextBoolean() ? new Resource.Lock(lock) : new Resource.RLock(lock));
        }
        if (random.nextBoolean()) {
            executor = resourceName();
            resources.add(new Resource.Executor(executor, 1));
        }
        List<Worker> workers = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            workers.add(worker());
        }
        List<Step> main = new ArrayList<>(block(Scope.MODULE, 1, 1));
        for (Worker worker : workers) {
            if (random.nextInt(4) == 0) {
                main.add(new Step.Rename(worker.ref(), pick(NAMES) + "-renamed"));
            }
            if (random.nextInt(5) == 0 && !startedByOthers.contains(worker.ref())) {
                main.add(new Step.Run(worker.ref()));
                ranInMain.add(worker.ref());
            } else {
                main.add(new Step.Start(worker.ref()));
                main.add(new Step.Join(worker.ref(), null));
                if (random.nextBoolean()) {
                    main.add(new Step.IsAlive(worker.ref()));
                }
            }
            main.addAll(block(Scope.MODULE, 1, 1));
        }
        if (executor != null) {
            main.add(new Step.Shutdown(executor));
        }
        List<Step> program = new ArrayList<>(fills);
        program.addAll(main);
        Settings settings = new Settings(random.nextBoolean(), 5, 1.0,
                random.nextBoolean() ? Settings.Excepthook.DEFAULT : Settings.Excepthook.CUSTOM);
        return new Scenario(title, null, settings, resources, workers, program, Map.of("x-deterministic", new Value.Bool(true)));
    }

    private Worker worker() {
        WorkerStyle style = WorkerStyle.values()[random.nextInt(WorkerStyle.values().length)];
        boolean named = random.nextBoolean();
        String ref = declaredName(named ? null : NAMES);
        String function = null;
        String className = null;
        if (style == WorkerStyle.TARGET || style == WorkerStyle.LAMBDA && random.nextBoolean()) {
            function = codeName();
        } else if (style == WorkerStyle.SUBCLASS || style == WorkerStyle.CALLABLE) {
            className = codeName();
        }
        List<String> params = distinct(random.nextInt(4));
        List<Value> args = new ArrayList<>();
        Map<String, Value> kwargs = new LinkedHashMap<>();
        int positional = params.isEmpty() ? random.nextInt(3) : random.nextInt(params.size() + 1);
        for (int i = 0; i < Math.max(positional, 0); i++) {
            args.add(Value.of(random.nextInt(10)));
        }
        for (int i = positional; i < params.size(); i++) {
            kwargs.put(params.get(i), Value.of(pick(NAMES)));
        }
        if (params.isEmpty() && random.nextInt(3) == 0) {
            kwargs.put(pick(NAMES), Value.of(1));
        }
        List<Step> steps = block(Scope.function(params), 1, 1);
        workerRefs.add(ref);
        return new Worker(named ? ref : null, named ? null : ref, style, function, className, params, args, kwargs,
                false, steps);
    }

    private List<Step> block(Scope scope, int depth, int rounds) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            steps.add(step(scope, depth, rounds));
        }
        return steps;
    }

    private Step step(Scope scope, int depth, int rounds) {
        int kind = random.nextInt(depth < MAX_DEPTH ? 14 : 7);
        switch (kind) {
            case 0, 1, 2:
                return new Step.Print(template(scope));
            case 3:
                // the yielding increment keeps the value read in a variable of its own
                return new Step.Increment(pick(counters), 1 + random.nextInt(2), random.nextBoolean());
            case 4:
                if (!locals.isEmpty() && random.nextBoolean()) {
                    return new Step.LocalSet(pick(locals), Value.of(pick(NAMES)));
                }
                if (!workerRefs.isEmpty() && random.nextBoolean()) {
                    // a thread variable read from a function, where a parameter could hide it; joined
                    // only when the joining thread holds nothing the other may want (the lock, the
                    // pool's one thread), and only earlier workers, so no two wait for each other
                    String other = pick(workerRefs);
                    boolean mayWait = !scope.locked() && !scope.inTask() && !ranInMain.contains(other);
                    if (!mayWait || random.nextBoolean()) {
                        return new Step.IsAlive(other);
                    }
                    startedByOthers.add(other);
                    return new Step.Repeat(1, List.of(new Step.Start(other), new Step.Join(other, null)));
                }
                return new Step.Introspect(random.nextBoolean() ? Step.Query.CURRENT_THREAD : Step.Query.MAIN_THREAD);
            case 5:
                return new Step.Compute(1);
            case 6:
                if (scope.mayRaise()) {
                    return new Step.Raise(exceptionType(), pick(random.nextBoolean() ? NAMES : ODD_WORDS));
                }
                return new Step.Compute(1);
            case 7:
                return new Step.Repeat(1 + random.nextInt(2), block(scope, depth + 1, rounds * 2));
            case 8, 9:
                if (scope.mayRaise()) {
                    return attempt(scope, depth, rounds);
                }
                return new Step.Print(template(scope));
            case 10, 11:
                return consumerLoop(scope, depth, rounds);
            case 12:
                // a Lock taken twice by one thread waits forever; an RLock may be
                boolean reentrant = resources.contains(new Resource.RLock(lock));
                if (lock != null && !scope.inTask() && (!scope.locked() || reentrant)) {
                    return new Step.With(lock, block(scope.withLock(), depth + 1, rounds));
                }
                return new Step.Print(template(scope));
            default:
                return executor == null || scope.inTask() ? new Step.Print(template(scope)) : pool(depth, rounds);
        }
    }

    private Step attempt(Scope scope, int depth, int rounds) {
        List<Step> body = block(scope, depth + 1, rounds);
        String raised = exceptionType();
        if (random.nextInt(3) > 0) {
            body.add(new Step.Raise(raised, pick(NAMES)));
        }
        String caught = random.nextInt(3) > 0 ? raised : exceptionType();
        return new Step.Try(body, caught, block(scope.withError(), depth + 1, rounds));
    }

    /** A loop with a queue of its own, filled with a round of items and a sentinel for each time it can run. */
    private Step consumerLoop(Scope scope, int depth, int rounds) {
        String queue = resourceName();
        resources.add(new Resource.Queue(queue, 0));
        Value sentinel = switch (random.nextInt(3)) {
            case 0 -> Value.NONE;
            case 1 -> Value.of("stop");
            default -> Value.of(0);
        };
        for (int round = 0; round < rounds; round++) {
            for (int i = 0, n = random.nextInt(MAX_ITEMS_PER_ROUND + 1); i < n; i++) {
                fills.add(new Step.Put(queue, random.nextBoolean() ? Value.of(1 + random.nextInt(9)) : Value.of(pick(NAMES)), null));
            }
            fills.add(new Step.Put(queue, sentinel, null));
        }
        return new Step.GetUntil(queue, sentinel, block(scope.withItem(), depth + 1, rounds * MAX_ITEMS_PER_ROUND));
    }

    /** A task submitted and awaited at once, or mapped over a few items. */
    private Step pool(int depth, int rounds) {
        String function = codeName();
        if (random.nextBoolean()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                items.add(Value.of(i));
            }
            List<String> params = random.nextBoolean() ? List.of() : distinct(1);
            // a mapped task that raised would let the later ones print while the caller handles it
            Scope taskScope = Scope.task(params.isEmpty() ? List.of("item") : params, false);
            Task task = new Task(function, params, List.of(), block(taskScope, depth + 2, rounds * items.size()),
                    Value.of(template(taskScope)));
            return new Step.MapTasks(executor, task, items, true);
        }
        List<String> params = distinct(random.nextInt(3));
        List<Value> args = new ArrayList<>();
        for (int i = 0, n = params.isEmpty() ? random.nextInt(3) : params.size(); i < n; i++) {
            args.add(Value.of(random.nextInt(10)));
        }
        Scope taskScope = Scope.task(params, true);
        Task task = new Task(function, params, args, block(taskScope, depth + 2, rounds), Value.of(template(taskScope)));
        String future = futureName();
        // the result is awaited in the same block, so a submit in a loop is awaited each round
        return new Step.Repeat(1, List.of(new Step.Submit(executor, task, future), new Step.Result(future, null, true)));
    }

    /** A print text mixing literal words, braces and every placeholder the scope allows. */
    private String template(Scope scope) {
        List<String> allowed = new ArrayList<>(List.of("thread"));
        allowed.addAll(counters);
        allowed.addAll(scope.params());
        if (scope.item()) {
            allowed.add("item");
            allowed.add("item");
        }
        if (scope.error()) {
            allowed.add("error");
            allowed.add("error");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            int kind = random.nextInt(5);
            if (kind == 0) {
                text.append(random.nextBoolean() ? pick(NAMES) : pick(ODD_WORDS)).append(' ');
            } else if (kind == 1) {
                text.append("{{").append(pick(NAMES)).append("}} ");
            } else {
                text.append('{').append(pick(allowed)).append("} ");
            }
        }
        return text.toString().strip();
    }

    private String exceptionType() {
        List<String> types = new ArrayList<>(EXTRA_TYPES);
        types.addAll(NAMES);
        types.addAll(codeNames);
        return pick(types);
    }

    private String resourceName() {
        for (int tries = 0; tries < 20; tries++) {
            String name = pick(NAMES);
            if (!declared.contains(name) && !codeNames.contains(name)) {
                declared.add(name);
                return name;
            }
        }
        return freshName();
    }

    /** A worker reference: from {@code names} when given, else a thread name of free text. */
    private String declaredName(List<String> names) {
        for (int tries = 0; tries < 20; tries++) {
            String name = names != null ? pick(names) : pick(NAMES) + (random.nextBoolean() ? "" : pick(ODD_WORDS));
            if (!declared.contains(name)) {
                declared.add(name);
                return name;
            }
        }
        return freshName();
    }

    /** A function or class name: not a resource's, nor a future's; may repeat, giving variants. */
    private String codeName() {
        for (int tries = 0; tries < 20; tries++) {
            String name = pick(NAMES);
            if (!futures.contains(name) && !isResource(name)) {
                codeNames.add(name);
                return name;
            }
        }
        String name = freshName();
        codeNames.add(name);
        return name;
    }

    private String futureName() {
        for (int tries = 0; tries < 20; tries++) {
            String name = pick(NAMES);
            if (!declared.contains(name) && !codeNames.contains(name)) {
                declared.add(name);
                futures.add(name);
                return name;
            }
        }
        String name = freshName();
        futures.add(name);
        return name;
    }

    private boolean isResource(String name) {
        return resources.stream().anyMatch(resource -> resource.name().equals(name));
    }

    private String freshName() {
        String name = "fresh" + (++fresh);
        declared.add(name);
        return name;
    }

    private List<String> distinct(int count) {
        List<String> names = new ArrayList<>();
        while (names.size() < count) {
            String name = pick(NAMES);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The names a print text may use besides {@code thread} and counters. */
    private record Scope(List<String> params, boolean item, boolean error, boolean mayRaise, boolean inTask,
                         boolean locked) {
        static final Scope MODULE = new Scope(List.of(), false, false, true, false, false);

        static Scope function(List<String> params) {
            return new Scope(params, false, false, true, false, false);
        }

        /**
         * A task never waits on the pool it runs in (with one thread, that would never end),
         * nor takes the lock, which the thread waiting for its result may hold.
         */
        static Scope task(List<String> params, boolean mayRaise) {
            return new Scope(params, false, false, mayRaise, true, false);
        }

        Scope withItem() {
            return new Scope(params, true, error, mayRaise, inTask, locked);
        }

        Scope withError() {
            return new Scope(params, item, true, mayRaise, inTask, locked);
        }

        Scope withLock() {
            return new Scope(params, item, error, mayRaise, inTask, true);
        }
    }
}
