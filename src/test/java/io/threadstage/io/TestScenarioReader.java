package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient reading of valid scenario documents for generator tests, independent of the real loader. */
public final class TestScenarioReader {

    private TestScenarioReader() {
    }

    public static Scenario read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
        JsonNode s = root.path("settings");
        Settings settings = new Settings(s.path("gil").asBoolean(false), s.path("switchIntervalMs").asInt(5),
                s.path("speed").asDouble(1.0),
                "custom".equals(s.path("excepthook").asText()) ? Settings.Excepthook.CUSTOM : Settings.Excepthook.DEFAULT);
        List<Resource> resources = new ArrayList<>();
        for (JsonNode r : root.path("resources")) {
            String name = r.path("name").asText();
            switch (r.path("kind").asText()) {
                case "lock": resources.add(new Resource.Lock(name)); break;
                case "rlock": resources.add(new Resource.RLock(name)); break;
                case "event": resources.add(new Resource.Event(name)); break;
                case "queue": resources.add(new Resource.Queue(name, r.path("maxsize").asInt(0))); break;
                case "executor": resources.add(new Resource.Executor(name, r.path("maxWorkers").asInt())); break;
                case "local": resources.add(new Resource.Local(name)); break;
                default: resources.add(new Resource.Counter(name, r.path("value").asLong(0)));
            }
        }
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : root.path("workers")) {
            workers.add(new Worker(text(w, "name"), text(w, "id"), WorkerStyle.fromJson(w.path("style").asText()),
                    text(w, "function"), text(w, "class"), strings(w.path("params")), values(w.path("args")),
                    dict(w.path("kwargs")), w.path("daemon").asBoolean(false), steps(w.path("steps"))));
        }
        Map<String, Value> extensions = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                extensions.put(e.getKey(), value(e.getValue()));
            }
        });
        return new Scenario(root.path("title").asText(), text(root, "lesson"), settings, resources, workers,
                steps(root.path("main")), extensions);
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private static Long millis(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asLong() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<Value> values(JsonNode array) {
        List<Value> list = new ArrayList<>();
        array.forEach(n -> list.add(value(n)));
        return list;
    }

    private static Map<String, Value> dict(JsonNode object) {
        Map<String, Value> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
        return map;
    }

    private static Value value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Value.NONE;
        }
        if (n.isBoolean()) {
            return new Value.Bool(n.asBoolean());
        }
        if (n.isIntegralNumber()) {
            return new Value.Int(n.asLong());
        }
        if (n.isNumber()) {
            return new Value.Real(n.asDouble());
        }
        if (n.isTextual()) {
            return new Value.Text(n.asText());
        }
        if (n.isArray()) {
            return new Value.Array(values(n));
        }
        return new Value.Dict(dict(n));
    }

    private static List<Step> steps(JsonNode array) {
        List<Step> list = new ArrayList<>();
        array.forEach(n -> list.add(step(n)));
        return list;
    }

    private static Task task(JsonNode t) {
        return new Task(t.path("function").asText(), strings(t.path("params")), values(t.path("args")),
                steps(t.path("steps")), t.has("returns") ? value(t.get("returns")) : null);
    }

    private static Step step(JsonNode n) {
        Iterator<String> keys = n.fieldNames();
        String verb = null;
        while (keys.hasNext()) {
            String key = keys.next();
            if (List.of("compute", "sleep", "io", "print", "acquire", "release", "with", "put", "get", "task_done",
                    "join_queue", "wait", "set", "clear", "until", "start", "run", "join", "is_alive", "set_daemon",
                    "rename", "submit", "result", "map", "shutdown", "local_set", "local_get", "increment", "raise",
                    "try", "repeat", "current_thread", "main_thread", "enumerate", "active_count").contains(key)) {
                if (verb == null) {
                    verb = key;
                }
            }
        }
        String a = n.path(verb).asText();
        switch (verb) {
            case "compute": return new Step.Compute(n.get(verb).asLong());
            case "sleep": return new Step.Sleep(n.get(verb).asLong());
            case "io": return new Step.Io(n.get(verb).asLong(), text(n, "label"));
            case "print": return new Step.Print(a);
            case "acquire": return new Step.Acquire(a, millis(n, "timeout"));
            case "release": return new Step.Release(a);
            case "with": return new Step.With(a, steps(n.path("do")));
            case "put": return new Step.Put(a, value(n.get("item")), millis(n, "timeout"));
            case "get": return n.has("until_item") ? new Step.GetUntil(a, value(n.get("until_item")), steps(n.path("do")))
                    : new Step.Get(a, millis(n, "timeout"));
            case "task_done": return new Step.TaskDone(a);
            case "join_queue": return new Step.JoinQueue(a);
            case "wait": return new Step.Wait(a, millis(n, "timeout"));
            case "set": return new Step.SetEvent(a);
            case "clear": return new Step.ClearEvent(a);
            case "until": return new Step.Until(a, steps(n.path("do")),
                    n.has("sleep") ? n.get("sleep").asLong() : n.path("wait").asLong(), n.has("sleep"));
            case "start": return new Step.Start(a);
            case "run": return new Step.Run(a);
            case "join": return new Step.Join(a, millis(n, "timeout"));
            case "is_alive": return new Step.IsAlive(a);
            case "set_daemon": return new Step.SetDaemon(a, n.path("value").asBoolean());
            case "rename": return new Step.Rename(a, n.path("to").asText());
            case "submit": return new Step.Submit(a, task(n.path("task")), text(n, "as"));
            case "result": return new Step.Result(a, millis(n, "timeout"), n.path("print").asBoolean(false));
            case "map": return new Step.MapTasks(a, task(n.path("task")), values(n.path("items")), n.path("print").asBoolean(false));
            case "shutdown": return new Step.Shutdown(a);
            case "local_set": return new Step.LocalSet(a, value(n.get("value")));
            case "local_get": return new Step.LocalGet(a);
            case "increment": return new Step.Increment(a, n.path("by").asLong(1));
            case "raise": return new Step.Raise(a, text(n, "message"));
            case "try": return new Step.Try(steps(n.path("try")), n.path("except").asText("Exception"), steps(n.path("then")));
            case "repeat": return new Step.Repeat(n.get(verb).asInt(), steps(n.path("do")));
            case "current_thread": return new Step.Introspect(Step.Query.CURRENT_THREAD);
            case "main_thread": return new Step.Introspect(Step.Query.MAIN_THREAD);
            case "enumerate": return new Step.Introspect(Step.Query.ENUMERATE);
            default: return new Step.Introspect(Step.Query.ACTIVE_COUNT);
        }
    }
}
