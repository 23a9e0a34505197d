package io.threadstage.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules of the scenario format checked on the model itself: names, references,
 * resource kinds, ranges, print placeholders and nesting depth. The loader runs it after
 * reading a file, and the editor runs it on the model it builds, so both show the same words.
 *
 * <p>Where a problem points: a step's problems point at the step ({@code $.main[2]}) and name
 * the key in the message; a field of the document, of a resource, a worker or a task points at
 * the field ({@code $.settings.speed}, {@code $.resources[1].name}); a missing field points at
 * the object that lacks it ({@code $.workers[0]: missing "style"}).
 *
 * <p>Stateless; any thread. {@link #validate} never throws on a model whose fields are null.
 */
public final class Validator {

    /** Every problem, in document order; empty when the scenario may run. */
    public List<Problem> validate(Scenario scenario) {
        if (scenario == null) {
            return List.of(new Problem("$", "there is no scenario"));
        }
        return new Pass(scenario).run();
    }

    /** One validation of one scenario; holds what has been declared so far. */
    private static final class Pass {

        private static final int ROOT_DEPTH = 1;
        private static final int MAIN_STEP_DEPTH = 3;
        private static final int WORKER_STEP_DEPTH = 5;

        private final Scenario scenario;
        private final List<Problem> problems = new ArrayList<>();
        /** Names steps refer to (resources, worker references, futures) and where each is declared. */
        private final Map<String, String> declared = new HashMap<>();
        /** Every future of the document and its first {@code submit}, to tell "later" from "never". */
        private final Map<String, String> futuresAnywhere = new LinkedHashMap<>();
        private final Set<String> futuresSoFar = new HashSet<>();

        Pass(Scenario scenario) {
            this.scenario = scenario;
        }

        List<Problem> run() {
            collectFutures();
            checkExtensions();
            checkTitle();
            checkSettings();
            for (int i = 0; i < scenario.resources().size(); i++) {
                checkResource(scenario.resources().get(i), "$.resources[" + i + "]");
            }
            checkThreadCount();
            for (int i = 0; i < scenario.workers().size(); i++) {
                checkWorkerHeader(scenario.workers().get(i), "$.workers[" + i + "]");
            }
            for (int i = 0; i < scenario.workers().size(); i++) {
                Worker worker = scenario.workers().get(i);
                Scope scope = Scope.of(worker.params());
                checkSteps(worker.steps(), BodyPath.worker(i), WORKER_STEP_DEPTH, scope);
            }
            checkSteps(scenario.main(), BodyPath.main(), MAIN_STEP_DEPTH, Scope.of(List.of()));
            return List.copyOf(problems);
        }

        /** Like {@link Scenario#resource}, but safe on resources whose name is still missing. */
        private Resource resourceNamed(String name) {
            for (Resource resource : scenario.resources()) {
                if (name.equals(resource.name())) {
                    return resource;
                }
            }
            return null;
        }

        private void report(String path, String message) {
            problems.add(new Problem(path, message));
        }

        // ---- document ----

        private void checkExtensions() {
            for (Map.Entry<String, Value> entry : scenario.extensions().entrySet()) {
                if (!entry.getKey().startsWith("x-")) {
                    report("$", "unknown key " + Texts.quote(entry.getKey()));
                } else {
                    checkValueDepth("$." + entry.getKey(), ROOT_DEPTH, entry.getValue());
                }
            }
        }

        private void checkTitle() {
            if (scenario.title() == null) {
                report("$", "missing \"title\"");
            } else if (scenario.title().isBlank()) {
                report("$.title", "must not be empty");
            }
        }

        private void checkSettings() {
            Settings settings = scenario.settings();
            if (settings == null) {
                report("$", "missing \"settings\"");
                return;
            }
            String interval = Limits.SWITCH_INTERVAL_MS.problem(settings.switchIntervalMs());
            if (interval != null) {
                report("$.settings.switchIntervalMs", interval);
            }
            String speed = Limits.speedProblem(settings.speed());
            if (speed != null) {
                report("$.settings.speed", speed);
            }
            if (settings.excepthook() == null) {
                report("$.settings.excepthook", "must be \"default\" or \"custom\"");
            }
        }

        // ---- resources and workers ----

        /**
         * Every worker is a thread object from the run's start, started or not, and each
         * executor makes up to {@code maxWorkers} more: together they must fit the ids a trace
         * can number, or the run would fail at its start (or at a submit) instead of here.
         */
        private void checkThreadCount() {
            long pool = 0;
            for (Resource resource : scenario.resources()) {
                if (resource instanceof Resource.Executor executor && Limits.MAX_WORKERS.contains(executor.maxWorkers())) {
                    pool += executor.maxWorkers();
                }
            }
            long workers = scenario.workers().size();
            if (workers + pool > Limits.MAX_THREAD_OBJECTS) {
                report("$.workers", "a scenario may have at most " + Limits.MAX_THREAD_OBJECTS
                        + " threads besides MainThread (a trace numbers them up to " + Limits.MAX_THREAD_OBJECTS
                        + "), this one has " + workers + " workers" + (pool > 0 ? " and " + pool
                        + " pool threads (the executors' maxWorkers)" : ""));
            }
        }

        private void checkResource(Resource resource, String path) {
            if (resource.name() == null) {
                report(path, "missing \"name\"");
            } else {
                declare(resource.name(), path + ".name", path);
            }
            if (resource instanceof Resource.Queue) {
                String size = Limits.MAXSIZE.problem(((Resource.Queue) resource).maxsize());
                if (size != null) {
                    report(path + ".maxsize", size);
                }
            } else if (resource instanceof Resource.Executor) {
                String workers = Limits.MAX_WORKERS.problem(((Resource.Executor) resource).maxWorkers());
                if (workers != null) {
                    report(path + ".maxWorkers", workers);
                }
            } else if (resource instanceof Resource.Counter counter) {
                String digits = counter.value() == null ? "must be a whole number" : Limits.digitsProblem(counter.value());
                if (digits != null) {
                    report(path + ".value", digits);
                }
            }
        }

        /** Registers a name steps refer to; {@code where} is the object that declares it. */
        private void declare(String name, String namePath, String where) {
            String problem = PythonIdentifiers.problemWith(name);
            if (problem != null) {
                report(namePath, problem);
                return;
            }
            nameIsFree(name, namePath, where);
        }

        private boolean nameIsFree(String name, String problemPath, String where) {
            String earlier = declared.get(name);
            if (earlier != null) {
                report(problemPath, Texts.quote(name) + " is already the name of " + earlier);
                return false;
            }
            declared.put(name, where);
            return true;
        }

        private void checkWorkerHeader(Worker worker, String path) {
            if (worker.style() == null) {
                report(path, "missing \"style\"");
            }
            if (worker.name() != null && worker.name().isBlank()) {
                report(path + ".name", "must not be empty");
            }
            if (worker.id() != null) {
                String problem = PythonIdentifiers.problemWith(worker.id());
                if (problem != null) {
                    report(path + ".id", problem);
                }
            }
            if (worker.name() == null && worker.id() == null) {
                report(path, "needs \"name\" or \"id\"");
            } else if (worker.ref() != null && !worker.ref().isBlank()) {
                String refPath = path + (worker.name() != null ? ".name" : ".id");
                if (worker.name() != null || PythonIdentifiers.problemWith(worker.id()) == null) {
                    nameIsFree(worker.ref(), refPath, path);
                }
            }
            checkWorkerStyle(worker, path);
            checkParameters(worker.params(), worker.args().size(), worker.kwargs(), path);
            checkValueList(path + ".args", 3, worker.args());
            checkValueDepth(path + ".kwargs", 3, new Value.Dict(worker.kwargs()));
        }

        private void checkWorkerStyle(Worker worker, String path) {
            WorkerStyle style = worker.style();
            if (style == null) {
                return;
            }
            boolean wantsFunction = style == WorkerStyle.TARGET;
            boolean mayHaveFunction = wantsFunction || style == WorkerStyle.LAMBDA;
            boolean wantsClass = style == WorkerStyle.SUBCLASS || style == WorkerStyle.CALLABLE;
            String styleName = Texts.quote(style.json());
            if (wantsFunction && worker.function() == null) {
                report(path, "style " + styleName + " needs \"function\"");
            }
            if (wantsClass && worker.className() == null) {
                report(path, "style " + styleName + " needs \"class\"");
            }
            if (worker.function() != null) {
                if (!mayHaveFunction) {
                    report(path + ".function", "\"function\" is only for styles \"target\" and \"lambda\"");
                } else {
                    checkCodeName(worker.function(), path + ".function");
                }
            }
            if (worker.className() != null) {
                if (!wantsClass) {
                    report(path + ".class", "\"class\" is only for styles \"subclass\" and \"callable\"");
                } else {
                    checkCodeName(worker.className(), path + ".class");
                }
            }
        }

        /** A function or class name: an identifier that does not hide a resource or a future. */
        private void checkCodeName(String name, String path) {
            String problem = PythonIdentifiers.problemWith(name);
            if (problem != null) {
                report(path, problem);
                return;
            }
            String resource = resourceNamed(name) != null ? declared.get(name) : null;
            String future = futuresAnywhere.get(name);
            String clash = resource != null ? resource : future;
            if (clash != null) {
                report(path, Texts.quote(name) + " is already the name of " + clash);
            }
        }

        /**
         * Parameter names, and whether the arguments fill them: Python refuses a call with too
         * many or too few, so the generated program would not run.
         */
        private void checkParameters(List<String> params, int positional, Map<String, Value> kwargs, String path) {
            Set<String> seen = new HashSet<>();
            for (String param : params) {
                String problem = PythonIdentifiers.problemWith(param);
                if (problem != null) {
                    report(path + ".params", problem);
                    return;
                }
                if (!seen.add(param)) {
                    report(path + ".params", Texts.quote(param) + " appears twice");
                    return;
                }
            }
            for (String key : kwargs.keySet()) {
                String problem = PythonIdentifiers.problemWith(key);
                if (problem != null) {
                    report(path + ".kwargs", problem);
                    return;
                }
            }
            if (params.isEmpty()) {
                return;
            }
            int given = positional + kwargs.size();
            if (given != params.size()) {
                report(path, given + (given == 1 ? " argument" : " arguments") + " for "
                        + params.size() + (params.size() == 1 ? " parameter " : " parameters ")
                        + Texts.andList(params));
                return;
            }
            List<String> keywordParams = params.subList(Math.min(positional, params.size()), params.size());
            for (String key : kwargs.keySet()) {
                if (!keywordParams.contains(key)) {
                    report(path + ".kwargs", Texts.quote(key) + " is not one of the parameters left after \"args\"");
                    return;
                }
            }
        }

        // ---- steps ----

        private void checkSteps(List<Step> steps, BodyPath list, int depth, Scope scope) {
            for (int i = 0; i < steps.size(); i++) {
                StepPath at = list.at(i);
                if (innermostDepth(steps.get(i), depth) > Limits.MAX_DEPTH) {
                    report(at.jsonPath(), "nesting deeper than " + Limits.MAX_DEPTH + " levels");
                    return;
                }
                steps.get(i).accept(new StepCheck(at, depth, scope));
            }
        }

        /**
         * How deep the step's own containers go when written: a block's list is one level
         * below the step, a task's steps two (the task object, then its list). Even an empty
         * block counts, since the writer writes it and the loader counts it.
         */
        private static int innermostDepth(Step step, int depth) {
            if (step instanceof Step.Submit || step instanceof Step.MapTasks) {
                return depth + 2;
            }
            return step.blockKeys().isEmpty() ? depth : depth + 1;
        }

        /**
         * The checks of one step at {@code at}, nested in {@code depth} containers, where a
         * print may name {@code scope}. Every verb has its method, so a new type of step cannot
         * pass unchecked.
         */
        private final class StepCheck implements StepVisitor<Void> {

            private final StepPath at;
            /** The step's JSON path, the place its problems name. */
            private final String path;
            private final int depth;
            private final Scope scope;

            StepCheck(StepPath at, int depth, Scope scope) {
                this.at = at;
                this.path = at.jsonPath();
                this.depth = depth;
                this.scope = scope;
            }

            @Override
            public Void visit(Step.Compute compute) {
                time(path, "compute", compute.ms());
                return null;
            }

            @Override
            public Void visit(Step.Sleep sleep) {
                time(path, "sleep", sleep.ms());
                return null;
            }

            @Override
            public Void visit(Step.Io io) {
                time(path, "io", io.ms());
                return null;
            }

            @Override
            public Void visit(Step.Print print) {
                if (print.text() == null) {
                    report(path, "\"print\" needs a text");
                } else {
                    checkTemplate(print.text(), path, "the text", scope);
                }
                return null;
            }

            @Override
            public Void visit(Step.Acquire acquire) {
                lock(path, "acquire", acquire.lock());
                timeout(path, acquire.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.Release release) {
                lock(path, "release", release.lock());
                return null;
            }

            @Override
            public Void visit(Step.With with) {
                lock(path, "with", with.lock());
                checkSteps(with.body(), at.block(BodyPath.DO), depth + 2, scope);
                return null;
            }

            @Override
            public Void visit(Step.Put put) {
                resource(path, "put", put.queue(), Resource.Queue.class, "queue");
                if (put.item() == null) {
                    report(path, "\"put\" needs \"item\"");
                } else {
                    checkValueDepth(path, depth, put.item());
                }
                timeout(path, put.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.Get get) {
                resource(path, "get", get.queue(), Resource.Queue.class, "queue");
                timeout(path, get.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.GetUntil loop) {
                resource(path, "get", loop.queue(), Resource.Queue.class, "queue");
                if (loop.sentinel() == null) {
                    report(path, "\"get\" needs \"until_item\"");
                } else {
                    checkValueDepth(path, depth, loop.sentinel());
                }
                checkSteps(loop.body(), at.block(BodyPath.DO), depth + 2, scope.with("item"));
                return null;
            }

            @Override
            public Void visit(Step.TaskDone done) {
                resource(path, "task_done", done.queue(), Resource.Queue.class, "queue");
                return null;
            }

            @Override
            public Void visit(Step.JoinQueue join) {
                resource(path, "join_queue", join.queue(), Resource.Queue.class, "queue");
                return null;
            }

            @Override
            public Void visit(Step.Wait wait) {
                resource(path, "wait", wait.event(), Resource.Event.class, "event");
                timeout(path, wait.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.SetEvent set) {
                resource(path, "set", set.event(), Resource.Event.class, "event");
                return null;
            }

            @Override
            public Void visit(Step.ClearEvent clear) {
                resource(path, "clear", clear.event(), Resource.Event.class, "event");
                return null;
            }

            @Override
            public Void visit(Step.Until until) {
                resource(path, "until", until.event(), Resource.Event.class, "event");
                checkSteps(until.body(), at.block(BodyPath.DO), depth + 2, scope);
                time(path, until.bySleep() ? "sleep" : "wait", until.pauseMs());
                return null;
            }

            @Override
            public Void visit(Step.Start start) {
                worker(path, "start", start.worker());
                return null;
            }

            @Override
            public Void visit(Step.Run run) {
                worker(path, "run", run.worker());
                return null;
            }

            @Override
            public Void visit(Step.Join join) {
                worker(path, "join", join.worker());
                timeout(path, join.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.IsAlive isAlive) {
                worker(path, "is_alive", isAlive.worker());
                return null;
            }

            @Override
            public Void visit(Step.SetDaemon setDaemon) {
                worker(path, "set_daemon", setDaemon.worker());
                return null;
            }

            @Override
            public Void visit(Step.Rename rename) {
                worker(path, "rename", rename.worker());
                if (rename.to() == null) {
                    report(path, "\"rename\" needs \"to\"");
                }
                return null;
            }

            @Override
            public Void visit(Step.Submit submit) {
                checkSubmit(submit, at, depth);
                return null;
            }

            @Override
            public Void visit(Step.Result result) {
                future(path, result.future());
                timeout(path, result.timeoutMs());
                return null;
            }

            @Override
            public Void visit(Step.MapTasks map) {
                checkMap(map, at, depth);
                return null;
            }

            @Override
            public Void visit(Step.Shutdown shutdown) {
                resource(path, "shutdown", shutdown.executor(), Resource.Executor.class, "executor");
                return null;
            }

            @Override
            public Void visit(Step.LocalSet set) {
                resource(path, "local_set", set.local(), Resource.Local.class, "local");
                if (set.value() == null) {
                    report(path, "\"local_set\" needs \"value\"");
                } else {
                    checkValueDepth(path, depth, set.value());
                }
                return null;
            }

            @Override
            public Void visit(Step.LocalGet get) {
                resource(path, "local_get", get.local(), Resource.Local.class, "local");
                return null;
            }

            @Override
            public Void visit(Step.Increment increment) {
                resource(path, "increment", increment.counter(), Resource.Counter.class, "counter");
                String digits = increment.by() == null ? "must be a whole number" : Limits.digitsProblem(increment.by());
                if (digits != null) {
                    report(path, "\"by\" " + digits);
                }
                return null;
            }

            @Override
            public Void visit(Step.Raise raise) {
                exceptionType(path, "raise", raise.type());
                raiseMessage(path, raise.message());
                return null;
            }

            @Override
            public Void visit(Step.Try attempt) {
                checkSteps(attempt.body(), at.block(BodyPath.TRY), depth + 2, scope);
                exceptionType(path, "except", attempt.except());
                checkSteps(attempt.handler(), at.block(BodyPath.THEN), depth + 2, scope.with("error"));
                return null;
            }

            @Override
            public Void visit(Step.Repeat repeat) {
                String problem = Limits.REPEAT.problem(repeat.times());
                if (problem != null) {
                    report(path, "\"repeat\" " + problem);
                }
                checkSteps(repeat.body(), at.block(BodyPath.DO), depth + 2, scope);
                return null;
            }

            @Override
            public Void visit(Step.Introspect introspect) {
                if (introspect.query() == null) {
                    report(path, "a step needs exactly one verb, this one has none");
                }
                return null;
            }
        }

        private void checkSubmit(Step.Submit submit, StepPath at, int depth) {
            String path = at.jsonPath();
            resource(path, "submit", submit.executor(), Resource.Executor.class, "executor");
            Task task = submit.task();
            if (task == null) {
                report(path, "\"submit\" needs \"task\"");
            } else {
                checkTask(task, at, depth, task.args().size(), Scope.of(task.params()));
            }
            String future = submit.future();
            if (future == null) {
                return;
            }
            String problem = PythonIdentifiers.keyProblem("as", future);
            if (problem != null) {
                report(path, problem);
                return;
            }
            String earlier = declared.get(future);
            if (earlier != null) {
                report(path, Texts.quote(future) + " is already the name of " + earlier);
            } else {
                declared.put(future, path);
            }
            futuresSoFar.add(future);
        }

        private void checkMap(Step.MapTasks map, StepPath at, int depth) {
            String path = at.jsonPath();
            resource(path, "map", map.executor(), Resource.Executor.class, "executor");
            Task task = map.task();
            if (task == null) {
                report(path, "\"map\" needs \"task\"");
            } else {
                if (!task.args().isEmpty()) {
                    report(path + ".task", "a \"map\" task takes its arguments from \"items\", not \"args\"");
                }
                if (task.params().size() > 1) {
                    report(path + ".task", "a \"map\" task takes one parameter, not " + task.params().size());
                }
                Scope scope = task.params().isEmpty() ? Scope.of(List.of("item")) : Scope.of(task.params());
                checkTask(task, at, depth, task.params().isEmpty() ? 0 : 1, scope);
            }
            for (Value item : map.items()) {
                checkValueDepth(path, depth + 1, item);
            }
        }

        private void checkTask(Task task, StepPath step, int stepDepth, int positional, Scope scope) {
            String path = step.jsonPath() + ".task";
            if (task.function() == null) {
                report(path, "missing \"function\"");
            } else {
                checkCodeName(task.function(), path + ".function");
            }
            checkParameters(task.params(), positional, Map.of(), path);
            checkValueList(path + ".args", stepDepth + 1, task.args());
            checkSteps(task.steps(), step.block(BodyPath.TASK), stepDepth + 3, scope);
            if (task.returns() != null) {
                checkValueDepth(path + ".returns", stepDepth + 1, task.returns());
                if (task.returns() instanceof Value.Text) {
                    checkTemplate(((Value.Text) task.returns()).value(), path, "\"returns\"", scope);
                }
            }
        }

        // ---- the pieces of a step ----

        private void time(String path, String key, long ms) {
            String problem = Limits.STEP_MS.problem(ms);
            if (problem != null) {
                report(path, "\"" + key + "\" " + problem);
            }
        }

        private void timeout(String path, Long ms) {
            if (ms != null) {
                time(path, "timeout", ms);
            }
        }

        private void lock(String path, String verb, String name) {
            Resource resource = existing(path, verb, name, "lock");
            if (resource != null && !(resource instanceof Resource.Lock) && !(resource instanceof Resource.RLock)) {
                wrongKind(path, verb, "lock", resource);
            }
        }

        private void resource(String path, String verb, String name, Class<? extends Resource> kind, String kindName) {
            Resource resource = existing(path, verb, name, kindName);
            if (resource != null && !kind.isInstance(resource)) {
                wrongKind(path, verb, kindName, resource);
            }
        }

        private Resource existing(String path, String verb, String name, String kindName) {
            if (name == null) {
                report(path, "\"" + verb + "\" needs the name of " + Texts.withArticle(kindName));
                return null;
            }
            Resource resource = resourceNamed(name);
            if (resource == null) {
                report(path, "unknown " + kindName + " " + Texts.quote(name));
            }
            return resource;
        }

        private void wrongKind(String path, String verb, String wanted, Resource actual) {
            report(path, "\"" + verb + "\" needs " + Texts.withArticle(wanted) + ", but "
                    + Texts.quote(actual.name()) + " is " + Texts.withArticle(actual.kind()));
        }

        private void worker(String path, String verb, String ref) {
            if (ref == null) {
                report(path, "\"" + verb + "\" needs the name of a worker");
            } else if (scenario.worker(ref).isEmpty()) {
                report(path, "unknown worker " + Texts.quote(ref));
            }
        }

        private void future(String path, String name) {
            if (name == null) {
                report(path, "\"result\" needs the name of a future");
            } else if (futuresSoFar.contains(name)) {
                return;
            } else if (futuresAnywhere.containsKey(name)) {
                report(path, "future " + Texts.quote(name) + " is submitted only later, at " + futuresAnywhere.get(name));
            } else {
                report(path, "unknown future " + Texts.quote(name));
            }
        }

        private void exceptionType(String path, String key, String type) {
            if (type == null) {
                report(path, "\"" + key + "\" needs an exception type");
                return;
            }
            String problem = PythonIdentifiers.keyProblem(key, type);
            if (problem != null) {
                report(path, problem);
            }
        }

        /** A text, or an int as {@code SystemExit(3)} takes; a None or a list would print otherwise in Python. */
        private void raiseMessage(String path, Value message) {
            if (message == null || message instanceof Value.Text) {
                return;
            }
            if (!(message instanceof Value.Int number)) {
                report(path, "\"message\" must be text or a whole number, got " + describe(message));
                return;
            }
            String digits = Limits.digitsProblem(number.value());
            if (digits != null) {
                report(path, "\"message\" " + digits);
            }
        }

        /** A value as the document writes it, for a message. */
        private static String describe(Value value) {
            if (value instanceof Value.Bool bool) {
                return Boolean.toString(bool.value());
            }
            if (value instanceof Value.Null) {
                return "null";
            }
            if (value instanceof Value.Array) {
                return "a list";
            }
            if (value instanceof Value.Dict) {
                return "an object";
            }
            return PythonRepr.repr(value);
        }

        // ---- print templates ----

        /**
         * A print text: each {@code {name}} must be {@code thread}, a counter, a local or a
         * name in scope ({@code {param}}, {@code {item}}, {@code {error}}).
         */
        private void checkTemplate(String text, String path, String what, Scope scope) {
            String syntax = PrintTemplateSyntax.syntaxProblem(text, what);
            if (syntax != null) {
                report(path, syntax);
                return;
            }
            for (PrintTemplateSyntax.Part part : PrintTemplateSyntax.parts(text)) {
                if (part.placeholder() && !placeholder(part.text(), path, what, scope)) {
                    return;
                }
            }
        }

        private boolean placeholder(String name, String path, String what, Scope scope) {
            if (name.equals("thread") || scope.names().contains(name)) {
                return true;
            }
            Resource resource = resourceNamed(name);
            if (resource instanceof Resource.Counter || resource instanceof Resource.Local) {
                return true;
            }
            if (resource != null) {
                report(path, "{" + name + "} in " + what + " is " + Texts.withArticle(resource.kind())
                        + ": a text can show {thread}, counters, locals and parameters");
            } else {
                report(path, "unknown name {" + name + "} in " + what);
            }
            return false;
        }

        // ---- values and depth ----

        private void checkValueList(String path, int ownerDepth, List<Value> values) {
            checkValueDepth(path, ownerDepth, new Value.Array(values));
        }

        /** Values nest too: the document as written must stay within the depth the loader reads. */
        private void checkValueDepth(String path, int ownerDepth, Value value) {
            int room = Limits.MAX_DEPTH - ownerDepth;
            String problem = valueProblem(value, room);
            if (problem != null) {
                report(path, problem);
            }
        }

        private String valueProblem(Value value, int room) {
            if (value instanceof Value.Real) {
                double real = ((Value.Real) value).value();
                return Double.isFinite(real) ? null : "a number must be finite, got " + real;
            }
            if (value instanceof Value.Int) {
                return Limits.digitsProblem(((Value.Int) value).value());
            }
            List<Value> children;
            if (value instanceof Value.Array) {
                children = ((Value.Array) value).items();
            } else if (value instanceof Value.Dict) {
                children = List.copyOf(((Value.Dict) value).entries().values());
            } else {
                return null;
            }
            if (room <= 0) {
                return "nesting deeper than " + Limits.MAX_DEPTH + " levels";
            }
            for (Value child : children) {
                String problem = valueProblem(child, room - 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        // ---- futures, found before the checks so "later" can be told from "never" ----

        private void collectFutures() {
            for (int i = 0; i < scenario.workers().size(); i++) {
                collectFutures(scenario.workers().get(i).steps(), BodyPath.worker(i), WORKER_STEP_DEPTH);
            }
            collectFutures(scenario.main(), BodyPath.main(), MAIN_STEP_DEPTH);
        }

        /** Not through {@link Step#blocks()}: a step may lack its task here, before it is checked. */
        private void collectFutures(List<Step> steps, BodyPath list, int depth) {
            if (depth > Limits.MAX_DEPTH) {
                return;
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                StepPath at = list.at(i);
                if (step instanceof Step.Submit) {
                    Step.Submit submit = (Step.Submit) step;
                    if (submit.task() != null) {
                        collectFutures(submit.task().steps(), at.block(BodyPath.TASK), depth + 3);
                    }
                    if (submit.future() != null) {
                        futuresAnywhere.putIfAbsent(submit.future(), at.jsonPath());
                    }
                } else if (step instanceof Step.MapTasks) {
                    Task task = ((Step.MapTasks) step).task();
                    if (task != null) {
                        collectFutures(task.steps(), at.block(BodyPath.TASK), depth + 3);
                    }
                } else {
                    List<List<Step>> blocks = step.blocks();
                    for (int b = 0; b < blocks.size(); b++) {
                        collectFutures(blocks.get(b), at.block(step.blockKeys().get(b)), depth + 2);
                    }
                }
            }
        }
    }

    /** The names a print text may use besides {@code thread}, counters and locals. */
    private record Scope(Set<String> names) {

        static Scope of(List<String> names) {
            return new Scope(Set.copyOf(names));
        }

        Scope with(String name) {
            Set<String> more = new HashSet<>(names);
            more.add(name);
            return new Scope(Set.copyOf(more));
        }
    }
}
