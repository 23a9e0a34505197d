package io.threadstage.io;

import static io.threadstage.io.Scenarios.*;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.WorkerStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonGeneratorScratchTest {
    @Test
    void show() {
        Scenario s = scenario(
                List.of(new Resource.Queue("jobs", 2), new Resource.Counter("done", 0), new Resource.Lock("done_lock"),
                        new Resource.Executor("pool", 2)),
                List.of(target("Producer", "produce", List.of("count"), List.of(number(3)),
                                new Step.Repeat(3, List.of(new Step.Compute(200), new Step.Put("jobs", text("job"), null))),
                                new Step.Put("jobs", Value.NONE, null)),
                        worker("Consumer", WorkerStyle.SUBCLASS, null, "Consumer",
                                new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Io(300, "save"),
                                        new Step.Print("{thread} saved {item}"),
                                        new Step.With("done_lock", List.of(new Step.Increment("done", 1)))))),
                        worker("Ticker", WorkerStyle.LAMBDA, null, null, new Step.Print("tick {thread}")),
                        worker("Greeter", WorkerStyle.CALLABLE, null, "Greeter", new Step.Print("hi"),
                                new Step.Try(List.of(new Step.Raise("PaymentError", "no")), "PaymentError",
                                        List.of(new Step.Print("caught {error}"))))),
                List.of(new Step.Start("Producer"), new Step.Start("Consumer"), new Step.Join("Producer", null),
                        new Step.Join("Consumer", 1500L), new Step.Print("done {done} {{x}}"),
                        new Step.Submit("pool", task("square", List.of("n"), List.of(number(4)), text("{n} squared")), "future"),
                        new Step.Result("future", null, true),
                        new Step.MapTasks("pool", task("double", List.of(), List.of(), null, new Step.Print("item {item}")),
                                List.of(number(1), number(2)), true),
                        new Step.Shutdown("pool")));
        PythonSource source = new PythonGenerator().generate(s);
        System.out.println(source.text());
        System.out.println(source.stepLines());
    }
}
