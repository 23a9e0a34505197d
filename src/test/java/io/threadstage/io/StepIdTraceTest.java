package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Scenario;
import io.threadstage.model.StepIndex;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step is recorded by its id; the trace file shows its path and keeps the id beside it. */
class StepIdTraceTest {

    private static final TraceHeader HEADER = new TraceHeader("Twins", "2026-12-05T12:00:00Z", 1.0, true);

    /** Two workers whose only steps are equal records: two places, so two ids and two paths. */
    private static final String TWINS = """
            {"format": "threadstage/1", "title": "Twins",
             "workers": [{"name": "A", "style": "target", "function": "a", "steps": [{"compute": 200}]},
                         {"name": "B", "style": "target", "function": "b", "steps": [{"compute": 200}]}],
             "main": [{"start": "A"}, {"start": "B"}]}
            """;

    @TempDir
    Path dir;

    private static Scenario twins() throws Exception {
        return new ScenarioLoader().parse("twins.json", TWINS.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void equalStepsOfTwoWorkersAreWrittenWithTheirOwnPathAndIdAndReadBackWithBoth() throws Exception {
        StepIndex index = StepIndex.of(twins());
        int a = index.worker(0).get(0);
        int b = index.worker(1).get(0);
        assertNotEquals(a, b);
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.nameSteps(index::jsonPath);
        recorder.thread(1, "A", ThreadStyle.TARGET, false, null, null);
        recorder.thread(2, "B", ThreadStyle.TARGET, false, null, null);
        recorder.step(1, a);
        recorder.step(2, b);
        recorder.end(Outcome.COMPLETED, null);
        Path file = dir.resolve("twins.jsonl");
        TraceWriter.write(file, recorder.header(), recorder.events());

        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(3).endsWith("\"ev\":\"step\",\"tid\":1,\"thread\":\"A\",\"path\":\"$.workers[0].steps[0]\",\"id\":" + a + "}"),
                lines.get(3));
        assertTrue(lines.get(4).endsWith("\"ev\":\"step\",\"tid\":2,\"thread\":\"B\",\"path\":\"$.workers[1].steps[0]\",\"id\":" + b + "}"),
                lines.get(4));

        List<TraceEvent> read = new TraceReader().read(file).events();
        assertEquals(recorder.events(), read);
        assertEquals(List.of(new TraceEvent.StepBegin(2, read.get(2).t(), 1, "A", a, "$.workers[0].steps[0]"),
                        new TraceEvent.StepBegin(3, read.get(3).t(), 2, "B", b, "$.workers[1].steps[0]")),
                read.subList(2, 4));

        TraceStore store = new TraceStore();
        read.forEach(store::append);
        assertEquals(a, store.stepAt(0, store.endNanos()));
        assertEquals(b, store.stepAt(1, store.endNanos()));
        assertEquals("$.workers[1].steps[0]", store.stepName(store.stepAt(1, store.endNanos())));
    }

    @Test
    void aStepWithoutAnIdKeepsItsPathAndIsNeverTakenForAnId() throws Exception {
        Path file = dir.resolve("spec.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"format\":\"threadstage-trace/1\",\"title\":\"x\",\"started\":\"2026-11-25T21:00:00Z\",\"speed\":1.0,\"gil\":false}",
                "{\"seq\":0,\"t\":0,\"ev\":\"thread\",\"tid\":1,\"thread\":\"W\",\"style\":\"target\",\"daemon\":false,\"ident\":null,\"native_id\":null}",
                "{\"seq\":1,\"t\":5,\"ev\":\"step\",\"tid\":1,\"thread\":\"W\",\"path\":\"$.workers[0].steps[1]\"}",
                ""));
        List<TraceEvent> read = new TraceReader().read(file).events();
        assertEquals(new TraceEvent.StepBegin(1, 5, 1, "W", TraceEvent.StepBegin.NO_ID, "$.workers[0].steps[1]"), read.get(1));
        TraceStore store = new TraceStore();
        read.forEach(store::append);
        int step = store.stepAt(0, 5);
        assertTrue(step < TraceStore.NO_STEP, "a path without id is no scenario's id: " + step);
        assertEquals("$.workers[0].steps[1]", store.stepName(step));
        assertEquals(TraceStore.NO_STEP, store.stepAt(0, 4));
    }

    @Test
    void anIdThatNamesTwoPathsIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"format\":\"threadstage-trace/1\",\"title\":\"x\",\"started\":\"2026-11-25T21:00:00Z\",\"speed\":1.0,\"gil\":false}",
                "{\"seq\":0,\"t\":0,\"ev\":\"step\",\"tid\":1,\"thread\":\"W\",\"path\":\"$.workers[0].steps[0]\",\"id\":4}",
                "{\"seq\":1,\"t\":1,\"ev\":\"step\",\"tid\":1,\"thread\":\"W\",\"path\":\"$.workers[0].steps[1]\",\"id\":4}",
                ""));
        TraceFileException e = assertThrows(TraceFileException.class, () -> new TraceReader().read(file));
        assertEquals(file + ": line 3: step id 4 names \"$.workers[0].steps[1]\" here but \"$.workers[0].steps[0]\" earlier in the file",
                e.getMessage());
    }
}
