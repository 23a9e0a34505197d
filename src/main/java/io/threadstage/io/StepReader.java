package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadstage.model.BodyPath;
import io.threadstage.model.Limits;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.Task;
import io.threadstage.model.Texts;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads steps: finds each step's one verb, refuses keys the verb does not take, and checks the
 * JSON type of every option. Names, kinds and ranges are the {@link io.threadstage.model.Validator}'s.
 * The tree it reads is depth-limited, so its recursion is bounded. Stateless; any thread.
 */
final class StepReader {

    /** Every verb and the option keys it takes, in the order the writer writes them. */
    static final Map<String, List<String>> VERBS = verbs();

    private static Map<String, List<String>> verbs() {
        Map<String, List<String>> verbs = new LinkedHashMap<>();
        verbs.put("compute", List.of());
        verbs.put("sleep", List.of());
        verbs.put("io", List.of("label"));
        verbs.put("print", List.of());
        verbs.put("acquire", List.of("timeout"));
        verbs.put("release", List.of());
        verbs.put("with", List.of("do"));
        verbs.put("put", List.of("item", "timeout"));
        verbs.put("get", List.of("timeout", "until_item", "do"));
        verbs.put("task_done", List.of());
        verbs.put("join_queue", List.of());
        verbs.put("wait", List.of("timeout"));
        verbs.put("set", List.of());
        verbs.put("clear", List.of());
        verbs.put("until", List.of("do", "wait", "sleep"));
        verbs.put("start", List.of());
        verbs.put("run", List.of());
        verbs.put("join", List.of("timeout"));
        verbs.put("is_alive", List.of());
        verbs.put("set_daemon", List.of("value"));
        verbs.put("rename", List.of("to"));
        verbs.put("submit", List.of("task", "as"));
        verbs.put("result", List.of("timeout", "print"));
        verbs.put("map", List.of("task", "items", "print"));
        verbs.put("shutdown", List.of());
        verbs.put("local_set", List.of("value"));
        verbs.put("local_get", List.of());
        verbs.put("increment", List.of("by", "yield"));
        verbs.put("raise", List.of("message"));
        verbs.put("try", List.of("except", "then"));
        verbs.put("repeat", List.of("do"));
        for (Step.Query query : Step.Query.values()) {
            verbs.put(query.verb(), List.of());
        }
        return Map.copyOf(verbs);
    }

    private static final List<String> TASK_KEYS = List.of("function", "params", "args", "steps", "returns");

