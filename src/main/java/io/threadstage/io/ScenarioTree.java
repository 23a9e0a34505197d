package io.threadstage.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The model as a JSON tree with the format's key order (the order of the format's example,
 * the verb first in a step) and defaults left out, so that saved files stay small and diff
 * well. Writes invalid models too (missing parts are left out) because the editor may save
 * work in progress. Stateless; any thread.
 */
final class ScenarioTree {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    ObjectNode document(Scenario scenario) {
        ObjectNode root = nodes.objectNode();
        root.put("format", Scenario.FORMAT);
        putText(root, "title", scenario.title());
        putText(root, "lesson", scenario.lesson());
        for (Map.Entry<String, Value> extension : scenario.extensions().entrySet()) {
            root.set(extension.getKey(), JsonValues.toJson(extension.getValue()));
        }
        ObjectNode settings = settings(scenario.settings());
        if (settings != null && !settings.isEmpty()) {
            root.set("settings", settings);
        }
        if (!scenario.resources().isEmpty()) {
            ArrayNode resources = root.putArray("resources");
            scenario.resources().forEach(resource -> resources.add(resource(resource)));
        }
        if (!scenario.workers().isEmpty()) {
            ArrayNode workers = root.putArray("workers");
            scenario.workers().forEach(worker -> workers.add(worker(worker)));
        }
        root.set("main", steps(scenario.main()));
        return root;
    }

    private ObjectNode settings(Settings settings) {
        if (settings == null) {
            return null;
        }
        Settings fallback = Settings.DEFAULT;
        ObjectNode node = nodes.objectNode();
        if (settings.gil() != fallback.gil()) {
            node.put("gil", settings.gil());
        }
        if (settings.switchIntervalMs() != fallback.switchIntervalMs()) {
            node.put("switchIntervalMs", settings.switchIntervalMs());
        }
        if (Double.compare(settings.speed(), fallback.speed()) != 0) {
            node.put("speed", settings.speed());
        }
        if (settings.excepthook() != null && settings.excepthook() != fallback.excepthook()) {
            node.put("excepthook", settings.excepthook().json());
        }
        return node;
    }

    private ObjectNode resource(Resource resource) {
        ObjectNode node = nodes.objectNode();
        node.put("kind", resource.kind());
        putText(node, "name", resource.name());
        if (resource instanceof Resource.Queue) {
            node.put("maxsize", ((Resource.Queue) resource).maxsize());
        } else if (resource instanceof Resource.Executor) {
            node.put("maxWorkers", ((Resource.Executor) resource).maxWorkers());
        } else if (resource instanceof Resource.Counter counter && counter.value().signum() != 0) {
            node.put("value", counter.value());
        }
        return node;
    }

    private ObjectNode worker(Worker worker) {
        ObjectNode node = nodes.objectNode();
        putText(node, "name", worker.name());
        putText(node, "id", worker.id());
        if (worker.style() != null) {
            node.put("style", worker.style().json());
        }
        putText(node, "function", worker.function());
        putText(node, "class", worker.className());
        putNames(node, "params", worker.params());
        putValues(node, "args", worker.args());
        if (!worker.kwargs().isEmpty()) {
            node.set("kwargs", JsonValues.toJson(new Value.Dict(worker.kwargs())));
        }
        if (worker.daemon()) {
            node.put("daemon", true);
        }
        node.set("steps", steps(worker.steps()));
        return node;
    }

    private ArrayNode steps(List<Step> steps) {
        ArrayNode list = nodes.arrayNode();
        steps.forEach(step -> list.add(step(step)));
        return list;
    }

    private ObjectNode step(Step step) {
        ObjectNode node = nodes.objectNode();
        if (step instanceof Step.Compute) {
            node.put("compute", ((Step.Compute) step).ms());
        } else if (step instanceof Step.Sleep) {
            node.put("sleep", ((Step.Sleep) step).ms());
        } else if (step instanceof Step.Io) {
            node.put("io", ((Step.Io) step).ms());
            putText(node, "label", ((Step.Io) step).label());
        } else if (step instanceof Step.Print) {
            node.put("print", ((Step.Print) step).text());
        } else if (step instanceof Step.Acquire) {
            node.put("acquire", ((Step.Acquire) step).lock());
            putMs(node, "timeout", ((Step.Acquire) step).timeoutMs());
        } else if (step instanceof Step.Release) {
            node.put("release", ((Step.Release) step).lock());
        } else if (step instanceof Step.With) {
            node.put("with", ((Step.With) step).lock());
            node.set("do", steps(((Step.With) step).body()));
        } else if (step instanceof Step.Put) {
            Step.Put put = (Step.Put) step;
            node.put("put", put.queue());
            putValue(node, "item", put.item());
            putMs(node, "timeout", put.timeoutMs());
        } else if (step instanceof Step.Get) {
            node.put("get", ((Step.Get) step).queue());
            putMs(node, "timeout", ((Step.Get) step).timeoutMs());
        } else if (step instanceof Step.GetUntil) {
            Step.GetUntil loop = (Step.GetUntil) step;
            node.put("get", loop.queue());
            putValue(node, "until_item", loop.sentinel());
            node.set("do", steps(loop.body()));
        } else if (step instanceof Step.TaskDone) {
            node.put("task_done", ((Step.TaskDone) step).queue());
        } else if (step instanceof Step.JoinQueue) {
            node.put("join_queue", ((Step.JoinQueue) step).queue());
        } else if (step instanceof Step.Wait) {
            node.put("wait", ((Step.Wait) step).event());
            putMs(node, "timeout", ((Step.Wait) step).timeoutMs());
        } else if (step instanceof Step.SetEvent) {
            node.put("set", ((Step.SetEvent) step).event());
        } else if (step instanceof Step.ClearEvent) {
            node.put("clear", ((Step.ClearEvent) step).event());
        } else if (step instanceof Step.Until) {
            Step.Until until = (Step.Until) step;
            node.put("until", until.event());
            node.set("do", steps(until.body()));
            node.put(until.bySleep() ? "sleep" : "wait", until.pauseMs());
        } else {
            threadOrPoolStep(step, node);
        }
        return node;
    }

