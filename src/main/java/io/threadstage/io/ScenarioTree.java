package io.threadstage.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.StepVisitor;
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
        step.accept(new StepNode(node));
        return node;
    }

    /** Fills one step's object: its verb key first, then its options, in the format's order. */
    private final class StepNode implements StepVisitor<Void> {

        private final ObjectNode node;

        StepNode(ObjectNode node) {
            this.node = node;
        }

        @Override
        public Void visit(Step.Compute compute) {
            node.put("compute", compute.ms());
            return null;
        }

        @Override
        public Void visit(Step.Sleep sleep) {
            node.put("sleep", sleep.ms());
            return null;
        }

        @Override
        public Void visit(Step.Io io) {
            node.put("io", io.ms());
            putText(node, "label", io.label());
            return null;
        }

        @Override
        public Void visit(Step.Print print) {
            node.put("print", print.text());
            return null;
        }

        @Override
        public Void visit(Step.Acquire acquire) {
            node.put("acquire", acquire.lock());
            putMs(node, "timeout", acquire.timeoutMs());
            return null;
        }

        @Override
        public Void visit(Step.Release release) {
            node.put("release", release.lock());
            return null;
        }

        @Override
        public Void visit(Step.With with) {
            node.put("with", with.lock());
            node.set("do", steps(with.body()));
            return null;
        }

        @Override
        public Void visit(Step.Put put) {
            node.put("put", put.queue());
            putValue(node, "item", put.item());
            putMs(node, "timeout", put.timeoutMs());
            return null;
        }

        @Override
        public Void visit(Step.Get get) {
            node.put("get", get.queue());
            putMs(node, "timeout", get.timeoutMs());
            return null;
        }

        @Override
        public Void visit(Step.GetUntil loop) {
            node.put("get", loop.queue());
            putValue(node, "until_item", loop.sentinel());
            node.set("do", steps(loop.body()));
            return null;
        }

        @Override
        public Void visit(Step.TaskDone done) {
            node.put("task_done", done.queue());
            return null;
        }

        @Override
        public Void visit(Step.JoinQueue join) {
            node.put("join_queue", join.queue());
            return null;
        }

        @Override
        public Void visit(Step.Wait wait) {
            node.put("wait", wait.event());
            putMs(node, "timeout", wait.timeoutMs());
            return null;
        }

        @Override
        public Void visit(Step.SetEvent set) {
            node.put("set", set.event());
            return null;
        }

        @Override
        public Void visit(Step.ClearEvent clear) {
            node.put("clear", clear.event());
            return null;
        }

        @Override
        public Void visit(Step.Until until) {
            node.put("until", until.event());
            node.set("do", steps(until.body()));
            node.put(until.bySleep() ? "sleep" : "wait", until.pauseMs());
            return null;
        }

        @Override
        public Void visit(Step.Start start) {
            node.put("start", start.worker());
            return null;
        }

        @Override
        public Void visit(Step.Run run) {
            node.put("run", run.worker());
            return null;
        }

        @Override
        public Void visit(Step.Join join) {
            node.put("join", join.worker());
            putMs(node, "timeout", join.timeoutMs());
            return null;
        }

        @Override
        public Void visit(Step.IsAlive isAlive) {
            node.put("is_alive", isAlive.worker());
            return null;
        }

        @Override
        public Void visit(Step.SetDaemon setDaemon) {
            node.put("set_daemon", setDaemon.worker());
            node.put("value", setDaemon.value());
            return null;
        }

        @Override
        public Void visit(Step.Rename rename) {
            node.put("rename", rename.worker());
            putText(node, "to", rename.to());
            return null;
        }

        @Override
        public Void visit(Step.Submit submit) {
            node.put("submit", submit.executor());
            putTask(node, submit.task());
            putText(node, "as", submit.future());
            return null;
        }

        @Override
        public Void visit(Step.Result result) {
            node.put("result", result.future());
            putMs(node, "timeout", result.timeoutMs());
            putFlag(node, "print", result.print());
            return null;
        }

        @Override
        public Void visit(Step.MapTasks map) {
            node.put("map", map.executor());
            putTask(node, map.task());
            node.set("items", JsonValues.toJson(new Value.Array(map.items())));
            putFlag(node, "print", map.print());
            return null;
        }

        @Override
        public Void visit(Step.Shutdown shutdown) {
            node.put("shutdown", shutdown.executor());
            return null;
        }

        @Override
        public Void visit(Step.LocalSet set) {
            node.put("local_set", set.local());
            putValue(node, "value", set.value());
            return null;
        }

        @Override
        public Void visit(Step.LocalGet get) {
            node.put("local_get", get.local());
            return null;
        }

        @Override
        public Void visit(Step.Increment increment) {
            node.put("increment", increment.counter());
            if (!increment.by().equals(BigInteger.ONE)) {
                node.put("by", increment.by());
            }
            if (increment.yieldBetween()) {
                node.put("yield", true);
            }
            return null;
        }

        @Override
        public Void visit(Step.Raise raise) {
            node.put("raise", raise.type());
            putValue(node, "message", raise.message());
            return null;
        }

        @Override
        public Void visit(Step.Try attempt) {
            node.set("try", steps(attempt.body()));
            putText(node, "except", attempt.except());
            node.set("then", steps(attempt.handler()));
            return null;
        }

        @Override
        public Void visit(Step.Repeat repeat) {
            node.put("repeat", repeat.times());
            node.set("do", steps(repeat.body()));
            return null;
        }

        @Override
        public Void visit(Step.Introspect introspect) {
            if (introspect.query() != null) {
                node.put(introspect.query().verb(), true);
            }
            return null;
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
