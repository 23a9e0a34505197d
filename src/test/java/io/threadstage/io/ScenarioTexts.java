package io.threadstage.io;

import io.threadstage.model.PrintTemplateSyntax;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepVisitor;
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
        return step.accept(new StepTexts());
    }

    /** Each type of step with its texts, worker references and values mapped; one method a type, so none is missed. */
    private final class StepTexts implements StepVisitor<Step> {

        @Override
        public Step visit(Step.Io io) {
            return new Step.Io(io.ms(), io.label() == null ? null : mapping.text().apply(io.label()));
        }

        @Override public Step visit(Step.Print print) { return new Step.Print(template(print.text())); }
        @Override public Step visit(Step.With with) { return new Step.With(with.lock(), steps(with.body())); }

        @Override
        public Step visit(Step.Put put) {
            return new Step.Put(put.queue(), value(put.item()), put.timeoutMs());
        }

        @Override
        public Step visit(Step.GetUntil loop) {
            return new Step.GetUntil(loop.queue(), value(loop.sentinel()), steps(loop.body()));
        }

        @Override
        public Step visit(Step.Until until) {
            return new Step.Until(until.event(), steps(until.body()), until.pauseMs(), until.bySleep());
        }

        @Override public Step visit(Step.Start start) { return new Step.Start(worker(start.worker())); }
        @Override public Step visit(Step.Run run) { return new Step.Run(worker(run.worker())); }
        @Override public Step visit(Step.Join join) { return new Step.Join(worker(join.worker()), join.timeoutMs()); }
        @Override public Step visit(Step.IsAlive alive) { return new Step.IsAlive(worker(alive.worker())); }

        @Override
        public Step visit(Step.SetDaemon daemon) {
            return new Step.SetDaemon(worker(daemon.worker()), daemon.value());
        }

        @Override
        public Step visit(Step.Rename rename) {
            return new Step.Rename(worker(rename.worker()), mapping.text().apply(rename.to()));
        }

        @Override
        public Step visit(Step.Submit submit) {
            return new Step.Submit(submit.executor(), task(submit.task()), submit.future());
        }

        @Override
        public Step visit(Step.MapTasks map) {
            return new Step.MapTasks(map.executor(), task(map.task()), values(map.items()), map.print());
        }

        @Override public Step visit(Step.LocalSet set) { return new Step.LocalSet(set.local(), value(set.value())); }
        @Override public Step visit(Step.Raise raise) { return new Step.Raise(raise.type(), value(raise.message())); }

        @Override
        public Step visit(Step.Try attempt) {
            return new Step.Try(steps(attempt.body()), attempt.except(), steps(attempt.handler()));
        }

        @Override public Step visit(Step.Repeat repeat) { return new Step.Repeat(repeat.times(), steps(repeat.body())); }

        // no text, worker or value of their own
        @Override public Step visit(Step.Compute step) { return step; }
        @Override public Step visit(Step.Sleep step) { return step; }
        @Override public Step visit(Step.Acquire step) { return step; }
        @Override public Step visit(Step.Release step) { return step; }
        @Override public Step visit(Step.Get step) { return step; }
        @Override public Step visit(Step.TaskDone step) { return step; }
        @Override public Step visit(Step.JoinQueue step) { return step; }
        @Override public Step visit(Step.Wait step) { return step; }
        @Override public Step visit(Step.SetEvent step) { return step; }
        @Override public Step visit(Step.ClearEvent step) { return step; }
        @Override public Step visit(Step.Result step) { return step; }
        @Override public Step visit(Step.Shutdown step) { return step; }
        @Override public Step visit(Step.LocalGet step) { return step; }
        @Override public Step visit(Step.Increment step) { return step; }
        @Override public Step visit(Step.Introspect step) { return step; }
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
