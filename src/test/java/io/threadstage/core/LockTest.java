package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LockTest {

    @Test
    void releasingAnUnlockedLockRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .main(new Step.Release("a")).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nRuntimeError: release unlocked lock"), h.err.get(0));
    }

    @Test
    void releasingAnRLockOneDoesNotOwnRaisesRuntimeError() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.RLock("r"))
                .worker(target("Owner", "own", new Step.Acquire("r", null)))
                .main(new Step.Start("Owner"), new Step.Join("Owner", null), new Step.Release("r")).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nRuntimeError: cannot release un-acquired lock"), h.err.get(0));
    }

    @Test
    void anRLockIsReentrantAndRecordsOnlyOwnerChanges() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.RLock("r"))
                .main(new Step.With("r", Build.steps(new Step.With("r", Build.steps(new Step.Print("inner")))))).get())
                .finish();

        assertEquals(List.of("inner"), h.out);
        List<Integer> owners = h.all(TraceEvent.LockOwner.class).stream().map(TraceEvent.LockOwner::owner).toList();
        assertEquals(List.of(0, TraceSink.NO_THREAD), owners);
    }

    @Test
    void aContendedLockMakesTheSecondThreadWaitUntilTheOwnerReleases() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .resource(new Resource.Event("held"))
                .worker(target("First", "first", new Step.With("a", Build.steps(new Step.SetEvent("held"),
                        new Step.Sleep(300)))))
                .worker(target("Second", "second", new Step.Wait("held", null),
                        new Step.With("a", Build.steps(new Step.Print("second has it")))))
                .main(new Step.Start("Second"), new Step.Start("First"), new Step.Join("First", null),
                        new Step.Join("Second", null)).get()).finish();

        List<String> states = h.lifecycle("Second");
        assertEquals(List.of("waiting(lock a)", "running", "terminated(returned)"),
                states.subList(states.size() - 3, states.size()));
        int first = h.tid("First");
        int second = h.tid("Second");
        List<Integer> owners = h.all(TraceEvent.LockOwner.class).stream().map(TraceEvent.LockOwner::owner).toList();
        assertEquals(List.of(first, TraceSink.NO_THREAD, second, TraceSink.NO_THREAD), owners);
    }

    @Test
    void acquireWithTimeoutGivesUpAndTheStepsGoOn() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Lock("a"))
                .main(new Step.Acquire("a", null), new Step.Acquire("a", 20L), new Step.Print("gave up")).get())
                .finish();

        assertEquals(List.of("gave up"), h.out);
        h.assertLifecycle("MainThread", "created", "running", "waiting(lock a)", "running", "terminated(returned)");
    }
}
