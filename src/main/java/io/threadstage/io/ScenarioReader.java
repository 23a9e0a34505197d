package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.threadstage.model.BodyPath;
import io.threadstage.model.Limits;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Texts;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Scenario} from a JSON tree, refusing unknown keys, missing required keys and
 * values of the wrong JSON type. Top-level {@code x-} keys are kept in
 * {@link Scenario#extensions()}; {@code x-} keys anywhere else are accepted and dropped.
 * Stateless; any thread.
 */
final class ScenarioReader {

    private static final List<String> DOCUMENT_KEYS =
            List.of("format", "title", "lesson", "settings", "resources", "workers", "main");
    private static final List<String> SETTINGS_KEYS = List.of("gil", "switchIntervalMs", "speed", "excepthook");
    private static final List<String> WORKER_KEYS =
            List.of("name", "id", "style", "function", "class", "params", "args", "kwargs", "daemon", "steps");
    private static final Map<String, List<String>> RESOURCE_KEYS = Map.of(
            "lock", List.of(), "rlock", List.of(), "event", List.of(), "local", List.of(),
            "queue", List.of("maxsize"), "executor", List.of("maxWorkers"), "counter", List.of("value"));
    private static final List<String> KINDS = List.of("lock", "rlock", "event", "queue", "executor", "local", "counter");

    private final StepReader steps = new StepReader();

    Scenario read(JsonNode root) throws Refusal {
        Fields document = Fields.of(root, "$", "a scenario");
        document.allowOnly(DOCUMENT_KEYS, null);
        document.require("format", "title", "main");
        JsonNode format = document.raw("format");
        if (!format.isTextual() || !Scenario.FORMAT.equals(format.textValue())) {
            throw new Refusal("$.format", "must be \"" + Scenario.FORMAT + "\", got " + Fields.describe(format));
        }
        String title = document.text("title");
        String lesson = document.text("lesson");
        Map<String, Value> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : document.extensions()) {
            extensions.put(entry.getKey(), JsonValues.fromJson(entry.getValue()));
        }
        Settings settings = settings(document);
        List<Resource> resources = new ArrayList<>();
        ArrayNode resourceList = document.list("resources", "a list of resources");
        if (resourceList != null) {
            for (int i = 0; i < resourceList.size(); i++) {
                resources.add(resource(resourceList.get(i), "$.resources[" + i + "]"));
            }
        }
        List<Worker> workers = new ArrayList<>();
        ArrayNode workerList = document.list("workers", "a list of workers");
        if (workerList != null) {
            for (int i = 0; i < workerList.size(); i++) {
                workers.add(worker(workerList.get(i), i));
            }
        }
        List<Step> main = steps.steps(document.list("main", "a list of steps"), BodyPath.main());
        return new Scenario(title, lesson, settings, resources, workers, main, extensions);
    }

    private static Settings settings(Fields document) throws Refusal {
        JsonNode node = document.raw("settings");
        if (node == null) {
            return Settings.DEFAULT;
        }
        Fields settings = Fields.of(node, "$.settings", null);
        settings.allowOnly(SETTINGS_KEYS, null);
        Settings fallback = Settings.DEFAULT;
        boolean gil = settings.bool("gil", fallback.gil());
        int interval = settings.wholeInt("switchIntervalMs", Limits.SWITCH_INTERVAL_MS, fallback.switchIntervalMs());
        double speed = settings.number("speed", fallback.speed());
        Settings.Excepthook hook = fallback.excepthook();
        String hookName = settings.text("excepthook");
        if (hookName != null) {
            hook = null;
            for (Settings.Excepthook candidate : Settings.Excepthook.values()) {
                if (candidate.json().equals(hookName)) {
                    hook = candidate;
                }
            }
            if (hook == null) {
                throw settings.wrong("excepthook", "must be \"default\" or \"custom\", got " + Texts.quote(hookName));
            }
        }
        return new Settings(gil, interval, speed, hook);
    }

    private static Resource resource(JsonNode node, String path) throws Refusal {
        Fields resource = Fields.of(node, path, "a resource");
        resource.require("kind");
        String kind = resource.text("kind");
        if (!KINDS.contains(kind)) {
            throw resource.wrong("kind", "unknown kind " + Texts.quote(kind) + " (expected " + Texts.orList(KINDS) + ")");
        }
        List<String> allowed = new ArrayList<>(RESOURCE_KEYS.get(kind));
        allowed.add("kind");
        allowed.add("name");
        resource.allowOnly(allowed, Texts.withArticle(kind));
        resource.require("name");
        String name = resource.text("name");
        switch (kind) {
            case "lock":
                return new Resource.Lock(name);
            case "rlock":
                return new Resource.RLock(name);
            case "event":
                return new Resource.Event(name);
            case "queue":
                return new Resource.Queue(name, resource.wholeInt("maxsize", Limits.MAXSIZE, 0));
            case "executor":
                resource.require("maxWorkers");
                return new Resource.Executor(name, resource.wholeInt("maxWorkers", Limits.MAX_WORKERS, 0));
            case "local":
                return new Resource.Local(name);
            default:
                return new Resource.Counter(name, resource.integer("value", BigInteger.ZERO));
        }
    }

    private Worker worker(JsonNode node, int index) throws Refusal {
        Fields worker = Fields.of(node, "$.workers[" + index + "]", "a worker");
        worker.allowOnly(WORKER_KEYS, "a worker");
        worker.require("style", "steps");
        String name = worker.text("name");
        String id = worker.text("id");
        String styleName = worker.text("style");
        WorkerStyle style = WorkerStyle.fromJson(styleName);
        if (style == null) {
            List<String> styles = new ArrayList<>();
            for (WorkerStyle each : WorkerStyle.values()) {
                styles.add(each.json());
            }
            throw worker.wrong("style", "unknown style " + Texts.quote(styleName) + " (expected " + Texts.orList(styles) + ")");
        }
        String function = worker.text("function");
        String className = worker.text("class");
        List<String> params = worker.names("params");
        List<Value> args = worker.values("args");
        Map<String, Value> kwargs = worker.dict("kwargs");
        boolean daemon = worker.bool("daemon", false);
        List<Step> body = steps.steps(worker.list("steps", "a list of steps"), BodyPath.worker(index));
        return new Worker(name, id, style, function, className, params, args, kwargs, daemon, body);
    }
}
