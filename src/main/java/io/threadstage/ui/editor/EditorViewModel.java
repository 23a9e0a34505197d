package io.threadstage.ui.editor;

import io.threadstage.io.PythonGenerator;
import io.threadstage.io.PythonSource;
import io.threadstage.model.BodyPath;
import io.threadstage.model.Problem;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Validator;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The editor's state without any Node: the scenario being edited (immutable; every edit makes
 * a new one), the selection, undo and redo of every edit, the dirty flag, the file, the
 * validator's problems, the Python source and the property sheet's rows. Views bind to its
 * properties and call its edit operations; plain JUnit tests drive it the same way.
 *
 * <p>Edits go through one engine: a {@link BodyPath} names any list of steps, {@link StepTree}
 * reads and writes it, {@link RecordFields} changes any field of any record. Owned by the FX
 * thread (its properties notify listeners on the caller's thread).
 */
public final class EditorViewModel {

    /** A state the history can return to: the scenario and what was selected in it. */
    private record Snapshot(Scenario scenario, Selection selection) {
    }

    private final Validator validator;
    private final PythonGenerator generator;

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NOTHING);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyObjectWrapper<List<Problem>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<PythonSource> python = new ReadOnlyObjectWrapper<>(this, "python");
    private PythonSource generated;
    private final ReadOnlyIntegerWrapper selectedLine = new ReadOnlyIntegerWrapper(this, "selectedLine", -1);
    private final ReadOnlyObjectWrapper<SheetRows> fields = new ReadOnlyObjectWrapper<>(this, "fields", SheetRows.NONE);
    private final ReadOnlyObjectWrapper<List<Problem>> selectionProblems =
            new ReadOnlyObjectWrapper<>(this, "selectionProblems", List.of());
    private final ReadOnlyStringWrapper runBlockedReason = new ReadOnlyStringWrapper(this, "runBlockedReason");

    private final Deque<Snapshot> undo = new ArrayDeque<>();
    private final Deque<Snapshot> redo = new ArrayDeque<>();
    private Scenario saved;

    public EditorViewModel() {
        this(new Validator(), new PythonGenerator(), Scenario.empty("Untitled"));
    }

    public EditorViewModel(Validator validator, PythonGenerator generator, Scenario initial) {
        this.validator = validator;
        this.generator = generator;
        this.saved = initial;
        scenario.set(initial);
        selection.addListener((obs, was, now) -> refreshSelection());
        refreshScenario();
    }

    // ---- properties

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    /** What is selected; views set it, edits move it to what they made. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public Selection getSelection() {
        return selection.get();
    }

    public void select(Selection newSelection) {
        selection.set(newSelection == null ? Selection.NOTHING : newSelection);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    /** True when the scenario differs from what was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Every problem the validator finds, in document order. */
    public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Problems about the selected node or one of its fields. */
    public ReadOnlyObjectProperty<List<Problem>> selectionProblemsProperty() {
        return selectionProblems.getReadOnlyProperty();
    }

    /**
     * The scenario's Python as the generator wrote it, or null when it could not: what a run of
     * this scenario maps its steps to lines with, made once per edit rather than again at Run
     * (a scenario of 1,000 workers took the FX thread 60-120 ms to write).
     */
    public PythonSource generatedPython() {
        return generated;
    }

    public ReadOnlyObjectProperty<PythonSource> pythonProperty() {
        return python.getReadOnlyProperty();
    }

    /** 1-based line of the selected step in {@link #pythonProperty()}, or -1. */
    public ReadOnlyIntegerProperty selectedLineProperty() {
        return selectedLine.getReadOnlyProperty();
    }

    /** The property sheet's rows for the selection, with the selection they edit. */
    public ReadOnlyObjectProperty<SheetRows> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** Why the scenario cannot run (its first problem and how many there are), or null. */
    public ReadOnlyStringProperty runBlockedReasonProperty() {
        return runBlockedReason.getReadOnlyProperty();
    }

    // ---- documents

    /** Starts over on another scenario (opened, new, recovered); the history is cleared. */
    public void open(Scenario opened, Path from) {
        undo.clear();
        redo.clear();
        saved = opened;
        file.set(from);
        selection.set(Selection.NOTHING);
        scenario.set(opened);
        refreshScenario();
    }

    /** Takes on a recovered scenario as unsaved work on {@code from}. */
    public void recover(Scenario recovered, Scenario original, Path from) {
        open(original, from);
        commit(recovered, Selection.NOTHING);
    }

    /** Records that the current scenario is now what {@code to} holds. */
    public void markSaved(Path to) {
        saved = scenario.get();
        file.set(to);
        refreshFlags();
    }

    // ---- edits

    public int addWorker(WorkerStyle style) {
        Scenario now = scenario.get();
        List<Worker> workers = new ArrayList<>(now.workers());
        workers.add(StepFactory.worker(style, now));
        commit(now.withWorkers(workers), new Selection.OfWorker(workers.size() - 1));
        return workers.size() - 1;
    }

    public int addResource(String kind) {
        Scenario now = scenario.get();
        List<Resource> resources = new ArrayList<>(now.resources());
        resources.add(StepFactory.resource(kind, now));
        commit(now.withResources(resources), new Selection.OfResource(resources.size() - 1));
        return resources.size() - 1;
    }

    /** Inserts the default step of a tile at {@code index} of {@code body} and selects it. */
    public StepPath insertStep(String tileId, BodyPath body, int index) {
        StepFactory.Created created = StepFactory.step(tileId, scenario.get());
        return insertStep(created.scenario(), created.step(), body, index);
    }

    public StepPath insertStep(Step step, BodyPath body, int index) {
        return insertStep(scenario.get(), step, body, index);
    }

    private StepPath insertStep(Scenario base, Step step, BodyPath body, int index) {
        List<Step> list = new ArrayList<>(StepTree.body(base, body));
        int at = Math.max(0, Math.min(index, list.size()));
        list.add(at, step);
        StepPath path = body.at(at);
        commit(StepTree.withBody(base, body, list), new Selection.OfStep(path));
        return path;
    }

    /** What a tile does when activated instead of dragged: adds at the selection's insertion point. */
    public void activate(Tile tile) {
        switch (tile.kind()) {
            case WORKER -> addWorker(WorkerStyle.fromJson(tile.id()));
            case RESOURCE -> addResource(tile.id());
            default -> {
                InsertPoint point = insertPoint();
                insertStep(tile.id(), point.body(), point.index());
            }
        }
    }

    /** Where a step lands when no drop names a place. */
    public record InsertPoint(BodyPath body, int index) {
    }

    /**
     * After the selected step; at the end of the selected block step's first block, of the
     * selected worker's body, or of the selected list; at the end of {@code main} otherwise.
     */
    public InsertPoint insertPoint() {
        Scenario now = scenario.get();
        Selection current = selection.get();
        if (current instanceof Selection.OfStep s) {
            Step step = StepTree.step(now, s.step());
            List<String> blocks = StepTree.blockKeys(step);
            if (!blocks.isEmpty()) {
                BodyPath inside = s.step().block(blocks.get(0));
                return new InsertPoint(inside, StepTree.body(now, inside).size());
            }
            return new InsertPoint(s.step().body(), s.step().index() + 1);
        }
        BodyPath body = BodyPath.main();
        if (current instanceof Selection.OfWorker w) {
            body = BodyPath.worker(w.index());
        } else if (current instanceof Selection.OfBody b) {
            body = b.body();
        }
        return new InsertPoint(body, StepTree.body(now, body).size());
    }

    /**
     * Moves a step to {@code index} of {@code to}, an index counted before the step leaves its
     * place. Refused (false) when the target is inside the step itself.
     */
    public boolean moveStep(StepPath from, BodyPath to, int index) {
        Scenario now = scenario.get();
        if (to.isInside(from) || !StepTree.exists(now, from) || !StepTree.exists(now, to)) {
            return false;
        }
        Step moving = StepTree.step(now, from);
        List<Step> source = new ArrayList<>(StepTree.body(now, from.body()));
        source.remove(from.index());
        Scenario without = StepTree.withBody(now, from.body(), source);
        BodyPath target = afterRemoval(to, from);
        int at = to.equals(from.body()) && index > from.index() ? index - 1 : index;
        List<Step> list = new ArrayList<>(StepTree.body(without, target));
        at = Math.max(0, Math.min(at, list.size()));
        if (target.equals(from.body()) && at == from.index()) {
            return false;
        }
        list.add(at, moving);
        commit(StepTree.withBody(without, target, list), new Selection.OfStep(target.at(at)));
        return true;
    }

    /** The path {@code target} has once the step at {@code removed} is gone. */
    static BodyPath afterRemoval(BodyPath target, StepPath removed) {
        if (target.worker() != removed.body().worker()) {
            return target;
        }
        List<BodyPath.Hop> hops = new ArrayList<>(target.hops());
        int depth = removed.body().hops().size();
        if (hops.size() > depth && hops.subList(0, depth).equals(removed.body().hops())) {
            BodyPath.Hop hop = hops.get(depth);
            if (hop.step() > removed.index()) {
                hops.set(depth, new BodyPath.Hop(hop.step() - 1, hop.block()));
            }
        }
        return new BodyPath(target.worker(), hops);
    }

    public boolean moveWorker(int from, int to) {
        List<Worker> workers = new ArrayList<>(scenario.get().workers());
        int at = moveWithin(workers, from, to);
        if (at < 0) {
            return false;
        }
        commit(scenario.get().withWorkers(workers), new Selection.OfWorker(at));
        return true;
    }

    public boolean moveResource(int from, int to) {
        List<Resource> resources = new ArrayList<>(scenario.get().resources());
        int at = moveWithin(resources, from, to);
        if (at < 0) {
            return false;
        }
        commit(scenario.get().withResources(resources), new Selection.OfResource(at));
        return true;
    }

    /**
     * Moves the item at {@code from} to drop slot {@code to} (the gap before item {@code to}, as
     * a drag counts it) and gives its new index, or -1 when nothing would move.
     */
    private static <T> int moveWithin(List<T> items, int from, int to) {
        int at = to > from ? to - 1 : to;
        if (from < 0 || from >= items.size() || at < 0 || at >= items.size() || at == from) {
            return -1;
        }
        items.add(at, items.remove(from));
        return at;
    }

    /**
     * Alt+Up / Alt+Down: the selected step changes places with its neighbour, or leaves its
     * block at either end; a selected worker or resource moves within its list.
     */
    public boolean moveSelection(int delta) {
        Selection current = selection.get();
        if (current instanceof Selection.OfWorker w) {
            return moveWorker(w.index(), delta < 0 ? w.index() - 1 : w.index() + 2);
        }
        if (current instanceof Selection.OfResource r) {
            return moveResource(r.index(), delta < 0 ? r.index() - 1 : r.index() + 2);
        }
        if (!(current instanceof Selection.OfStep s)) {
            return false;
        }
        StepPath from = s.step();
        int size = StepTree.body(scenario.get(), from.body()).size();
        int next = from.index() + (delta < 0 ? -1 : 1);
        if (next >= 0 && next < size) {
            return moveStep(from, from.body(), delta < 0 ? next : next + 1);
        }
        Optional<StepPath> owner = from.body().owner();
        if (owner.isEmpty()) {
            return false;
        }
        return moveStep(from, owner.get().body(), delta < 0 ? owner.get().index() : owner.get().index() + 1);
    }

    /**
     * Alt+Right, as indenting a line in Python: the selected step goes to the end of the block
     * just above it (the last block of its previous sibling: a try's handler, a with's body).
     */
    public boolean indentSelection() {
        if (!(selection.get() instanceof Selection.OfStep s) || s.step().index() == 0) {
            return false;
        }
        StepPath from = s.step();
        StepPath above = from.withIndex(from.index() - 1);
        Step block = StepTree.step(scenario.get(), above);
        List<String> keys = StepTree.blockKeys(block);
        if (keys.isEmpty()) {
            return false;
        }
        String last = keys.get(keys.size() - 1);
        return moveStep(from, above.block(last), StepTree.block(block, last).size());
    }

    /**
     * Alt+Left, as dedenting a line in Python: the selected step leaves its block and follows
     * the step that owns the block.
     */
    public boolean dedentSelection() {
        if (!(selection.get() instanceof Selection.OfStep s)) {
            return false;
        }
        Optional<StepPath> owner = s.step().body().owner();
        return owner.isPresent() && moveStep(s.step(), owner.get().body(), owner.get().index() + 1);
    }

    /** Carries out a drop the outline planned with {@link Drops#plan}. */
    public boolean perform(Drops.Plan plan) {
        if (plan instanceof Drops.Plan.AddWorker add) {
            addWorker(add.style());
            return true;
        }
        if (plan instanceof Drops.Plan.AddResource add) {
            addResource(add.kind());
            return true;
        }
        if (plan instanceof Drops.Plan.InsertStep insert) {
            insertStep(insert.tileId(), insert.body(), insert.index());
            return true;
        }
        if (plan instanceof Drops.Plan.MoveStep move) {
            return moveStep(move.from(), move.body(), move.index());
        }
        if (plan instanceof Drops.Plan.MoveWorker move) {
            return moveWorker(move.from(), move.to());
        }
        Drops.Plan.MoveResource move = (Drops.Plan.MoveResource) plan;
        return moveResource(move.from(), move.to());
    }

    /** Removes the selected step, worker or resource. */
    public boolean deleteSelection() {
        Scenario now = scenario.get();
        Selection current = selection.get();
        if (current instanceof Selection.OfStep s) {
            List<Step> list = new ArrayList<>(StepTree.body(now, s.step().body()));
            list.remove(s.step().index());
            Selection next = list.isEmpty()
                    ? s.step().body().owner().<Selection>map(Selection.OfStep::new).orElse(container(s.step().body()))
                    : new Selection.OfStep(s.step().withIndex(Math.min(s.step().index(), list.size() - 1)));
            commit(StepTree.withBody(now, s.step().body(), list), next);
            return true;
        }
        if (current instanceof Selection.OfWorker w) {
            List<Worker> workers = new ArrayList<>(now.workers());
            workers.remove(w.index());
            commit(now.withWorkers(workers), Selection.NOTHING);
            return true;
        }
        if (current instanceof Selection.OfResource r) {
            List<Resource> resources = new ArrayList<>(now.resources());
            resources.remove(r.index());
            commit(now.withResources(resources), Selection.NOTHING);
            return true;
        }
        return false;
    }

    private static Selection container(BodyPath root) {
        return root.isMain() ? new Selection.OfBody(root) : new Selection.OfWorker(root.worker());
    }

    /**
     * Sets one field of the selection from the text the teacher typed.
     *
     * @return empty when applied, else why the text was refused (the scenario is unchanged)
     */
    public Optional<String> setField(String key, String text) {
        return setField(selection.get(), key, text);
    }

    /**
     * Sets one field of {@code target}, which need not be selected any more: a text field that
     * loses the focus because another row was clicked still applies to the row it belonged to.
     */
    public Optional<String> setField(Selection target, String key, String text) {
        if (!exists(target)) {
            return Optional.of("it no longer exists");
        }
        try {
            Scenario changed = FieldSheet.apply(scenario.get(), target, key, text);
            if (!changed.equals(scenario.get())) {
                commit(changed, selection.get());
            }
            return Optional.empty();
        } catch (FieldCodec.BadText | IllegalArgumentException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Replaces the whole scenario as one edit (title bar, settings dialogs, tests). */
    public void replace(Scenario changed) {
        commit(changed, Selection.NOTHING);
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(new Snapshot(scenario.get(), selection.get()));
        restore(undo.pop());
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(new Snapshot(scenario.get(), selection.get()));
        restore(redo.pop());
        return true;
    }

    // ---- internals

    private void commit(Scenario changed, Selection then) {
        undo.push(new Snapshot(scenario.get(), selection.get()));
        redo.clear();
        scenario.set(changed);
        selection.set(then);
        refreshScenario();
    }

    private void restore(Snapshot snapshot) {
        scenario.set(snapshot.scenario());
        selection.set(snapshot.selection());
        refreshScenario();
    }

    private void refreshScenario() {
        Scenario now = scenario.get();
        List<Problem> found;
        try {
            found = List.copyOf(validator.validate(now));
        } catch (RuntimeException broken) {
            found = List.of(new Problem("$", "cannot check: " + broken));
        }
        problems.set(found);
        PythonSource source;
        try {
            source = generator.generate(now);
            generated = source;
        } catch (RuntimeException broken) {
            generated = null;
            source = PythonSource.withoutSteps("# the Python source cannot be shown: " + broken.getMessage() + "\n");
        }
        python.set(source);
        runBlockedReason.set(found.isEmpty() ? null
                : "Cannot run: " + found.size() + (found.size() == 1 ? " problem" : " problems") + ". " + found.get(0));
        refreshFlags();
        refreshSelection();
    }

    private void refreshFlags() {
        dirty.set(!scenario.get().equals(saved));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private void refreshSelection() {
        Selection current = selection.get();
        if (!exists(current)) {
            selection.set(Selection.NOTHING);
            return;
        }
        fields.set(new SheetRows(current, FieldSheet.fields(scenario.get(), current, problems.get())));
        selectionProblems.set(FieldSheet.problemsOf(current, problems.get()));
        PythonSource source = python.get();
        selectedLine.set(current instanceof Selection.OfStep s ? source.lineOf(s.step()).orElse(-1) : -1);
    }

    private boolean exists(Selection current) {
        Scenario now = scenario.get();
        if (current instanceof Selection.OfStep s) {
            return StepTree.exists(now, s.step());
        }
        if (current instanceof Selection.OfBody b) {
            return StepTree.exists(now, b.body());
        }
        if (current instanceof Selection.OfWorker w) {
            return w.index() >= 0 && w.index() < now.workers().size();
        }
        if (current instanceof Selection.OfResource r) {
            return r.index() >= 0 && r.index() < now.resources().size();
        }
        return true;
    }
}
