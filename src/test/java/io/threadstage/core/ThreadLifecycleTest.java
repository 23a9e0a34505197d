package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadstage.model.Step;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ThreadLifecycleTest {

    @Test
    void targetThreadGoesCreatedRunningSleepingRunningTerminated() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work", new Step.Sleep(20)))
                .main(new Step.Start("Worker"), new Step.Join("Worker", null)).get()).finish();

        assertEquals(Outcome.COMPLETED, h.outcome());
        h.assertStates("Worker", "created", "running", "waiting(sleep)", "running", "terminated(returned)");
        h.assertStates("MainThread", "created", "running", "waiting(join Worker)", "running", "terminated(returned)");
        assertEquals("end", h.events().get(h.events().size() - 1).ev());
    }

    @Test
    void identAndNativeIdAreNoneUntilStart() {
        Harness h = Harness.start(scenario()
                .worker(target("Worker", "work"))
                .main(new Step.Start("Worker")).get()).finish();

        List<TraceEvent.ThreadInfo> infos = h.all(TraceEvent.ThreadInfo.class).stream()
                .filter(info -> info.thread().equals("Worker")).toList();
        assertEquals(2, infos.size());
        assertNull(infos.get(0).ident());
        assertNull(infos.get(0).nativeId());
        assertNotNull(infos.get(1).ident());
        assertNotNull(infos.get(1).nativeId());
        int created = h.events().indexOf(infos.get(0));
        int started = h.events().indexOf(infos.get(1));
        List<String> between = h.events().subList(created, started).stream().map(TraceEvent::ev).toList();
        assertEquals(List.of("thread", "state"), between.subList(0, 2));
    }
}
