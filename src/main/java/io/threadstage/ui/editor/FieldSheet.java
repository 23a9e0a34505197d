package io.threadstage.ui.editor;

import io.threadstage.model.Problem;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Task;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The property sheet's rows for a selection, and a row's new text applied to the scenario.
 * Rows come from the record components of the selected worker, resource or step, so every
 * verb gets its sheet without code of its own; only labels and reference kinds are listed
 * here. Stateless.
 */
public final class FieldSheet {

    private static final String TASK = "task.";
    private static final String SETTINGS = "settings.";

    private FieldSheet() {
    }

    /** The record a selection edits, and its owner step when it is a block. */
    static Selection target(Selection selection) {
        if (selection instanceof Selection.OfBody body) {
            return body.body().owner().<Selection>map(Selection.OfStep::new).orElse(Selection.NOTHING);
        }
        return selection;
    }

    public static List<EditorField> fields(Scenario scenario, Selection selection, List<Problem> problems) {
        Selection target = target(selection);
        List<EditorField> rows = new ArrayList<>();
        String path = target.path();
        if (target instanceof Selection.OfStep s) {
            Step step = StepTree.step(scenario, s.step());
            for (String component : RecordFields.names((Record) step)) {
                Object value = RecordFields.get((Record) step, component);
                if (value instanceof Task task) {
                    rows.add(row(scenario, path, problems, TASK + "function", "function", FieldKind.TEXT, task.function()));
                    rows.add(row(scenario, path, problems, TASK + "params", "params", FieldKind.NAMES, task.params()));
                    if (step instanceof Step.Submit) {
                        rows.add(row(scenario, path, problems, TASK + "args", "args", FieldKind.VALUES, task.args()));
                    }
                    rows.add(row(scenario, path, problems, TASK + "returns", "returns", FieldKind.OPTIONAL_VALUE, task.returns()));
                } else if (!isBlock(step, component)) {
                    rows.add(row(scenario, path, problems, component, stepLabel(step, component),
                            kind(step, component), value));
                }
            }
        } else if (target instanceof Selection.OfWorker w) {
            Worker worker = scenario.workers().get(w.index());
            rows.add(row(scenario, path, problems, "name", "name", FieldKind.OPTIONAL_TEXT, worker.name()));
            if (worker.name() == null) {
                rows.add(row(scenario, path, problems, "id", "id", FieldKind.TEXT, worker.id()));
            }
            rows.add(row(scenario, path, problems, "style", "style", FieldKind.CHOICE, worker.style().json()));
            if (worker.style() == WorkerStyle.TARGET) {
                rows.add(row(scenario, path, problems, "function", "function", FieldKind.TEXT, worker.function()));
            } else if (worker.style() == WorkerStyle.LAMBDA) {
                // a lambda may call a named function with the worker's arguments
                rows.add(row(scenario, path, problems, "function", "function", FieldKind.OPTIONAL_TEXT, worker.function()));
            }
            if (worker.style() == WorkerStyle.SUBCLASS || worker.style() == WorkerStyle.CALLABLE) {
                rows.add(row(scenario, path, problems, "className", "class", FieldKind.TEXT, worker.className()));
            }
            rows.add(row(scenario, path, problems, "params", "params", FieldKind.NAMES, worker.params()));
            rows.add(row(scenario, path, problems, "args", "args", FieldKind.VALUES, worker.args()));
            rows.add(row(scenario, path, problems, "kwargs", "kwargs", FieldKind.DICT, worker.kwargs()));
            rows.add(row(scenario, path, problems, "daemon", "daemon", FieldKind.BOOLEAN, worker.daemon()));
        } else if (target instanceof Selection.OfResource r) {
            Resource resource = scenario.resources().get(r.index());
            rows.add(row(scenario, path, problems, "name", "name", FieldKind.TEXT, resource.name()));
            rows.add(row(scenario, path, problems, "kind", "kind", FieldKind.READ_ONLY, resource.kind()));
            for (String component : RecordFields.names((Record) resource)) {
                if (!component.equals("name")) {
                    rows.add(row(scenario, path, problems, component, component, FieldKind.INTEGER,
                            RecordFields.get((Record) resource, component)));
                }
            }
        } else {
            rows.add(row(scenario, path, problems, "title", "title", FieldKind.TEXT, scenario.title()));
            rows.add(row(scenario, path, problems, "lesson", "lesson", FieldKind.OPTIONAL_TEXT, scenario.lesson()));
            Settings settings = scenario.settings();
            rows.add(row(scenario, "$.settings", problems, SETTINGS + "gil", "gil (off: free-threaded 3.13t)", FieldKind.BOOLEAN,
                    settings.gil()));
            rows.add(row(scenario, "$.settings", problems, SETTINGS + "switchIntervalMs", "switchIntervalMs",
                    FieldKind.INTEGER, settings.switchIntervalMs()));
            rows.add(row(scenario, "$.settings", problems, SETTINGS + "speed", "speed", FieldKind.REAL, settings.speed()));
            rows.add(row(scenario, "$.settings", problems, SETTINGS + "excepthook", "excepthook", FieldKind.CHOICE,
                    settings.excepthook().json()));
        }
        return rows;
    }

