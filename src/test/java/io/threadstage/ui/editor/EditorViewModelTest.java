package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {

    private final EditorViewModel vm = new EditorViewModel();

    private Scenario scenario() {
        return vm.getScenario();
    }

    @Test
    void newWorkerHasCPythonDefaultNameAndAFreshId() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.addWorker(WorkerStyle.LAMBDA);
        vm.addWorker(WorkerStyle.SUBCLASS);
        Worker first = scenario().workers().get(0);
        assertNull(first.name());
        assertEquals("t1", first.id());
        assertEquals("work", first.function());
        assertEquals("t2", scenario().workers().get(1).id());
        assertEquals("Worker", scenario().workers().get(2).className());
        assertEquals("Thread-1 (work)", Names.threadName(scenario(), 0));
        assertEquals("Thread-2 (<lambda>)", Names.threadName(scenario(), 1));
        assertEquals("Thread-3", Names.threadName(scenario(), 2));
        assertEquals(new Selection.OfWorker(2), vm.getSelection());
    }

    @Test
    void resourcesGetUniqueNames() {
        vm.addResource("queue");
        vm.addResource("queue");
        vm.addResource("lock");
        assertEquals(List.of(new Resource.Queue("q", 0), new Resource.Queue("q2", 0), new Resource.Lock("lock")),
                scenario().resources());
    }

    @Test
    void putDefaultsToTheFirstQueueAndAddsOneWhenThereIsNone() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.insertStep("put", BodyPath.worker(0), 0);
        assertEquals(List.of(new Resource.Queue("q", 0)), scenario().resources());
        assertEquals(new Step.Put("q", Value.of("item"), null), scenario().workers().get(0).steps().get(0));
        vm.addResource("queue");
        vm.insertStep("get", BodyPath.worker(0), 1);
        assertEquals(new Step.Get("q", null), scenario().workers().get(0).steps().get(1));
    }

    @Test
    void everyStepTileMakesAStepWithThatVerb() {
        vm.addWorker(WorkerStyle.TARGET);
        for (Tile tile : Palette.all()) {
            if (tile.kind() == Tile.Kind.STEP) {
                StepPath at = vm.insertStep(tile.id(), BodyPath.main(), scenario().main().size());
                Step step = StepTree.step(scenario(), at);
                String expected = tile.id().equals(StepFactory.GET_UNTIL) ? "get" : tile.id();
                assertEquals(expected, step.verb(), tile.id());
            }
        }
        assertEquals(Palette.all().stream().filter(t -> t.kind() == Tile.Kind.STEP).count(), scenario().main().size());
    }

    @Test
    void startAndJoinPickWorkersNotYetStartedOrJoined() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.addWorker(WorkerStyle.SUBCLASS);
        for (String verb : List.of("start", "start", "join", "join")) {
            vm.insertStep(verb, BodyPath.main(), scenario().main().size());
        }
        assertEquals(List.of(new Step.Start("t1"), new Step.Start("t2"), new Step.Join("t1", null),
                new Step.Join("t2", null)), scenario().main());
    }

    @Test
    void insertsIntoBlocksAtAnyDepth() {
        vm.addResource("lock");
        vm.insertStep("repeat", BodyPath.main(), 0);
        BodyPath loop = BodyPath.main().into(0, BodyPath.DO);
        vm.insertStep("with", loop, 0);
        BodyPath guarded = loop.into(0, BodyPath.DO);
        StepPath inner = vm.insertStep("increment", guarded, 0);
        assertEquals("$.main[0].do[0].do[0]", inner.toString());
        assertEquals(new Step.Repeat(3, List.of(new Step.With("lock", List.of(new Step.Increment("counter", 1))))),
                scenario().main().get(0));
        assertEquals(new Selection.OfStep(inner), vm.getSelection());
    }

    @Test
    void tryHasTwoBlocksAndSubmitsATaskBody() {
        vm.insertStep("try", BodyPath.main(), 0);
        vm.insertStep("raise", BodyPath.main().into(0, BodyPath.TRY), 0);
        vm.insertStep("print", BodyPath.main().into(0, BodyPath.THEN), 0);
        vm.insertStep("submit", BodyPath.main(), 1);
        vm.insertStep("compute", BodyPath.main().into(1, BodyPath.TASK), 0);
        assertEquals(new Step.Try(List.of(new Step.Raise("ValueError", "bad value")), "Exception",
                List.of(new Step.Print("hello from {thread}"))), scenario().main().get(0));
        Step.Submit submit = (Step.Submit) scenario().main().get(1);
        assertEquals(List.of(new Step.Compute(200)), submit.task().steps());
        assertEquals("future", submit.future());
        assertEquals("pool", submit.executor());
    }

    @Test
    void pathsPrintAsTheProjectSpellsThemAndAreFoundByThatText() {
        StepPath path = BodyPath.worker(1).into(0, BodyPath.DO).into(2, BodyPath.TASK).at(3);
        assertEquals("$.workers[1].steps[0].do[2].task.steps[3]", path.jsonPath());
        assertEquals("$.main[3].then", BodyPath.main().into(3, BodyPath.THEN).jsonPath());
        io.threadstage.model.StepIndex index = io.threadstage.model.StepIndex.of(scenario().withMain(
                List.of(new Step.Repeat(2, List.of(new Step.Compute(1))))));
        assertEquals(BodyPath.main().into(0, BodyPath.DO).at(0), index.find("$.main[0].do[0]").orElseThrow());
        assertTrue(index.find("$.main[x]").isEmpty());
        assertTrue(index.find("$.main").isEmpty());
    }

    @Test
    void undoAndRedoEveryEditInOrder() {
        Scenario empty = scenario();
        vm.addWorker(WorkerStyle.TARGET);
        Scenario one = scenario();
        vm.addResource("event");
        Scenario two = scenario();
        vm.insertStep("set", BodyPath.worker(0), 0);
        Scenario three = scenario();
        assertTrue(vm.canUndoProperty().get());
        assertTrue(vm.undo());
        assertEquals(two, scenario());
        assertTrue(vm.undo());
        assertEquals(one, scenario());
        assertTrue(vm.undo());
        assertEquals(empty, scenario());
        assertFalse(vm.undo());
        assertFalse(vm.isDirty());
        assertTrue(vm.redo());
        assertTrue(vm.redo());
        assertTrue(vm.redo());
        assertEquals(three, scenario());
        assertFalse(vm.redo());
        assertTrue(vm.isDirty());
    }

    @Test
    void aNewEditClearsRedo() {
        vm.addResource("lock");
        vm.undo();
        assertTrue(vm.canRedoProperty().get());
        vm.addResource("event");
        assertFalse(vm.canRedoProperty().get());
        assertFalse(vm.redo());
    }

    @Test
    void undoRestoresTheSelectionOfThatTime() {
        vm.addWorker(WorkerStyle.TARGET);
        StepPath first = vm.insertStep("compute", BodyPath.worker(0), 0);
        vm.insertStep("sleep", BodyPath.worker(0), 1);
        vm.undo();
        assertEquals(new Selection.OfStep(first), vm.getSelection());
    }

    @Test
    void movesAStepDownAndUpInItsList() {
        vm.insertStep("compute", BodyPath.main(), 0);
        vm.insertStep("sleep", BodyPath.main(), 1);
        vm.insertStep("print", BodyPath.main(), 2);
        assertTrue(vm.moveStep(BodyPath.main().at(0), BodyPath.main(), 3));
        assertEquals(List.of("sleep", "print", "compute"), verbs(scenario().main()));
        assertEquals(new Selection.OfStep(BodyPath.main().at(2)), vm.getSelection());
        assertTrue(vm.moveStep(BodyPath.main().at(2), BodyPath.main(), 0));
        assertEquals(List.of("compute", "sleep", "print"), verbs(scenario().main()));
        assertFalse(vm.moveStep(BodyPath.main().at(1), BodyPath.main(), 1));
        assertFalse(vm.moveStep(BodyPath.main().at(1), BodyPath.main(), 2));
    }

    @Test
    void movesAStepIntoALaterBlockOfTheSameList() {
        vm.insertStep("compute", BodyPath.main(), 0);
        vm.insertStep("repeat", BodyPath.main(), 1);
        assertTrue(vm.moveStep(BodyPath.main().at(0), BodyPath.main().into(1, BodyPath.DO), 0));
        assertEquals(List.of(new Step.Repeat(3, List.of(new Step.Compute(200)))), scenario().main());
        assertEquals("$.main[0].do[0]", vm.getSelection().path());
    }

    @Test
    void aBlockCannotMoveIntoItself() {
        vm.insertStep("repeat", BodyPath.main(), 0);
        assertFalse(vm.moveStep(BodyPath.main().at(0), BodyPath.main().into(0, BodyPath.DO), 0));
    }

    @Test
    void altArrowsSwapAndLeaveBlocksAtTheirEnds() {
        vm.insertStep("repeat", BodyPath.main(), 0);
        vm.insertStep("compute", BodyPath.main().into(0, BodyPath.DO), 0);
        vm.insertStep("sleep", BodyPath.main().into(0, BodyPath.DO), 1);
        vm.select(new Selection.OfStep(BodyPath.main().into(0, BodyPath.DO).at(0)));
        assertTrue(vm.moveSelection(+1));
        assertEquals(List.of("sleep", "compute"), verbs(((Step.Repeat) scenario().main().get(0)).body()));
        assertTrue(vm.moveSelection(+1));
        assertEquals(List.of("repeat", "compute"), verbs(scenario().main()));
        assertEquals("$.main[1]", vm.getSelection().path());
        assertTrue(vm.moveSelection(-1));
        assertEquals(List.of("compute", "repeat"), verbs(scenario().main()));
        assertFalse(vm.moveSelection(-1));
    }

    @Test
    void altRightIndentsIntoTheBlockAboveAndAltLeftTakesTheStepOut() {
        vm.insertStep("try", BodyPath.main(), 0);
        vm.insertStep("compute", BodyPath.main(), 1);
        vm.insertStep("sleep", BodyPath.main(), 2);
        int handlerSteps = ((Step.Try) scenario().main().get(0)).handler().size();
        // a step after a simple step has no block to go into
        vm.select(new Selection.OfStep(BodyPath.main().at(2)));
        assertFalse(vm.indentSelection());
        vm.select(new Selection.OfStep(BodyPath.main().at(1)));
        assertTrue(vm.indentSelection());
        Step.Try attempt = (Step.Try) scenario().main().get(0);
        assertEquals("compute", attempt.handler().get(handlerSteps).verb());
        assertEquals("$.main[0].then[" + handlerSteps + "]", vm.getSelection().path());
        assertEquals(List.of("try", "sleep"), verbs(scenario().main()));
        vm.select(new Selection.OfStep(BodyPath.main().into(0, BodyPath.THEN).at(handlerSteps)));
        assertTrue(vm.dedentSelection());
        assertEquals(List.of("try", "compute", "sleep"), verbs(scenario().main()));
        assertEquals("$.main[1]", vm.getSelection().path());
        assertFalse(vm.dedentSelection(), "main has no block to leave");
        assertTrue(vm.undo());
        assertEquals(List.of("try", "sleep"), verbs(scenario().main()));
    }

    @Test
    void movesWorkersAndResources() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.addWorker(WorkerStyle.LAMBDA);
        assertTrue(vm.moveWorker(1, 0));
        assertEquals(WorkerStyle.LAMBDA, scenario().workers().get(0).style());
        vm.select(new Selection.OfWorker(0));
        assertTrue(vm.moveSelection(+1));
        assertEquals(WorkerStyle.TARGET, scenario().workers().get(0).style());
        vm.addResource("lock");
        vm.addResource("event");
        assertTrue(vm.moveResource(0, 2));
        assertEquals(List.of("event", "lock"), scenario().resources().stream().map(Resource::name).toList());
    }

    @Test
    void deleteRemovesTheSelectionAndSelectsANeighbour() {
        vm.insertStep("compute", BodyPath.main(), 0);
        vm.insertStep("sleep", BodyPath.main(), 1);
        vm.select(new Selection.OfStep(BodyPath.main().at(1)));
        assertTrue(vm.deleteSelection());
        assertEquals(List.of("compute"), verbs(scenario().main()));
        assertEquals("$.main[0]", vm.getSelection().path());
        vm.addWorker(WorkerStyle.TARGET);
        assertTrue(vm.deleteSelection());
        assertTrue(scenario().workers().isEmpty());
        vm.addResource("lock");
        assertTrue(vm.deleteSelection());
        assertTrue(scenario().resources().isEmpty());
        assertFalse(vm.deleteSelection());
        vm.undo();
        assertEquals(List.of(new Resource.Lock("lock")), scenario().resources());
    }

    @Test
    void setsFieldsOfStepsFromText() {
        vm.addResource("queue");
        vm.insertStep("put", BodyPath.main(), 0);
        assertTrue(vm.setField("timeoutMs", "250").isEmpty());
        assertTrue(vm.setField("item", "null").isEmpty());
        assertEquals(new Step.Put("q", Value.NONE, 250L), scenario().main().get(0));
        assertTrue(vm.setField("timeoutMs", "").isEmpty());
        assertTrue(vm.setField("item", "job").isEmpty());
        assertEquals(new Step.Put("q", Value.of("job"), null), scenario().main().get(0));
        assertEquals("not a whole number: soon", vm.setField("timeoutMs", "soon").orElseThrow());
        assertEquals(new Step.Put("q", Value.of("job"), null), scenario().main().get(0));
    }

    @Test
    void fieldsAreLabelledWithTheDocumentsKeysAndOfferFittingReferences() {
        vm.addResource("lock");
        vm.addResource("rlock");
        vm.addResource("queue");
        vm.insertStep("acquire", BodyPath.main(), 0);
        List<EditorField> fields = vm.fieldsProperty().get().rows();
        assertEquals(List.of("acquire", "timeout"), fields.stream().map(EditorField::label).toList());
        assertEquals(FieldKind.REFERENCE, fields.get(0).kind());
        assertEquals(List.of("lock", "rlock"), fields.get(0).choices());
        assertEquals(FieldKind.OPTIONAL_INTEGER, fields.get(1).kind());
    }

    @Test
    void setsTaskFieldsOfSubmit() {
        vm.insertStep("submit", BodyPath.main(), 0);
        vm.setField("task.function", "fetch");
        vm.setField("task.args", "1, \"a\"");
        vm.setField("task.params", "n, name");
        vm.setField("task.returns", "{n}");
        Step.Submit submit = (Step.Submit) scenario().main().get(0);
        assertEquals("fetch", submit.task().function());
        assertEquals(List.of(Value.of(1), Value.of("a")), submit.task().args());
        assertEquals(List.of("n", "name"), submit.task().params());
        assertEquals(Value.of("{n}"), submit.task().returns());
        assertEquals("not a Python identifier: 2x", vm.setField("task.params", "2x").orElseThrow());
    }

    @Test
    void renamingAResourceRenamesEveryReference() {
        vm.addResource("queue");
        vm.addWorker(WorkerStyle.TARGET);
        vm.insertStep("repeat", BodyPath.worker(0), 0);
        vm.insertStep("put", BodyPath.worker(0).into(0, BodyPath.DO), 0);
        vm.insertStep(StepFactory.GET_UNTIL, BodyPath.main(), 0);
        vm.select(new Selection.OfResource(0));
        vm.setField("name", "jobs");
        assertEquals(new Step.Put("jobs", Value.of("item"), null),
                ((Step.Repeat) scenario().workers().get(0).steps().get(0)).body().get(0));
        assertEquals("jobs", ((Step.GetUntil) scenario().main().get(0)).queue());
    }

    @Test
    void namingAWorkerDropsItsIdAndRenamesReferences() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.insertStep("start", BodyPath.main(), 0);
        vm.select(new Selection.OfWorker(0));
        vm.setField("name", "Producer");
        Worker worker = scenario().workers().get(0);
        assertEquals("Producer", worker.name());
        assertNull(worker.id());
        assertEquals(new Step.Start("Producer"), scenario().main().get(0));
        vm.setField("name", "");
        assertEquals("t1", scenario().workers().get(0).id());
        assertEquals(new Step.Start("t1"), scenario().main().get(0));
    }

    @Test
    void changingAWorkersStyleKeepsItConsistent() {
        vm.addWorker(WorkerStyle.TARGET);
        vm.setField("style", "subclass");
        Worker worker = scenario().workers().get(0);
        assertEquals(WorkerStyle.SUBCLASS, worker.style());
        assertNull(worker.function());
        assertEquals("Worker", worker.className());
        vm.setField("className", "Consumer");
        vm.setField("daemon", "true");
        vm.setField("args", "[3]");
        vm.setField("kwargs", "{\"delay\": 2}");
        worker = scenario().workers().get(0);
        assertEquals("Consumer", worker.className());
        assertTrue(worker.daemon());
        assertEquals(List.of(Value.of(3)), worker.args());
        assertEquals(Map.of("delay", Value.of(2)), worker.kwargs());
    }

    @Test
    void scenarioFieldsEditTitleAndSettings() {
        vm.setField("title", "Producer and consumer");
        vm.setField("settings.gil", "true");
        vm.setField("settings.speed", "2");
        vm.setField("settings.excepthook", "custom");
        assertEquals("Producer and consumer", scenario().title());
        assertTrue(scenario().settings().gil());
        assertEquals(2.0, scenario().settings().speed());
        assertEquals("custom", scenario().settings().excepthook().json());
    }

    @Test
    void activatingATileInsertsAtTheSelection() {
        vm.activate(Palette.tile(Tile.Kind.WORKER, "target"));
        vm.activate(Palette.tile(Tile.Kind.STEP, "repeat"));
        assertEquals("$.workers[0].steps[0]", vm.getSelection().path());
        vm.activate(Palette.tile(Tile.Kind.STEP, "compute"));
        assertEquals("$.workers[0].steps[0].do[0]", vm.getSelection().path());
        vm.activate(Palette.tile(Tile.Kind.STEP, "sleep"));
        assertEquals("$.workers[0].steps[0].do[1]", vm.getSelection().path());
        vm.select(Selection.NOTHING);
        vm.activate(Palette.tile(Tile.Kind.STEP, "print"));
        assertEquals("$.main[0]", vm.getSelection().path());
        vm.activate(Palette.tile(Tile.Kind.RESOURCE, "event"));
        assertEquals(new Selection.OfResource(0), vm.getSelection());
    }

    @Test
    void dirtyFollowsSavesAndUndo() {
        assertFalse(vm.isDirty());
        vm.addResource("lock");
        assertTrue(vm.isDirty());
        vm.markSaved(Path.of("x.json"));
        assertFalse(vm.isDirty());
        assertEquals(Path.of("x.json"), vm.getFile());
        vm.undo();
        assertTrue(vm.isDirty());
        vm.redo();
        assertFalse(vm.isDirty());
    }

    @Test
    void openingClearsHistoryAndSelection() {
        vm.addResource("lock");
        Scenario other = Scenario.empty("Other");
        vm.open(other, Path.of("o.json"));
        assertFalse(vm.canUndoProperty().get());
        assertFalse(vm.isDirty());
        assertEquals(Selection.NOTHING, vm.getSelection());
        assertEquals("Other", scenario().title());
    }

    @Test
    void recoveredWorkIsDirtyAndUndoable() {
        Scenario original = Scenario.empty("Saved");
        Scenario recovered = original.withTitle("Unsaved");
        vm.recover(recovered, original, Path.of("s.json"));
        assertTrue(vm.isDirty());
        assertTrue(vm.undo());
        assertEquals(original, scenario());
    }

    @Test
    void validatorProblemsMarkTheFieldTheyAreAboutAndBlockRunning() {
        vm.addResource("queue");
        vm.insertStep("put", BodyPath.main(), 0);
        assertNull(vm.runBlockedReasonProperty().get());
        vm.setField("queue", "jobz");
        EditorField queue = vm.fieldsProperty().get().rows().get(0);
        assertEquals("unknown queue \"jobz\"", queue.problem());
        assertEquals(List.of(new io.threadstage.model.Problem("$.main[0]", "unknown queue \"jobz\"")),
                vm.selectionProblemsProperty().get());
        assertEquals("Cannot run: 1 problem. $.main[0]: unknown queue \"jobz\"", vm.runBlockedReasonProperty().get());
        vm.select(new Selection.OfResource(0));
        vm.setField("maxsize", "-1");
        EditorField maxsize = vm.fieldsProperty().get().rows().get(2);
        assertEquals("maxsize", maxsize.label());
        assertTrue(maxsize.problem() != null && !maxsize.problem().isEmpty());
    }

    @Test
    void theSelectedStepsLineComesFromTheGenerator() {
        vm.insertStep("print", BodyPath.main(), 0);
        StepPath second = vm.insertStep("sleep", BodyPath.main(), 1);
        int line = vm.selectedLineProperty().get();
        assertEquals(vm.pythonProperty().get().lineOf(second.toString()).orElseThrow(), line);
        assertTrue(vm.pythonProperty().get().text().split("\n")[line - 1].contains("time.sleep(0.1)"));
    }

    private static List<String> verbs(List<Step> steps) {
        return steps.stream().map(Step::verb).toList();
    }

    @Test
    void theGeneratedPythonIsTheShownSourceOrNoneWhenItCannotBeWritten() {
        EditorViewModel editor = new EditorViewModel();
        editor.open(io.threadstage.model.Scenario.empty("Py").withMain(List.of(new io.threadstage.model.Step.Print("a"))), null);
        assertSame(editor.pythonProperty().get(), editor.generatedPython());
        assertTrue(editor.generatedPython().text().contains("print(\"a\")"), editor.generatedPython().text());
    }
}