    /** The steps of {@code list}, the list of steps at {@code body}. */
    List<Step> steps(ArrayNode list, BodyPath body) throws Refusal {
        List<Step> steps = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(list.get(i), body.at(i)));
        }
        return steps;
    }

    Step step(JsonNode node, StepPath at) throws Refusal {
        String path = at.jsonPath();
        if (!(node instanceof ObjectNode)) {
            throw new Refusal(path, "a step must be an object, got " + Fields.describe(node));
        }
        ObjectNode object = (ObjectNode) node;
        String verb = verbOf(object, path);
        Fields fields = Fields.ofStep(object, path, verb);
        List<String> options = VERBS.get(verb);
        List<String> allowed = new ArrayList<>(options);
        allowed.add(verb);
        fields.allowOnly(allowed, Texts.quote(verb) + (options.isEmpty() ? " (it takes no other key)" : ""));
        return build(verb, fields, at);
    }

    /**
     * The step's one verb. A verb's option may share its name with another verb ({@code until}
     * takes {@code wait} and {@code sleep}; {@code result} and {@code map} take {@code print}),
     * so a key claimed as an option by a verb present is no verb itself.
     */
    private static String verbOf(ObjectNode object, String path) throws Refusal {
        Set<String> verbs = new LinkedHashSet<>();
        String unknown = null;
        Iterator<String> keys = object.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (VERBS.containsKey(key)) {
                verbs.add(key);
            } else if (unknown == null && !key.startsWith("x-") && !isOption(key)) {
                unknown = key;
            }
        }
        Set<String> claimed = new LinkedHashSet<>();
        for (String verb : verbs) {
            claimed.addAll(VERBS.get(verb));
        }
        Set<String> real = new LinkedHashSet<>(verbs);
        real.removeAll(claimed);
        if (real.isEmpty() && !verbs.isEmpty()) {
            real.add(verbs.iterator().next());
        }
        if (real.size() == 1) {
            return real.iterator().next();
        }
        if (real.isEmpty()) {
            throw new Refusal(path, unknown != null ? "unknown verb " + Texts.quote(unknown)
                    : "a step needs exactly one verb, this one has none");
        }
        throw new Refusal(path, "a step needs exactly one verb, this one has " + real.size() + ": " + Texts.andList(real));
    }

    private static boolean isOption(String key) {
        for (List<String> options : VERBS.values()) {
            if (options.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private Step build(String verb, Fields step, StepPath at) throws Refusal {
        switch (verb) {
            case "compute":
                return new Step.Compute(step.ms(verb));
            case "sleep":
                return new Step.Sleep(step.ms(verb));
            case "io":
                return new Step.Io(step.ms(verb), step.text("label"));
            case "print":
                return new Step.Print(step.text(verb));
            case "acquire":
                return new Step.Acquire(step.text(verb), step.ms("timeout"));
            case "release":
                return new Step.Release(step.text(verb));
            case "with":
                step.require("do");
                return new Step.With(step.text(verb), block(step, at, BodyPath.DO));
            case "put":
                step.require("item");
                return new Step.Put(step.text(verb), step.value("item"), step.ms("timeout"));
            case "get":
                return get(step, at);
            case "task_done":
                return new Step.TaskDone(step.text(verb));
            case "join_queue":
                return new Step.JoinQueue(step.text(verb));
            case "wait":
                return new Step.Wait(step.text(verb), step.ms("timeout"));
            case "set":
                return new Step.SetEvent(step.text(verb));
            case "clear":
                return new Step.ClearEvent(step.text(verb));
            case "until":
                return until(step, at);
            default:
                return buildThreadsAndPools(verb, step, at);
        }
    }

    private Step buildThreadsAndPools(String verb, Fields step, StepPath at) throws Refusal {
        switch (verb) {
            case "start":
                return new Step.Start(step.text(verb));
            case "run":
                return new Step.Run(step.text(verb));
            case "join":
                return new Step.Join(step.text(verb), step.ms("timeout"));
            case "is_alive":
                return new Step.IsAlive(step.text(verb));
            case "set_daemon":
                step.require("value");
                return new Step.SetDaemon(step.text(verb), step.bool("value", false));
            case "rename":
                step.require("to");
                return new Step.Rename(step.text(verb), step.text("to"));
            case "submit":
                step.require("task");
                return new Step.Submit(step.text(verb), task(step, at), step.text("as"));
            case "result":
                return new Step.Result(step.text(verb), step.ms("timeout"), step.bool("print", false));
            case "map":
                step.require("task", "items");
                return new Step.MapTasks(step.text(verb), task(step, at), step.values("items"), step.bool("print", false));
            case "shutdown":
                return new Step.Shutdown(step.text(verb));
            default:
                return buildTheRest(verb, step, at);
        }
    }

    private Step buildTheRest(String verb, Fields step, StepPath at) throws Refusal {
        switch (verb) {
            case "local_set":
                step.require("value");
                return new Step.LocalSet(step.text(verb), step.value("value"));
            case "local_get":
                return new Step.LocalGet(step.text(verb));
            case "increment":
                return new Step.Increment(step.text(verb), step.integer("by", BigInteger.ONE), step.bool("yield", false));
            case "raise":
                return new Step.Raise(step.text(verb), step.textOrInteger("message"));
            case "try":
                step.require("except", "then");
                List<Step> body = block(step, at, BodyPath.TRY);
                String except = step.text("except");
                return new Step.Try(body, except, block(step, at, BodyPath.THEN));
            case "repeat":
                step.require("do");
                return new Step.Repeat(step.wholeInt(verb, Limits.REPEAT, 0), block(step, at, BodyPath.DO));
            default:
                return introspection(verb, step);
        }
    }

    private static Step introspection(String verb, Fields step) throws Refusal {
        for (Step.Query query : Step.Query.values()) {
            if (query.verb().equals(verb)) {
                if (!step.bool(verb, false)) {
                    throw step.wrong(verb, "must be true");
                }
                return new Step.Introspect(query);
            }
        }
        throw new Refusal(step.path(), "unknown verb " + Texts.quote(verb));
    }

    private Step get(Fields step, StepPath at) throws Refusal {
        if (!step.has("until_item") && !step.has("do")) {
            return new Step.Get(step.text("get"), step.ms("timeout"));
        }
        step.require("until_item", "do");
        if (step.has("timeout")) {
            throw new Refusal(step.path(), "\"timeout\" cannot be used with \"until_item\"");
        }
        return new Step.GetUntil(step.text("get"), step.value("until_item"), block(step, at, BodyPath.DO));
    }

    private Step until(Fields step, StepPath at) throws Refusal {
        step.require("do");
        boolean waits = step.has("wait");
        boolean sleeps = step.has("sleep");
        if (waits == sleeps) {
            throw new Refusal(step.path(), waits ? "\"until\" takes \"wait\" or \"sleep\", not both"
                    : "\"until\" needs \"wait\" or \"sleep\" (the pause between rounds)");
        }
        List<Step> body = block(step, at, BodyPath.DO);
        Long pause = step.ms(waits ? "wait" : "sleep");
        return new Step.Until(step.text("until"), body, pause, sleeps);
    }

    private List<Step> block(Fields step, StepPath at, String key) throws Refusal {
        ArrayNode list = step.list(key, "a list of steps");
        return list == null ? List.of() : steps(list, at.block(key));
    }

    private Task task(Fields step, StepPath at) throws Refusal {
        JsonNode node = step.objectNode("task", "an object");
        Fields task = Fields.of(node, step.path() + ".task", "a task");
        task.allowOnly(TASK_KEYS, null);
        task.require("function", "steps");
        String function = task.text("function");
        List<String> params = task.names("params");
        List<Value> args = task.values("args");
        ArrayNode body = task.list("steps", "a list of steps");
        return new Task(function, params, args, steps(body, at.block(BodyPath.TASK)), task.value("returns"));
    }
}