    /** The scenario with one field of the selection replaced by what {@code text} reads as. */
    public static Scenario apply(Scenario scenario, Selection selection, String key, String text)
            throws FieldCodec.BadText {
        Selection target = target(selection);
        if (target instanceof Selection.OfStep s) {
            return applyToStep(scenario, s.step(), key, text);
        }
        if (target instanceof Selection.OfWorker w) {
            return applyToWorker(scenario, w.index(), key, text);
        }
        if (target instanceof Selection.OfResource r) {
            return applyToResource(scenario, r.index(), key, text);
        }
        return applyToScenario(scenario, key, text);
    }

    private static Scenario applyToStep(Scenario scenario, StepPath path, String key, String text)
            throws FieldCodec.BadText {
        Step step = StepTree.step(scenario, path);
        Step changed;
        if (key.startsWith(TASK)) {
            String component = key.substring(TASK.length());
            Task task = (Task) RecordFields.get((Record) step, "task");
            FieldKind kind = switch (component) {
                case "params" -> FieldKind.NAMES;
                case "args" -> FieldKind.VALUES;
                case "returns" -> FieldKind.OPTIONAL_VALUE;
                default -> FieldKind.TEXT;
            };
            Object value = FieldCodec.parse(kind, RecordFields.type(task, component), text);
            changed = (Step) RecordFields.with((Record) step, "task", RecordFields.with(task, component, value));
        } else if (step instanceof Step.Introspect && key.equals("query")) {
            Step.Query query = Arrays.stream(Step.Query.values()).filter(q -> q.verb().equals(text.trim()))
                    .findFirst().orElseThrow(() -> new FieldCodec.BadText("no such query: " + text));
            changed = new Step.Introspect(query);
        } else {
            Object value = FieldCodec.parse(kind(step, key), RecordFields.type((Record) step, key), text);
            changed = (Step) RecordFields.with((Record) step, key, value);
        }
        Scenario result = StepTree.withStep(scenario, path, changed);
        if (step instanceof Step.Submit old && key.equals("future")) {
            result = References.rename(result, "future", old.future(), ((Step.Submit) changed).future());
            result = StepTree.withStep(result, path, changed);
        }
        return result;
    }

