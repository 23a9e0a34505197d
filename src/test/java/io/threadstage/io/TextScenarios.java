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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid scenarios that put a text in every place a text can reach the generated
 * Python: the title, worker names and rename targets, io labels, print and returns templates
 * around every placeholder a scope allows ({@code thread}, a counter, a local, parameters,
 * {@code item}, {@code error}), items, sentinels, arguments and keyword values (nested in lists
 * and dicts, keys included), thread-local values, exception messages; with every worker style,
 * an inlined lambda, submitted and mapped tasks, loops, handlers and locks around them. Each
 * text is a distinct placeholder word ({@code t12}) except where equality is the point (an item
 * that is the sentinel), for {@link ScenarioTexts} to replace. Names are plain identifiers:
 * {@link AdversarialScenarios} is the one that makes them collide. The programs are compiled,
 * never run. The same seed always gives the same scenario. Confined to the calling thread.
 */
final class TextScenarios {

    private static final int MAX_DEPTH = 3;
    private static final List<String> TYPES = List.of("ValueError", "KeyError", "Oops", "SystemExit", "Exception");

    private final Random random;
    private final List<String> workerRefs = new ArrayList<>();
    private int texts;
    private int futures;

    private TextScenarios(long seed) {
        this.random = new Random(seed);
    }

    static Scenario generate(long seed) {
        Scenario scenario = new TextScenarios(seed).scenario();
        List<?> problems = new Validator().validate(scenario);
        if (!problems.isEmpty()) {
            throw new AssertionError("seed " + seed + ": the text scenario is invalid: " + problems);
        }
        return scenario;
    }

