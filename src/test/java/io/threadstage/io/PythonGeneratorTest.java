package io.threadstage.io;

import static io.threadstage.io.Scenarios.mainOnly;
import static io.threadstage.io.Scenarios.scenario;
import static io.threadstage.io.Scenarios.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PythonGeneratorTest {

    private final PythonGenerator generator = new PythonGenerator();

    @TestFactory
    Stream<DynamicTest> eachSampleBecomesItsExpectedProgram() {
        return GeneratorSamples.ALL.entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(),
                () -> assertEquals(GeneratorSamples.expected(sample.getKey()), generator.generate(sample.getValue()).text())));
    }

    @Test
    void sameScenarioGivesSameTextAndLines() {
        for (Scenario scenario : GeneratorSamples.ALL.values()) {
            PythonSource first = generator.generate(scenario);
            PythonSource second = generator.generate(scenario);
            assertEquals(first.text(), second.text());
            assertEquals(first.stepLines(), second.stepLines());
        }
    }

    @Test
    void everyStepPathPointsAtTheLineWrittenForIt() throws IOException {
        Map<String, Integer> lines = generator.generate(GeneratorSamples.ALL.get("blocks")).stepLines();
        List<String> text = GeneratorSamples.expected("blocks").lines().toList();
        assertEquals("    for _ in range(rounds):", text.get(lines.get("$.workers[0].steps[0]") - 1));
        assertEquals("        with lock:", text.get(lines.get("$.workers[0].steps[0].do[0]") - 1));
        assertEquals("            total += 1", text.get(lines.get("$.workers[0].steps[0].do[0].do[0]") - 1));
        assertEquals("    while not stop.is_set():", text.get(lines.get("$.workers[0].steps[2]") - 1));
        assertEquals("        compute(100)", text.get(lines.get("$.workers[0].steps[2].do[0]") - 1));
        assertEquals("    while (item := jobs.get()) is not None:", text.get(lines.get("$.workers[0].steps[4]") - 1));
        assertEquals("        jobs.task_done()", text.get(lines.get("$.workers[0].steps[4].do[1]") - 1));
        assertEquals("    try:", text.get(lines.get("$.workers[0].steps[6]") - 1));
        assertEquals("        raise QuotaError(\"full\")", text.get(lines.get("$.workers[0].steps[6].try[0]") - 1));
        assertEquals("        print(f\"caught {error}\")", text.get(lines.get("$.workers[0].steps[6].then[0]") - 1));
        assertEquals("    total += 1", text.get(lines.get("$.main[1]") - 1));
    }

    @Test
    void everyStepOfEverySampleHasALine() {
        for (Map.Entry<String, Scenario> sample : GeneratorSamples.ALL.entrySet()) {
            PythonSource source = generator.generate(sample.getValue());
            Scenario scenario = sample.getValue();
            for (int w = 0; w < scenario.workers().size(); w++) {
                assertPathsMapped(source, scenario.workers().get(w).steps(), "$.workers[" + w + "].steps", sample.getKey());
            }
            assertPathsMapped(source, scenario.main(), "$.main", sample.getKey());
        }
    }

    private static void assertPathsMapped(PythonSource source, List<Step> steps, String listPath, String sample) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String path = listPath + "[" + i + "]";
            OptionalInt line = source.lineOf(path);
            assertEquals(true, line.isPresent(), sample + ": no line for " + path);
            if (step instanceof Step.Try attempt) {
                assertPathsMapped(source, attempt.body(), path + ".try", sample);
                assertPathsMapped(source, attempt.handler(), path + ".then", sample);
            } else if (step instanceof Step.Submit submit) {
                assertPathsMapped(source, submit.task().steps(), path + ".task.steps", sample);
            } else if (step instanceof Step.MapTasks map) {
                assertPathsMapped(source, map.task().steps(), path + ".task.steps", sample);
            } else if (!step.blocks().isEmpty()) {
                assertPathsMapped(source, step.blocks().get(0), path + ".do", sample);
            }
        }
    }

    @Test
    void workersSharingIdenticalCodeShareTheLinesOfOneFunction() {
        Map<String, Integer> lines = generator.generate(GeneratorSamples.ALL.get("sharing")).stepLines();
        assertEquals(8, lines.get("$.workers[0].steps[0]"));
        assertEquals(8, lines.get("$.workers[1].steps[0]"));
        assertEquals(12, lines.get("$.workers[2].steps[0]"));
    }

    @Test
    void lambdaInlinedStepIsOnTheLineCreatingTheThread() throws IOException {
        Map<String, Integer> lines = generator.generate(GeneratorSamples.ALL.get("styles")).stepLines();
        List<String> text = GeneratorSamples.expected("styles").lines().toList();
        assertEquals("    ticker = threading.Thread(target=lambda: print(\"tick\"), name=\"Ticker\")",
                text.get(lines.get("$.workers[1].steps[0]") - 1));
    }

    @Test
    void emptyScenarioIsAValidProgram() {
        assertEquals("\"\"\"Test\"\"\"\n\n\nif __name__ == \"__main__\":\n    pass\n", generator.generate(mainOnly()).text());
    }

    @Test
    void printOfOnePlaceholderPrintsTheValueItself() {
        Scenario scenario = scenario(List.of(new Resource.Counter("hits", 0)), List.of(),
                List.of(new Step.Print("{hits}"), new Step.Print("{thread}"), new Step.Print("{{hits}}")));
        assertEquals("""
                \"""Test\"""

                import threading


                hits = 0


                if __name__ == "__main__":
                    print(hits)
                    print(threading.current_thread().name)
                    print("{hits}")
                """, generator.generate(scenario).text());
    }

    @Test
    void threadVariableMovesAsideForAFunctionOfTheSameName() {
        Scenario scenario = scenario(List.of(),
                List.of(worker("Worker", WorkerStyle.TARGET, "worker", null, new Step.Sleep(100)),
                        worker("callable", WorkerStyle.TARGET, "worker", null, new Step.Sleep(100))),
                List.of(new Step.Start("Worker"), new Step.Start("callable")));
        String text = generator.generate(scenario).text();
        assertEquals(true, text.contains("    worker_thread = threading.Thread(target=worker, name=\"Worker\")\n"), text);
        assertEquals(true, text.contains("    callable_thread = threading.Thread(target=worker, name=\"callable\")\n"), text);
        assertEquals(true, text.contains("    worker_thread.start()\n    callable_thread.start()\n"), text);
    }
}
