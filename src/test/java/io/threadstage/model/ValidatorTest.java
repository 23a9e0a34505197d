package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on models built in code, as the editor builds them. */
class ValidatorTest {

    private final Validator validator = new Validator();

    private static Scenario withMain(Step... steps) {
        return ModelFixtures.everyVerb().withMain(List.of(steps));
    }

    private List<Problem> problems(Scenario scenario) {
        return validator.validate(scenario);
    }

    private static Worker target(String name, List<Step> steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false, steps);
    }

    @Test
    void aValidScenarioHasNoProblem() {
        assertEquals(List.of(), problems(ModelFixtures.everyVerb()));
        assertEquals(List.of(), problems(ModelFixtures.small()));
    }

    @Test
    void aNullScenarioIsAProblemNotAnException() {
        assertEquals(List.of(new Problem("$", "there is no scenario")), problems(null));
    }

    @Test
    void aMissingOrBlankTitleIsNamed() {
        assertEquals(List.of(new Problem("$", "missing \"title\"")), problems(ModelFixtures.small().withTitle(null)));
        assertEquals(List.of(new Problem("$.title", "must not be empty")), problems(ModelFixtures.small().withTitle(" ")));
    }

    @Test
    void settingsOutsideTheirRangesPointAtTheField() {
        Scenario scenario = ModelFixtures.small().withSettings(new Settings(false, 0, 20.5, null));
        assertEquals(List.of(
                new Problem("$.settings.switchIntervalMs", "must be between 1 and 1000 ms, got 0"),
                new Problem("$.settings.speed", "must be between 0.05 and 20, got 20.5"),
                new Problem("$.settings.excepthook", "must be \"default\" or \"custom\"")), problems(scenario));
    }

    @Test
    void speedBoundsAreInclusiveAndNaNIsRefused() {
        assertEquals(List.of(), problems(ModelFixtures.small().withSettings(Settings.DEFAULT.withSpeed(0.05))));
        assertEquals(List.of(), problems(ModelFixtures.small().withSettings(Settings.DEFAULT.withSpeed(20))));
        assertEquals(List.of(new Problem("$.settings.speed", "must be between 0.05 and 20, got NaN")),
                problems(ModelFixtures.small().withSettings(Settings.DEFAULT.withSpeed(Double.NaN))));
    }

    @Test
    void resourceNamesMustBeUniqueIdentifiers() {
        Scenario scenario = ModelFixtures.small().withResources(List.of(new Resource.Queue("jobs", 2),
                new Resource.Lock("jobs"), new Resource.Event("2fast"), new Resource.Local("None"), new Resource.Counter(null, 0)));
        assertEquals(List.of(
                new Problem("$.resources[1].name", "\"jobs\" is already the name of $.resources[0]"),
                new Problem("$.resources[2].name", "\"2fast\" is not a Python identifier"),
                new Problem("$.resources[3].name", "\"None\" is a Python keyword"),
                new Problem("$.resources[4]", "missing \"name\"")), problems(scenario));
    }

    @Test
    void resourceSizesAreChecked() {
        Scenario scenario = ModelFixtures.small().withResources(List.of(new Resource.Queue("jobs", -1),
                new Resource.Executor("pool", 65), new Resource.Executor("small", 0), new Resource.Queue("big", 0)));
        assertEquals(List.of(
                new Problem("$.resources[0].maxsize", "must be at least 0, got -1"),
                new Problem("$.resources[1].maxWorkers", "must be between 1 and 64, got 65"),
                new Problem("$.resources[2].maxWorkers", "must be between 1 and 64, got 0")), problems(scenario));
    }

    @Test
    void workersNeedAReferenceNameAndTheirStylesParts() {
        List<Worker> workers = List.of(
                new Worker(null, null, WorkerStyle.TARGET, null, null, List.of(), List.of(), Map.of(), false, List.of()),
                new Worker("Same", null, WorkerStyle.SUBCLASS, "f", null, List.of(), List.of(), Map.of(), false, List.of()),
                new Worker("Same", null, WorkerStyle.LAMBDA, "f", "C", List.of(), List.of(), Map.of(), false, List.of()),
                new Worker(null, "not-an-id", null, null, null, List.of(), List.of(), Map.of(), false, List.of()),
                new Worker("", null, WorkerStyle.CALLABLE, null, "class", List.of(), List.of(), Map.of(), false, List.of()));
        assertEquals(List.of(
                new Problem("$.workers[0]", "needs \"name\" or \"id\""),
                new Problem("$.workers[0]", "style \"target\" needs \"function\""),
                new Problem("$.workers[1]", "style \"subclass\" needs \"class\""),
                new Problem("$.workers[1].function", "\"function\" is only for styles \"target\" and \"lambda\""),
                new Problem("$.workers[2].name", "\"Same\" is already the name of $.workers[1]"),
                new Problem("$.workers[2].class", "\"class\" is only for styles \"subclass\" and \"callable\""),
                new Problem("$.workers[3]", "missing \"style\""),
                new Problem("$.workers[3].id", "\"not-an-id\" is not a Python identifier"),
                new Problem("$.workers[4].name", "must not be empty"),
                new Problem("$.workers[4].class", "\"class\" is a Python keyword")),
                problems(ModelFixtures.small().withWorkers(workers).withMain(List.of())));
    }

    @Test
    void aWorkerNameMayBeAnyTextButAnIdMustBeAnIdentifier() {
        Scenario scenario = ModelFixtures.small().withWorkers(List.of(
                target("PaymentService-Processor-1", List.of()),
                new Worker(null, "helper", WorkerStyle.LAMBDA, null, null, List.of(), List.of(), Map.of(), false, List.of())))
                .withMain(List.of(new Step.Start("PaymentService-Processor-1"), new Step.Start("helper")));
        assertEquals(List.of(), problems(scenario));
    }

    @Test
    void parametersMustMatchTheArguments() {
        Worker worker = new Worker("W", null, WorkerStyle.TARGET, "work", null, List.of("a", "b"),
                List.of(Value.of(1)), Map.of("c", Value.of(2)), false, List.of());
        Worker repeated = new Worker("V", null, WorkerStyle.TARGET, "work", null, List.of("a", "a"),
                List.of(Value.of(1), Value.of(2)), Map.of(), false, List.of());
        Worker fits = new Worker("U", null, WorkerStyle.TARGET, "work", null, List.of("a", "b"),
                List.of(Value.of(1)), Map.of("b", Value.of(2)), false, List.of());
        Worker missing = new Worker("T", null, WorkerStyle.TARGET, "work", null, List.of("a", "b"),
                List.of(Value.of(1)), Map.of(), false, List.of());
        assertEquals(List.of(
                new Problem("$.workers[0].kwargs", "\"c\" is not one of the parameters left after \"args\""),
                new Problem("$.workers[1].params", "\"a\" appears twice"),
                new Problem("$.workers[3]", "1 argument for 2 parameters \"a\" and \"b\"")),
                problems(ModelFixtures.small().withWorkers(List.of(worker, repeated, fits, missing)).withMain(List.of())));
    }

    @Test
    void referencesMustExistAndHaveTheRightKind() {
        assertEquals(List.of(
                new Problem("$.main[0]", "unknown worker \"Prodcuer\""),
                new Problem("$.main[1]", "\"put\" needs a queue, but \"a_lock\" is a lock"),
                new Problem("$.main[2]", "unknown queue \"jbos\""),
                new Problem("$.main[3]", "\"acquire\" needs a lock, but \"stop\" is an event"),
                new Problem("$.main[4]", "\"with\" needs a lock, but \"jobs\" is a queue"),
                new Problem("$.main[5]", "\"submit\" needs an executor, but \"hits\" is a counter"),
                new Problem("$.main[6]", "\"local_get\" needs a local, but \"pool\" is an executor"),
                new Problem("$.main[7]", "\"increment\" needs a counter, but \"context\" is a local"),
                new Problem("$.main[8]", "\"set\" needs an event, but \"r_lock\" is an rlock"),
                new Problem("$.main[9]", "\"start\" needs the name of a worker")),
                problems(withMain(new Step.Join("Prodcuer", null), new Step.Put("a_lock", Value.of(1), null),
                        new Step.Get("jbos", null), new Step.Acquire("stop", null), new Step.With("jobs", List.of()),
                        new Step.Submit("hits", new Task("f", List.of(), List.of(), List.of(), null), null),
                        new Step.LocalGet("pool"), new Step.Increment("context", 1), new Step.SetEvent("r_lock"),
                        new Step.Start(null))));
    }

    @Test
    void anRLockServesEveryLockVerb() {
        assertEquals(List.of(), problems(withMain(new Step.Acquire("r_lock", null), new Step.Release("r_lock"),
                new Step.With("r_lock", List.of()))));
    }

    @Test
    void aResultNeedsAFutureSubmittedEarlier() {
        Task task = new Task("ask", List.of(), List.of(), List.of(), Value.of(42));
        assertEquals(List.of(
                new Problem("$.main[0]", "future \"answer\" is submitted only later, at $.main[1]"),
                new Problem("$.main[2]", "unknown future \"other\""),
                new Problem("$.main[3]", "\"answer\" is already the name of $.main[1]"),
                new Problem("$.main[4]", "\"as\" must be a Python identifier, got \"an answer\""),
                new Problem("$.main[5]", "\"jobs\" is already the name of $.resources[3]")),
                problems(withMain(new Step.Result("answer", null, false), new Step.Submit("pool", task, "answer"),
                        new Step.Result("other", null, false), new Step.Submit("pool", task, "answer"),
                        new Step.Submit("pool", task, "an answer"), new Step.Submit("pool", task, "jobs"))));
    }

    @Test
    void aFutureSubmittedInsideABlockOrAWorkerCountsAsEarlier() {
        Task task = new Task("ask", List.of(), List.of(), List.of(), null);
        Scenario scenario = withMain(new Step.Repeat(1, List.of(new Step.Submit("pool", task, "later"))),
                new Step.Result("later", 10L, true));
        assertEquals(List.of(), problems(scenario));
    }

    @Test
    void timesAndCountsMustBeSensible() {
        assertEquals(List.of(
                new Problem("$.main[0]", "\"compute\" must be between 0 and 600000 ms, got -1"),
                new Problem("$.main[1]", "\"sleep\" must be between 0 and 600000 ms, got 600001"),
                new Problem("$.main[2]", "\"io\" must be between 0 and 600000 ms, got -5"),
                new Problem("$.main[3]", "\"timeout\" must be between 0 and 600000 ms, got -1"),
                new Problem("$.main[4]", "\"repeat\" must be between 0 and 100000, got 100001"),
                new Problem("$.main[5]", "\"wait\" must be between 0 and 600000 ms, got -2"),
                new Problem("$.main[6]", "\"sleep\" must be between 0 and 600000 ms, got 700000")),
                problems(withMain(new Step.Compute(-1), new Step.Sleep(600_001), new Step.Io(-5, "x"),
                        new Step.Join("Sub", -1L), new Step.Repeat(100_001, List.of()),
                        new Step.Until("stop", List.of(), -2, false), new Step.Until("stop", List.of(), 700_000, true))));
        assertEquals(List.of(), problems(withMain(new Step.Compute(0), new Step.Sleep(600_000), new Step.Repeat(0, List.of()),
                new Step.Repeat(100_000, List.of()), new Step.Wait("stop", 0L))));
    }

    @Test
    void exceptionTypesMustBeIdentifiers() {
        assertEquals(List.of(
                new Problem("$.main[0]", "\"raise\" must be a Python identifier, got \"Value Error\""),
                new Problem("$.main[1]", "\"except\" cannot be the Python keyword \"finally\""),
                new Problem("$.main[2]", "\"raise\" needs an exception type")),
                problems(withMain(new Step.Raise("Value Error", "m"), new Step.Try(List.of(), "finally", List.of()),
                        new Step.Raise(null, (Value) null))));
    }

    @Test
    void aRaiseMessageIsTextOrAWholeNumberPythonCanRead() {
        assertEquals(List.of(
                new Problem("$.main[2]", "\"message\" must be text or a whole number, got true"),
                new Problem("$.main[3]", "\"message\" must be text or a whole number, got null"),
                new Problem("$.main[4]", "\"message\" must be text or a whole number, got 2.5"),
                new Problem("$.main[5]", "\"message\" an integer may have at most 4300 digits"
                        + " (Python's sys.int_max_str_digits), this one has 4301")),
                problems(withMain(new Step.Raise("SystemExit", Value.of(3)), new Step.Raise("SystemExit", "bye"),
                        new Step.Raise("SystemExit", new Value.Bool(true)), new Step.Raise("SystemExit", Value.NONE),
                        new Step.Raise("SystemExit", new Value.Real(2.5)),
                        new Step.Raise("SystemExit", Value.of(BigInteger.TEN.pow(4300))))));
    }

    @Test
    void integersMayBeAsLongAsPythonReadsAndNoLonger() {
        java.math.BigInteger fits = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE);
        java.math.BigInteger tooLong = fits.add(BigInteger.ONE);
        String problem = "an integer may have at most 4300 digits (Python's sys.int_max_str_digits), this one has 4301";
        Scenario scenario = withMain(new Step.Increment("hits", fits.negate()), new Step.Increment("hits", tooLong),
                new Step.Put("jobs", new Value.Array(List.of(Value.of(fits), Value.of(tooLong))), null));
        List<Resource> resources = new ArrayList<>(scenario.resources());
        resources.add(new Resource.Counter("big", tooLong));
        assertEquals(List.of(new Problem("$.resources[" + (resources.size() - 1) + "].value", problem),
                        new Problem("$.main[1]", "\"by\" " + problem), new Problem("$.main[2]", problem)),
                problems(scenario.withResources(resources)));
    }

    @Test
    void problemsInsideBlocksCarryTheBlocksPath() {
        Task task = new Task("job", List.of(), List.of(), List.of(new Step.Start("Nobody")), null);
        Scenario scenario = withMain(
                new Step.With("a_lock", List.of(new Step.Repeat(2, List.of(new Step.Start("Nobody"))))),
                new Step.Try(List.of(new Step.Sleep(-1)), "ValueError", List.of(new Step.Start("Nobody"))),
                new Step.Submit("pool", task, null),
                new Step.MapTasks("pool", task, List.of(), false),
                new Step.Until("stop", List.of(new Step.Start("Nobody")), 1, false),
                new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Start("Nobody"))));
        assertEquals(List.of(
                new Problem("$.main[0].do[0].do[0]", "unknown worker \"Nobody\""),
                new Problem("$.main[1].try[0]", "\"sleep\" must be between 0 and 600000 ms, got -1"),
                new Problem("$.main[1].then[0]", "unknown worker \"Nobody\""),
                new Problem("$.main[2].task.steps[0]", "unknown worker \"Nobody\""),
                new Problem("$.main[3].task.steps[0]", "unknown worker \"Nobody\""),
                new Problem("$.main[4].do[0]", "unknown worker \"Nobody\""),
                new Problem("$.main[5].do[0]", "unknown worker \"Nobody\"")), problems(scenario));
    }

    @Test
    void workerStepsArePathedUnderTheirWorker() {
        Scenario scenario = ModelFixtures.small().withWorkers(List.of(target("A", List.of()),
                target("B", List.of(new Step.Print("ok"), new Step.Sleep(-3)))));
        assertEquals(List.of(new Problem("$.workers[1].steps[1]", "\"sleep\" must be between 0 and 600000 ms, got -3")),
                problems(scenario.withMain(List.of())));
    }

    @Test
    void printPlaceholdersMustNameSomethingInScope() {
        assertEquals(List.of(
                new Problem("$.main[0]", "unknown name {who} in the text"),
                new Problem("$.main[1]", "{jobs} in the text is a queue: a text can show {thread}, counters, locals and parameters"),
                new Problem("$.main[2]", "single \"{\" in the text (write {{ for a brace)"),
                new Problem("$.main[3]", "single \"}\" in the text (write }} for a brace)"),
                new Problem("$.main[4]", "\"{hits:>5}\" in the text is not a {name} (write {{ for a brace)"),
                new Problem("$.main[5]", "unknown name {item} in the text"),
                new Problem("$.main[6]", "unknown name {error} in the text"),
                new Problem("$.main[7]", "unknown name {count} in the text"),
                new Problem("$.main[8].task", "unknown name {missing} in \"returns\"")),
                problems(withMain(new Step.Print("{who}"), new Step.Print("{jobs} left"), new Step.Print("{ oops"),
                        new Step.Print("oops }"), new Step.Print("{hits:>5}"), new Step.Print("{item}"),
                        new Step.Print("{error}"), new Step.Print("{count}"),
                        new Step.Submit("pool", new Task("f", List.of(), List.of(), List.of(), Value.of("{missing}")), null))));
    }

    @Test
    void placeholdersInScopeAreAccepted() {
        Task mapped = new Task("f", List.of(), List.of(), List.of(new Step.Print("{item} by {thread}")), Value.of("{item}!"));
        Task named = new Task("g", List.of("n"), List.of(Value.of(1)), List.of(new Step.Print("{n}")), Value.of("{n}"));
        assertEquals(List.of(), problems(withMain(
                new Step.Print("{thread} {hits} {context} {{not a placeholder}}"),
                new Step.GetUntil("jobs", Value.NONE, List.of(new Step.With("a_lock", List.of(new Step.Print("{item}"))))),
                new Step.Try(List.of(), "Exception", List.of(new Step.Repeat(1, List.of(new Step.Print("{error}"))))),
                new Step.MapTasks("pool", mapped, List.of(Value.of(1)), true),
                new Step.Submit("pool", named, "f1"))));
    }

    @Test
    void aTaskDoesNotSeeTheNamesOfTheStepsAroundIt() {
        Task task = new Task("f", List.of(), List.of(), List.of(new Step.Print("{item}")), null);
        assertEquals(List.of(new Problem("$.main[0].do[0].task.steps[0]", "unknown name {item} in the text")),
                problems(withMain(new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Submit("pool", task, null))))));
    }

    @Test
    void mapTasksTakeTheirArgumentFromTheItems() {
        Task withArgs = new Task("f", List.of(), List.of(Value.of(1)), List.of(), null);
        Task twoParams = new Task("g", List.of("a", "b"), List.of(), List.of(), null);
        assertEquals(List.of(
                new Problem("$.main[0].task", "a \"map\" task takes its arguments from \"items\", not \"args\""),
                new Problem("$.main[1].task", "a \"map\" task takes one parameter, not 2"),
                new Problem("$.main[1].task", "1 argument for 2 parameters \"a\" and \"b\"")),
                problems(withMain(new Step.MapTasks("pool", withArgs, List.of(), false),
                        new Step.MapTasks("pool", twoParams, List.of(), false))));
    }

    @Test
    void functionNamesMustNotHideAResourceOrAFuture() {
        Task task = new Task("jobs", List.of(), List.of(), List.of(), null);
        Task named = new Task("answer", List.of(), List.of(), List.of(), null);
        assertEquals(List.of(
                new Problem("$.main[0].task.function", "\"jobs\" is already the name of $.resources[3]"),
                new Problem("$.main[1].task.function", "\"answer\" is already the name of $.main[1]")),
                problems(withMain(new Step.Submit("pool", task, null), new Step.Submit("pool", named, "answer"))));
    }

    @Test
    void nullPartsOfStepsAreProblemsNotExceptions() {
        assertEquals(List.of(
                new Problem("$.main[0]", "\"print\" needs a text"),
                new Problem("$.main[1]", "\"put\" needs \"item\""),
                new Problem("$.main[2]", "\"get\" needs \"until_item\""),
                new Problem("$.main[3]", "\"local_set\" needs \"value\""),
                new Problem("$.main[4]", "\"rename\" needs \"to\""),
                new Problem("$.main[5]", "\"submit\" needs \"task\""),
                new Problem("$.main[6]", "\"map\" needs \"task\""),
                new Problem("$.main[7]", "\"result\" needs the name of a future"),
                new Problem("$.main[8]", "\"acquire\" needs the name of a lock"),
                new Problem("$.main[9].task", "missing \"function\""),
                new Problem("$.main[10]", "a step needs exactly one verb, this one has none")),
                problems(withMain(new Step.Print(null), new Step.Put("jobs", null, null), new Step.GetUntil("jobs", null, List.of()),
                        new Step.LocalSet("context", null), new Step.Rename("Sub", null), new Step.Submit("pool", null, null),
                        new Step.MapTasks("pool", null, List.of(), false), new Step.Result(null, null, false),
                        new Step.Acquire(null, null),
                        new Step.Submit("pool", new Task(null, List.of(), List.of(), List.of(), null), null),
                        new Step.Introspect(null))));
    }

    @Test
    void extensionKeysMustStartWithX() {
        Scenario scenario = new Scenario("T", null, Settings.DEFAULT, List.of(), List.of(), List.of(),
                Map.of("deterministic", new Value.Bool(true)));
        assertEquals(List.of(new Problem("$", "unknown key \"deterministic\"")), problems(scenario));
    }

    @Test
    void valuesMustBeFiniteNumbers() {
        assertEquals(List.of(new Problem("$.main[0]", "a number must be finite, got Infinity")),
                problems(withMain(new Step.Put("jobs", new Value.Real(Double.POSITIVE_INFINITY), null))));
    }

    @Test
    void stepsNestedBeyondTheDocumentDepthAreRefusedWithoutOverflowingTheStack() {
        Step step = new Step.Print("bottom");
        for (int i = 0; i < 5_000; i++) {
            step = new Step.Repeat(1, List.of(step));
        }
        List<Problem> found = problems(withMain(step));
        assertEquals(1, found.size());
        String expectedPath = "$.main[0]" + ".do[0]".repeat(31);
        assertEquals(new Problem(expectedPath, "nesting deeper than 64 levels"), found.get(0));
    }

    @Test
    void anEmptyBlockJustBelowTheLimitStillCounts() {
        // main step at depth 3; each submit puts its task's steps 3 levels deeper: 3, 6, ..., 63
        Step inner = new Step.Repeat(1, List.of());
        Step deepest = inner;
        for (int i = 0; i < 20; i++) {
            deepest = new Step.Submit("pool", new Task("f", List.of(), List.of(), List.of(deepest), null), null);
        }
        // the repeat stands at depth 63 and its empty "do" list at 64: still within the limit
        assertEquals(List.of(), problems(withMain(deepest)));
        Step tooDeep = new Step.Submit("pool", new Task("f", List.of(), List.of(), List.of(new Step.Print("x")), null), null);
        for (int i = 0; i < 20; i++) {
            tooDeep = new Step.Submit("pool", new Task("f", List.of(), List.of(), List.of(tooDeep), null), null);
        }
        // the 21st submit stands at depth 63, so its task object is at 64 and its steps list at 65
        assertEquals(List.of(new Problem("$.main[0]" + ".task.steps[0]".repeat(20), "nesting deeper than 64 levels")),
                problems(withMain(tooDeep)));
    }

    @Test
    void valuesNestedBeyondTheDocumentDepthAreRefused() {
        Value value = Value.of(1);
        for (int i = 0; i < 62; i++) {
            value = new Value.Array(List.of(value));
        }
        assertEquals(List.of(new Problem("$.main[0]", "nesting deeper than 64 levels")),
                problems(withMain(new Step.Put("jobs", value, null))));
        Value fits = ((Value.Array) value).items().get(0);
        assertEquals(List.of(), problems(withMain(new Step.Put("jobs", fits, null))));
    }

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        Scenario scenario = ModelFixtures.small().withTitle("")
                .withResources(List.of(new Resource.Queue("bad name", 0)))
                .withWorkers(List.of(target("W", List.of(new Step.Sleep(-1)))))
                .withMain(List.of(new Step.Start("X")));
        List<String> paths = new ArrayList<>();
        problems(scenario).forEach(problem -> paths.add(problem.path()));
        assertEquals(List.of("$.title", "$.resources[0].name", "$.workers[0].steps[0]", "$.main[0]"), paths);
    }
}
