package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Step;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TraceCapacityTest {

    @Test
    void aFullRecorderEndsTheRunWithAnErrorAndNoThreadLeft() {
        TraceRecorder small = new TraceRecorder(new TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, false), 40);
        ScenarioRun run = ScenarioRun.start(scenario()
                .worker(target("Chatty", "chat", new Step.Repeat(1_000_000, Build.steps(new Step.Print("x")))))
                .main(new Step.Start("Chatty"), new Step.Join("Chatty", null)).get(),
                RunOptions.defaults(), small);

        assertTrue(run.awaitEnd(Duration.ofSeconds(5)));
        RunResult result = run.result().orElseThrow();
        assertEquals(Outcome.ERROR, result.outcome());
        assertTrue(result.message().startsWith("trace capacity reached"), result.message());
        for (Thread thread : run.javaThreads()) {
            assertFalse(thread.isAlive(), thread.getName());
        }
        List<TraceEvent> events = small.events();
        assertTrue(events.get(events.size() - 1) instanceof TraceEvent.End);
    }
}