    private static Scenario applyToWorker(Scenario scenario, int index, String key, String text)
            throws FieldCodec.BadText {
        Worker worker = scenario.workers().get(index);
        Worker changed;
        switch (key) {
            case "name" -> {
                String name = (String) FieldCodec.parse(FieldKind.OPTIONAL_TEXT, String.class, text);
                // A worker with a name is referred to by it; the id only stands in for a missing name.
                String id = name != null ? null : (worker.id() != null ? worker.id() : freshId(scenario));
                changed = new Worker(name, id, worker.style(), worker.function(), worker.className(), worker.params(),
                        worker.args(), worker.kwargs(), worker.daemon(), worker.steps());
            }
            case "style" -> {
                WorkerStyle style = WorkerStyle.fromJson(text.trim());
                if (style == null) {
                    throw new FieldCodec.BadText("no such style: " + text);
                }
                boolean named = style == WorkerStyle.SUBCLASS || style == WorkerStyle.CALLABLE;
                String function = style == WorkerStyle.TARGET
                        ? (worker.function() != null ? worker.function() : Names.fresh("work", Names.taken(scenario)))
                        : style == WorkerStyle.LAMBDA ? worker.function() : null;
                String className = named
                        ? (worker.className() != null ? worker.className()
                                : Names.fresh(style == WorkerStyle.SUBCLASS ? "Worker" : "Job", Names.taken(scenario)))
                        : null;
                changed = new Worker(worker.name(), worker.id(), style, function, className, worker.params(),
                        worker.args(), worker.kwargs(), worker.daemon(), worker.steps());
            }
            default -> {
                FieldKind kind = switch (key) {
                    case "params" -> FieldKind.NAMES;
                    case "args" -> FieldKind.VALUES;
                    case "kwargs" -> FieldKind.DICT;
                    case "daemon" -> FieldKind.BOOLEAN;
                    case "function" -> worker.style() == WorkerStyle.LAMBDA ? FieldKind.OPTIONAL_TEXT : FieldKind.TEXT;
                    default -> FieldKind.TEXT;
                };
                changed = RecordFields.with(worker, key, FieldCodec.parse(kind, RecordFields.type(worker, key), text));
            }
        }
        List<Worker> workers = new ArrayList<>(scenario.workers());
        workers.set(index, changed);
        return References.rename(scenario.withWorkers(workers), "worker", worker.ref(), changed.ref());
    }

    private static Scenario applyToResource(Scenario scenario, int index, String key, String text)
            throws FieldCodec.BadText {
        Resource resource = scenario.resources().get(index);
        FieldKind kind = key.equals("name") ? FieldKind.TEXT : FieldKind.INTEGER;
        Resource changed = (Resource) RecordFields.with((Record) resource, key,
                FieldCodec.parse(kind, RecordFields.type((Record) resource, key), text));
        List<Resource> resources = new ArrayList<>(scenario.resources());
        resources.set(index, changed);
        return References.rename(scenario.withResources(resources), References.category(resource),
                resource.name(), changed.name());
    }

    private static Scenario applyToScenario(Scenario scenario, String key, String text) throws FieldCodec.BadText {
        if (key.equals("title")) {
            return scenario.withTitle(text);
        }
        if (key.equals("lesson")) {
            return scenario.withLesson((String) FieldCodec.parse(FieldKind.OPTIONAL_TEXT, String.class, text));
        }
        if (!key.startsWith(SETTINGS)) {
            throw new IllegalArgumentException("no field " + key);
        }
        String component = key.substring(SETTINGS.length());
        Settings settings = scenario.settings();
        Object value;
        if (component.equals("excepthook")) {
            value = Arrays.stream(Settings.Excepthook.values()).filter(h -> h.json().equals(text.trim())).findFirst()
                    .orElseThrow(() -> new FieldCodec.BadText("expected default or custom"));
        } else {
            FieldKind kind = switch (component) {
                case "gil" -> FieldKind.BOOLEAN;
                case "speed" -> FieldKind.REAL;
                default -> FieldKind.INTEGER;
            };
            value = FieldCodec.parse(kind, RecordFields.type(settings, component), text);
        }
        return scenario.withSettings(RecordFields.with(settings, component, value));
    }

    static String freshId(Scenario scenario) {
        return StepFactory.worker(WorkerStyle.LAMBDA, scenario).id();
    }

    private static boolean isBlock(Step step, String component) {
        return List.class.isAssignableFrom(RecordFields.type((Record) step, component))
                && !(step instanceof Step.MapTasks && component.equals("items"));
    }

