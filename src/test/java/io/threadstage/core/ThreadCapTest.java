package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class ThreadCapTest {

    /** {@code workers} threads that all wait for one event, then MainThread sets it. */
    private static Harness crowd(int workers) {
        Build build = scenario().resource(new Resource.Event("go"));
        List<Step> main = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            build.worker(target("W" + i, "work", new Step.Wait("go", null)));
            main.add(new Step.Start("W" + i));
        }
        main.add(new Step.Introspect(Step.Query.ACTIVE_COUNT));
        main.add(new Step.SetEvent("go"));
        // starting 2,000 threads one handshake at a time takes seconds on a loaded machine
        return Harness.start(build.main(main.toArray(new Step[0])).get()).finish(Duration.ofSeconds(50));
    }

    @Test
    void theThreadPastTwoThousandIsRefusedWithAClearError() {
        Harness h = crowd(2000);

        RunResult result = h.run.result().orElseThrow();
        assertEquals(Outcome.ERROR, result.outcome());
        assertEquals("too many threads: a run may start at most 2000 threads (W1999 would be one more)",
                result.message());
        assertTrue(h.out.isEmpty());
        // up to the refusal, all 2,000 threads (MainThread included) were alive at once
        Set<Integer> stopped = new HashSet<>();
        h.all(TraceEvent.State.class).stream().filter(s -> s.reason() == Reason.STOPPED)
                .forEach(s -> stopped.add(s.tid()));
        assertEquals(2000, stopped.size());
    }
}