    private void threadOrPoolStep(Step step, ObjectNode node) {
        if (step instanceof Step.Start) {
            node.put("start", ((Step.Start) step).worker());
        } else if (step instanceof Step.Run) {
            node.put("run", ((Step.Run) step).worker());
        } else if (step instanceof Step.Join) {
            node.put("join", ((Step.Join) step).worker());
            putMs(node, "timeout", ((Step.Join) step).timeoutMs());
        } else if (step instanceof Step.IsAlive) {
            node.put("is_alive", ((Step.IsAlive) step).worker());
        } else if (step instanceof Step.SetDaemon) {
            node.put("set_daemon", ((Step.SetDaemon) step).worker());
            node.put("value", ((Step.SetDaemon) step).value());
        } else if (step instanceof Step.Rename) {
            node.put("rename", ((Step.Rename) step).worker());
            putText(node, "to", ((Step.Rename) step).to());
        } else if (step instanceof Step.Submit) {
            Step.Submit submit = (Step.Submit) step;
            node.put("submit", submit.executor());
            putTask(node, submit.task());
            putText(node, "as", submit.future());
        } else if (step instanceof Step.Result) {
            Step.Result result = (Step.Result) step;
            node.put("result", result.future());
            putMs(node, "timeout", result.timeoutMs());
            putFlag(node, "print", result.print());
        } else if (step instanceof Step.MapTasks) {
            Step.MapTasks map = (Step.MapTasks) step;
            node.put("map", map.executor());
            putTask(node, map.task());
            node.set("items", JsonValues.toJson(new Value.Array(map.items())));
            putFlag(node, "print", map.print());
        } else if (step instanceof Step.Shutdown) {
            node.put("shutdown", ((Step.Shutdown) step).executor());
        } else {
            otherStep(step, node);
        }
    }

    private void otherStep(Step step, ObjectNode node) {
        if (step instanceof Step.LocalSet) {
            node.put("local_set", ((Step.LocalSet) step).local());
            putValue(node, "value", ((Step.LocalSet) step).value());
        } else if (step instanceof Step.LocalGet) {
            node.put("local_get", ((Step.LocalGet) step).local());
        } else if (step instanceof Step.Increment) {
            Step.Increment increment = (Step.Increment) step;
            node.put("increment", increment.counter());
            if (!increment.by().equals(BigInteger.ONE)) {
                node.put("by", increment.by());
            }
            if (increment.yieldBetween()) {
                node.put("yield", true);
            }
        } else if (step instanceof Step.Raise) {
            node.put("raise", ((Step.Raise) step).type());
            putValue(node, "message", ((Step.Raise) step).message());
        } else if (step instanceof Step.Try) {
            Step.Try attempt = (Step.Try) step;
            node.set("try", steps(attempt.body()));
            putText(node, "except", attempt.except());
            node.set("then", steps(attempt.handler()));
        } else if (step instanceof Step.Repeat) {
            node.put("repeat", ((Step.Repeat) step).times());
            node.set("do", steps(((Step.Repeat) step).body()));
        } else if (step instanceof Step.Introspect && ((Step.Introspect) step).query() != null) {
            node.put(((Step.Introspect) step).query().verb(), true);
        }
    }

    private void putTask(ObjectNode step, Task task) {
        if (task == null) {
            return;
        }
        ObjectNode node = step.putObject("task");
        putText(node, "function", task.function());
        putNames(node, "params", task.params());
        putValues(node, "args", task.args());
        node.set("steps", steps(task.steps()));
        putValue(node, "returns", task.returns());
    }

    private void putText(ObjectNode node, String key, String text) {
        if (text != null) {
            node.put(key, text);
        }
    }

    private void putMs(ObjectNode node, String key, Long ms) {
        if (ms != null) {
            node.put(key, ms.longValue());
        }
    }

    private void putFlag(ObjectNode node, String key, boolean on) {
        if (on) {
            node.put(key, true);
        }
    }

    private void putNames(ObjectNode node, String key, List<String> names) {
        if (!names.isEmpty()) {
            ArrayNode list = node.putArray(key);
            names.forEach(list::add);
        }
    }

    private void putValues(ObjectNode node, String key, List<Value> values) {
        if (!values.isEmpty()) {
            node.set(key, JsonValues.toJson(new Value.Array(values)));
        }
    }

    private void putValue(ObjectNode node, String key, Value value) {
        if (value != null) {
            node.set(key, JsonValues.toJson(value));
        }
    }
}
