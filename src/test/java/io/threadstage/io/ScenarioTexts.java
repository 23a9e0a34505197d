package io.threadstage.io;

import io.threadstage.model.PrintTemplateSyntax;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every text of a scenario that can reach the generated Python, replaced: the title, the
 * caption, worker names (and every step that refers to them), rename targets, io labels, the
 * literal runs of print and returns templates (placeholders and their braces kept), and every
 * text inside values (items, sentinels, arguments, keys of their dicts, thread-local values,
 * exception messages). Names that are identifiers (resources, functions, parameters, ids,
 * exception types) stay. Stateless; any thread.
 */
final class ScenarioTexts {

    /**
     * @param name the title and worker names (which must stay non-blank and distinct)
     * @param text every other text but template runs
     * @param run  the literal runs of templates (given non-empty, each must stay non-empty)
     */
    record Mapping(UnaryOperator<String> name, UnaryOperator<String> text, UnaryOperator<String> run) {
    }

    private final Mapping mapping;
    private final Map<String, String> workerNames = new LinkedHashMap<>();

    private ScenarioTexts(Mapping mapping) {
        this.mapping = mapping;
    }

    static Scenario map(Scenario scenario, Mapping mapping) {
        return new ScenarioTexts(mapping).scenario(scenario);
    }

    private Scenario scenario(Scenario scenario) {
        for (Worker worker : scenario.workers()) {
            if (worker.name() != null) {
                workerNames.put(worker.name(), mapping.name().apply(worker.name()));
            }
        }
        List<Worker> workers = new ArrayList<>();
        for (Worker worker : scenario.workers()) {
            workers.add(new Worker(worker.name() == null ? null : workerNames.get(worker.name()), worker.id(),
                    worker.style(), worker.function(), worker.className(), worker.params(), values(worker.args()),
                    kwargs(worker.kwargs()), worker.daemon(), steps(worker.steps())));
        }
        String lesson = scenario.lesson() == null ? null : mapping.text().apply(scenario.lesson());
        return new Scenario(mapping.name().apply(scenario.title()), lesson, scenario.settings(), scenario.resources(),
                workers, steps(scenario.main()), scenario.extensions());
    }

    private String worker(String ref) {
        return workerNames.getOrDefault(ref, ref);
    }

    private List<Step> steps(List<Step> steps) {
        List<Step> mapped = new ArrayList<>();
        for (Step step : steps) {
            mapped.add(step(step));
        }
        return mapped;
    }

    private Step step(Step step) {
        if (step instanceof Step.Io io) {
            return new Step.Io(io.ms(), io.label() == null ? null : mapping.text().apply(io.label()));
        }
        if (step instanceof Step.Print print) {
            return new Step.Print(template(print.text()));
        }
        if (step instanceof Step.With with) {
            return new Step.With(with.lock(), steps(with.body()));
        }
        if (step instanceof Step.Put put) {
            return new Step.Put(put.queue(), value(put.item()), put.timeoutMs());
        }
        if (step instanceof Step.GetUntil loop) {
            return new Step.GetUntil(loop.queue(), value(loop.sentinel()), steps(loop.body()));
        }
        if (step instanceof Step.Until until) {
            return new Step.Until(until.event(), steps(until.body()), until.pauseMs(), until.bySleep());
        }
        if (step instanceof Step.Start start) {
            return new Step.Start(worker(start.worker()));
        }
        if (step instanceof Step.Run run) {
            return new Step.Run(worker(run.worker()));
        }
        if (step instanceof Step.Join join) {
            return new Step.Join(worker(join.worker()), join.timeoutMs());
        }
        if (step instanceof Step.IsAlive alive) {
            return new Step.IsAlive(worker(alive.worker()));
        }
        if (step instanceof Step.SetDaemon daemon) {
            return new Step.SetDaemon(worker(daemon.worker()), daemon.value());
        }
        if (step instanceof Step.Rename rename) {
            return new Step.Rename(worker(rename.worker()), mapping.text().apply(rename.to()));
        }
        if (step instanceof Step.Submit submit) {
            return new Step.Submit(submit.executor(), task(submit.task()), submit.future());
        }
        if (step instanceof Step.MapTasks map) {
            return new Step.MapTasks(map.executor(), task(map.task()), values(map.items()), map.print());
        }
        if (step instanceof Step.LocalSet set) {
            return new Step.LocalSet(set.local(), value(set.value()));
        }
        if (step instanceof Step.Raise raise) {
            return new Step.Raise(raise.type(), value(raise.message()));
        }
        if (step instanceof Step.Try attempt) {
            return new Step.Try(steps(attempt.body()), attempt.except(), steps(attempt.handler()));
        }
        if (step instanceof Step.Repeat repeat) {
            return new Step.Repeat(repeat.times(), steps(repeat.body()));
        }
        return step;
    }

    private Task task(Task task) {
        Value returns = task.returns() instanceof Value.Text text ? Value.of(template(text.value())) : value(task.returns());
        return new Task(task.function(), task.params(), values(task.args()), steps(task.steps()), returns);
    }

    /** The literal runs replaced, each placeholder kept; braces in the new runs doubled. */
    private String template(String template) {
        StringBuilder mapped = new StringBuilder();
        for (PrintTemplateSyntax.Part part : PrintTemplateSyntax.parts(template)) {
            if (part.placeholder()) {
                mapped.append('{').append(part.text()).append('}');
            } else {
                mapped.append(mapping.run().apply(part.text()).replace("{", "{{").replace("}", "}}"));
            }
        }
        return mapped.toString();
    }

    private List<Value> values(List<Value> values) {
        List<Value> mapped = new ArrayList<>();
        for (Value value : values) {
            mapped.add(value(value));
        }
        return mapped;
    }

    /** Keyword names are parameters, identifiers: only their values change. */
    private Map<String, Value> kwargs(Map<String, Value> kwargs) {
        Map<String, Value> mapped = new LinkedHashMap<>();
        kwargs.forEach((key, value) -> mapped.put(key, value(value)));
        return mapped;
    }

    private Value value(Value value) {
        if (value instanceof Value.Text text) {
            return Value.of(mapping.text().apply(text.value()));
        }
        if (value instanceof Value.Array array) {
            return new Value.Array(values(array.items()));
        }
        if (value instanceof Value.Dict dict) {
            Map<String, Value> mapped = new LinkedHashMap<>();
            dict.entries().forEach((key, item) -> mapped.put(mapping.text().apply(key), value(item)));
            return new Value.Dict(mapped);
        }
        return value;
    }
}