    private Scenario scenario() {
        List<Resource> resources = List.of(new Resource.Counter("hits", 0), new Resource.Local("data"),
                new Resource.Queue("jobs", 0), new Resource.Executor("pool", 2), new Resource.Lock("guard"),
                new Resource.Event("done"));
        List<Worker> workers = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            workers.add(worker(i));
        }
        List<Step> main = new ArrayList<>(block(Scope.MODULE, 1));
        for (Worker worker : workers) {
            main.add(new Step.Start(worker.ref()));
            if (random.nextInt(3) == 0) {
                main.add(new Step.Rename(worker.ref(), text()));
            }
            main.add(new Step.Join(worker.ref(), null));
        }
        Settings settings = new Settings(random.nextBoolean(), 5, 1.0,
                random.nextBoolean() ? Settings.Excepthook.DEFAULT : Settings.Excepthook.CUSTOM);
        return new Scenario(text(), random.nextBoolean() ? text() : null, settings, resources, workers, main, Map.of());
    }

    private Worker worker(int index) {
        WorkerStyle style = WorkerStyle.values()[random.nextInt(WorkerStyle.values().length)];
        boolean named = random.nextInt(4) > 0;
        String ref = named ? text() : "w" + index;
        List<String> params = switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of("p");
            default -> List.of("p", "q");
        };
        List<Value> args = new ArrayList<>();
        Map<String, Value> kwargs = new LinkedHashMap<>();
        int positional = params.isEmpty() ? 0 : random.nextInt(params.size() + 1);
        for (int i = 0; i < params.size(); i++) {
            if (i < positional) {
                args.add(value(2));
            } else {
                kwargs.put(params.get(i), value(2));
            }
        }
        String function = style == WorkerStyle.TARGET || style == WorkerStyle.LAMBDA && random.nextBoolean()
                ? "work" + random.nextInt(2) : null;
        String className = style == WorkerStyle.SUBCLASS || style == WorkerStyle.CALLABLE ? "Work" + index : null;
        List<Step> steps = style == WorkerStyle.LAMBDA && params.isEmpty() && random.nextBoolean()
                // one call and no arguments: inlined, target=lambda: print("...")
                ? List.of(new Step.Print(template(Scope.function(params))))
                : block(Scope.function(params), 1);
        workerRefs.add(ref);
        return new Worker(named ? ref : null, named ? null : ref, style, function, className, params, args, kwargs,
                random.nextInt(4) == 0, steps);
    }

    private List<Step> block(Scope scope, int depth) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            steps.add(step(scope, depth));
        }
        return steps;
    }

    private Step step(Scope scope, int depth) {
        boolean nest = depth < MAX_DEPTH;
        switch (random.nextInt(nest ? 18 : 10)) {
            case 0, 1, 2:
                return new Step.Print(template(scope));
            case 3:
                return new Step.Io(1, random.nextInt(5) == 0 ? null : text());
            case 4:
                return new Step.Put("jobs", random.nextBoolean() ? Value.of(text()) : value(2), null);
            case 5:
                return new Step.LocalSet("data", value(2));
            case 6:
                Value message = switch (random.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> Value.of(random.nextInt(3));
                    default -> Value.of(text());
                };
                return new Step.Raise(TYPES.get(random.nextInt(TYPES.size())), message);
            case 7:
                if (!workerRefs.isEmpty() && !scope.inTask()) {
                    String worker = workerRefs.get(random.nextInt(workerRefs.size()));
                    return random.nextBoolean() ? new Step.Rename(worker, text()) : new Step.IsAlive(worker);
                }
                return new Step.Increment("hits", 1, random.nextBoolean());
            case 8:
                return random.nextBoolean() ? new Step.LocalGet("data")
                        : new Step.Introspect(Step.Query.values()[random.nextInt(Step.Query.values().length)]);
            case 9:
                return new Step.Print(template(scope));
            case 10, 11:
                Value sentinel = random.nextBoolean() ? Value.NONE : Value.of(text());
                return new Step.GetUntil("jobs", sentinel, block(scope.withItem(), depth + 1));
            case 12, 13:
                return new Step.Try(block(scope, depth + 1), TYPES.get(random.nextInt(TYPES.size())),
                        block(scope.withError(), depth + 1));
            case 14:
                return new Step.Repeat(1 + random.nextInt(2), block(scope, depth + 1));
            case 15:
                return new Step.With("guard", block(scope, depth + 1));
            default:
                return scope.inTask() ? new Step.Print(template(scope)) : pool(depth);
        }
    }

    /** A task submitted (its result printed or not) or mapped over a few values. */
    private Step pool(int depth) {
        String function = "task" + random.nextInt(3);
        if (random.nextBoolean()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                items.add(random.nextBoolean() ? Value.of(text()) : value(1));
            }
            List<String> params = random.nextBoolean() ? List.of() : List.of("p");
            Scope scope = Scope.task(params, params.isEmpty());
            Task task = new Task(function, params, List.of(), block(scope, depth + 2), returns(scope));
            return new Step.MapTasks("pool", task, items, random.nextBoolean());
        }
        List<String> params = random.nextBoolean() ? List.of() : List.of("p");
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            args.add(value(2));
        }
        Scope scope = Scope.task(params, false);
        Task task = new Task(function, params, args, block(scope, depth + 2), returns(scope));
        if (random.nextBoolean()) {
            return new Step.Submit("pool", task, null);
        }
        String future = "f" + (++futures);
        return new Step.Repeat(1, List.of(new Step.Submit("pool", task, future),
                new Step.Result(future, null, random.nextBoolean())));
    }

    private Value returns(Scope scope) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Value.of(template(scope));
            default -> value(2);
        };
    }

    /** Literal runs and the placeholders the scope allows, in any order, never two runs in a row. */
    private String template(Scope scope) {
        List<String> allowed = new ArrayList<>(List.of("thread", "hits", "data"));
        allowed.addAll(scope.params());
        if (scope.item()) {
            allowed.add("item");
        }
        if (scope.error()) {
            allowed.add("error");
        }
        StringBuilder template = new StringBuilder();
        boolean literal = false;
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            if (!literal && random.nextBoolean()) {
                template.append(text());
                literal = true;
            } else {
                template.append('{').append(allowed.get(random.nextInt(allowed.size()))).append('}');
                literal = false;
            }
        }
        return template.toString();
    }

    /** A value of every JSON kind, texts among them at every depth. */
    private Value value(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 5);
        return switch (kind) {
            case 0 -> Value.NONE;
            case 1 -> new Value.Bool(random.nextBoolean());
            case 2 -> Value.of(random.nextInt(100) - 50);
            case 3 -> new Value.Real(random.nextInt(100) / 8.0);
            case 4 -> Value.of(text());
            case 5 -> {
                List<Value> items = new ArrayList<>();
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    items.add(value(depth - 1));
                }
                yield new Value.Array(items);
            }
            default -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    entries.put(text(), value(depth - 1));
                }
                yield new Value.Dict(entries);
            }
        };
    }

    /** A fresh placeholder word, for ScenarioTexts to replace. */
    private String text() {
        return "t" + (++texts);
    }

    /** The placeholders a text may use besides {@code thread}, the counter and the local. */
    private record Scope(List<String> params, boolean item, boolean error, boolean inTask) {
        static final Scope MODULE = new Scope(List.of(), false, false, false);

        static Scope function(List<String> params) {
            return new Scope(params, false, false, false);
        }

        static Scope task(List<String> params, boolean item) {
            return new Scope(params, item, false, true);
        }

        Scope withItem() {
            return new Scope(params, true, error, inTask);
        }

        Scope withError() {
            return new Scope(params, item, true, inTask);
        }
    }
}
