package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class EventTest {

    @Test
    void waitBlocksUntilSetAndSignalsAreRecorded() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Event("go"))
                .worker(target("Waiter", "wait_for_go", new Step.Wait("go", null), new Step.Print("went")))
                .main(new Step.Start("Waiter"), new Step.Sleep(300), new Step.SetEvent("go"),
                        new Step.ClearEvent("go"), new Step.Join("Waiter", null)).get()).finish();

        assertEquals(List.of("went"), h.out);
        h.assertLifecycle("Waiter", "created", "running", "waiting(event go)", "running", "terminated(returned)");
        List<Boolean> signals = h.all(TraceEvent.Signal.class).stream().map(TraceEvent.Signal::set).toList();
        assertEquals(List.of(true, false), signals);
        TraceEvent.Signal set = h.all(TraceEvent.Signal.class).get(0);
        List<TraceEvent> events = h.events();
        TraceEvent wake = h.all(TraceEvent.State.class).stream()
                .filter(s -> s.tid() == h.tid("Waiter") && Harness.word(s).equals("running")).skip(1).findFirst()
                .orElseThrow();
        // causality: the set is recorded before the waiter wakes
        assertEquals(true, events.indexOf(set) < events.indexOf(wake));
    }

    @Test
    void untilLoopStopsWhenTheEventIsSet() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Event("stop"))
                .worker(target("Worker", "work", new Step.Until("stop", Build.steps(new Step.Print("tick")), 10, false),
                        new Step.Print("stopped")))
                .worker(target("Naive", "naive", new Step.Until("stop", Build.steps(), 10, true)))
                .main(new Step.Start("Worker"), new Step.Start("Naive"), new Step.Sleep(300), new Step.SetEvent("stop"),
                        new Step.Join("Worker", null), new Step.Join("Naive", null)).get()).finish();

        assertEquals("stopped", h.out.get(h.out.size() - 1));
        assertEquals(true, h.out.size() >= 2);
        List<String> naive = h.states("Naive");
        assertEquals("waiting(sleep)", naive.get(2));
        List<String> worker = h.states("Worker");
        assertEquals("waiting(event stop)", worker.get(2));
    }
}