    /** How a step component is edited, from its name and type. */
    static FieldKind kind(Step step, String component) {
        if (step instanceof Step.Introspect) {
            return FieldKind.CHOICE;
        }
        if (References.CATEGORIES.contains(component) && !(step instanceof Step.Submit && component.equals("future"))) {
            return FieldKind.REFERENCE;
        }
        Class<?> type = RecordFields.type((Record) step, component);
        if (type == Long.class) {
            return FieldKind.OPTIONAL_INTEGER;
        }
        if (type == long.class || type == int.class || type == BigInteger.class) {
            return FieldKind.INTEGER;
        }
        if (type == boolean.class) {
            return FieldKind.BOOLEAN;
        }
        if (type == io.threadstage.model.Value.class) {
            // a raise may have no message: an empty field means raise Type(), not Type(None)
            return step instanceof Step.Raise ? FieldKind.OPTIONAL_VALUE : FieldKind.VALUE;
        }
        if (List.class.isAssignableFrom(type)) {
            return FieldKind.VALUES;
        }
        if (step instanceof Step.Io && component.equals("label")) {
            return FieldKind.OPTIONAL_TEXT;
        }
        return FieldKind.TEXT;
    }

    /** The document's key for a step component: the verb for the main one, else its option. */
    static String stepLabel(Step step, String component) {
        List<String> components = RecordFields.names((Record) step);
        String first = components.stream().filter(c -> !isBlock(step, c)).findFirst().orElse("");
        if (component.equals(first) && !(step instanceof Step.Try) && !(step instanceof Step.Introspect)) {
            return step.verb();
        }
        return switch (component) {
            case "timeoutMs" -> "timeout";
            case "sentinel" -> "until_item";
            case "pauseMs" -> ((Step.Until) step).bySleep() ? "sleep" : "wait";
            case "bySleep" -> "pause with sleep";
            case "future" -> "as";
            default -> component;
        };
    }

    private static EditorField row(Scenario scenario, String path, List<Problem> problems, String key, String label,
                                   FieldKind kind, Object value) {
        List<String> choices = List.of();
        if (kind == FieldKind.REFERENCE) {
            choices = References.choices(scenario, key);
        } else if (kind == FieldKind.CHOICE) {
            choices = switch (key) {
                case "style" -> Arrays.stream(WorkerStyle.values()).map(WorkerStyle::json).toList();
                case "query" -> Arrays.stream(Step.Query.values()).map(Step.Query::verb).toList();
                default -> Arrays.stream(Settings.Excepthook.values()).map(Settings.Excepthook::json).toList();
            };
        }
        String text = value instanceof Step.Query q ? q.verb() : FieldCodec.format(value);
        return new EditorField(key, label, kind, text, choices, problemFor(problems, path, label, key, kind));
    }

    /**
     * The validator's message about one field: one reported at the field's own path, or at the
     * node's path naming the field's key in quotes ({@code "timeout" must be...}), or, for a
     * reference, saying what it refers to is unknown.
     */
    private static String problemFor(List<Problem> problems, String path, String label, String key, FieldKind kind) {
        String shortKey = key.startsWith(TASK) ? key : key.substring(key.indexOf('.') + 1);
        for (Problem problem : problems) {
            String at = problem.path();
            if (at.equals(path + "." + label) || at.equals(path + "." + shortKey)) {
                return problem.message();
            }
        }
        for (Problem problem : problems) {
            if (!problem.path().equals(path)) {
                continue;
            }
            String message = problem.message();
            if (message.contains("\"" + label + "\"")
                    || (kind == FieldKind.REFERENCE && (message.startsWith("unknown ") || message.contains(" is submitted only later")))) {
                return message;
            }
        }
        return null;
    }

    /** Problems about the node itself or one of its fields, not about a nested step. */
    public static List<Problem> problemsOf(Selection selection, List<Problem> problems) {
        Selection target = target(selection);
        if (target instanceof Selection.Scenario) {
            return problems.stream().filter(p -> p.path().equals("$") || p.path().matches("\\$\\.(format|title|lesson|settings).*"))
                    .toList();
        }
        String path = target.path();
        return problems.stream().filter(p -> p.path().equals(path)
                || (p.path().startsWith(path + ".") && !p.path().substring(path.length()).matches("\\.(do|try|then|task\\.steps|steps)\\[.*")))
                .toList();
    }
}
