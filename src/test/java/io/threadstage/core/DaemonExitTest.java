package io.threadstage.core;

import static io.threadstage.core.Build.daemon;
import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DaemonExitTest {

    @Test
    void mainWaitsForNonDaemonThreadsThenDaemonsAreKilledWhereTheyStand() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Event("go"))
                .worker(daemon("Background", new Step.Sleep(60_000), new Step.Print("never")))
                .worker(target("Foreground", "work", new Step.Wait("go", null), new Step.Sleep(100),
                        new Step.Print("foreground done")))
                .main(new Step.Start("Background"), new Step.Start("Foreground"), new Step.Print("main done"),
                        new Step.SetEvent("go")).get())
                .finish();

        assertEquals(Outcome.COMPLETED, h.outcome());
        assertEquals(List.of("main done", "foreground done"), h.out);
        h.assertLifecycle("MainThread", "created", "running", "waiting(join Foreground)", "running",
                "terminated(returned)");
        h.assertLifecycle("Background", "created", "running", "waiting(sleep)", "terminated(killed_at_exit)");
        List<String> foreground = h.lifecycle("Foreground");
        assertEquals(List.of("waiting(sleep)", "running", "terminated(returned)"),
                foreground.subList(foreground.size() - 3, foreground.size()));
        List<TraceEvent> events = h.events();
        TraceEvent.State killed = h.all(TraceEvent.State.class).stream()
                .filter(state -> state.tid() == h.tid("Background")).reduce((a, b) -> b).orElseThrow();
        TraceEvent.State foregroundEnd = h.all(TraceEvent.State.class).stream()
                .filter(state -> state.tid() == h.tid("Foreground")).reduce((a, b) -> b).orElseThrow();
        // killed only once every non-daemon thread has ended
        assertEquals(true, events.indexOf(killed) > events.indexOf(foregroundEnd));
        // the exit "mimics Thread.join()": recorded as a join, so the stage draws its arrows
        assertEquals(List.of(new Join(h.tid("MainThread"), h.tid("Foreground"), true, false),
                new Join(h.tid("MainThread"), h.tid("Foreground"), false, false)), joins(h));
        TraceEvent.Join end = h.all(TraceEvent.Join.class).get(1);
        assertEquals(true, events.indexOf(end) > events.indexOf(foregroundEnd), "the join returns after the thread ends");
        assertEquals(true, events.indexOf(end) < events.indexOf(killed), "and before the daemons are killed");
    }

    private record Join(int tid, int target, boolean begin, boolean timedOut) {
    }

    private static List<Join> joins(Harness h) {
        return h.all(TraceEvent.Join.class).stream()
                .map(join -> new Join(join.tid(), join.target(), join.begin(), join.timedOut())).toList();
    }

    @Test
    void aDaemonInComputeIsKilledToo() {
        Harness h = Harness.start(scenario()
                .worker(daemon("Spinner", new Step.Compute(60_000)))
                .main(new Step.Start("Spinner"), new Step.Sleep(20)).get()).finish();

        h.assertLifecycle("Spinner", "created", "running", "terminated(killed_at_exit)");
    }

    @Test
    void freeThreadedADaemonIsKilledInTheMiddleOfItsCompute() {
        Harness h = Harness.start(scenario()
                .worker(daemon("Spinner", new Step.Compute(60_000)))
                .main(new Step.Start("Spinner"), new Step.Sleep(20)).get(), options -> options.withGil(false)).finish();

        h.assertStates("Spinner", "created", "running", "terminated(killed_at_exit)");
    }
}
