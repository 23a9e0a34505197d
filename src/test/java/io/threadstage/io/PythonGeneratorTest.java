package io.threadstage.io;

import static io.threadstage.io.Scenarios.mainOnly;
import static io.threadstage.io.Scenarios.number;
import static io.threadstage.io.Scenarios.scenario;
import static io.threadstage.io.Scenarios.text;
import static io.threadstage.io.Scenarios.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
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
        PythonSource source = generator.generate(GeneratorSamples.ALL.get("blocks"));
        List<String> text = GeneratorSamples.expected("blocks").lines().toList();
        assertEquals("    for _ in range(rounds):", text.get(source.lineOf("$.workers[0].steps[0]").getAsInt() - 1));
        assertEquals("        with lock:", text.get(source.lineOf("$.workers[0].steps[0].do[0]").getAsInt() - 1));
        assertEquals("            total += 1", text.get(source.lineOf("$.workers[0].steps[0].do[0].do[0]").getAsInt() - 1));
        assertEquals("    while not stop.is_set():", text.get(source.lineOf("$.workers[0].steps[2]").getAsInt() - 1));
        assertEquals("        compute(100)", text.get(source.lineOf("$.workers[0].steps[2].do[0]").getAsInt() - 1));
        assertEquals("    while (item := jobs.get()) is not None:", text.get(source.lineOf("$.workers[0].steps[4]").getAsInt() - 1));
        assertEquals("        jobs.task_done()", text.get(source.lineOf("$.workers[0].steps[4].do[1]").getAsInt() - 1));
        assertEquals("    try:", text.get(source.lineOf("$.workers[0].steps[6]").getAsInt() - 1));
        assertEquals("        raise QuotaError(\"full\")", text.get(source.lineOf("$.workers[0].steps[6].try[0]").getAsInt() - 1));
        assertEquals("        print(f\"caught {error}\")", text.get(source.lineOf("$.workers[0].steps[6].then[0]").getAsInt() - 1));
        assertEquals("    total += 1", text.get(source.lineOf("$.main[1]").getAsInt() - 1));
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
        PythonSource source = generator.generate(GeneratorSamples.ALL.get("sharing"));
        assertEquals(8, source.lineOf("$.workers[0].steps[0]").getAsInt());
        assertEquals(8, source.lineOf("$.workers[1].steps[0]").getAsInt());
        assertEquals(12, source.lineOf("$.workers[2].steps[0]").getAsInt());
    }

    @Test
    void lambdaInlinedStepIsOnTheLineCreatingTheThread() throws IOException {
        PythonSource source = generator.generate(GeneratorSamples.ALL.get("styles"));
        List<String> text = GeneratorSamples.expected("styles").lines().toList();
        assertEquals("    ticker = threading.Thread(target=lambda: print(\"tick\"), name=\"Ticker\")",
                text.get(source.lineOf("$.workers[1].steps[0]").getAsInt() - 1));
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

    @Test
    void aHandlerInsideAnotherGetsAVariableOfItsOwnSoTheOuterErrorSurvivesIt() {
        Scenario scenario = mainOnly(
                new Step.Try(List.of(new Step.Raise("ValueError", "outer")), "ValueError", List.of(
                        new Step.Try(List.of(new Step.Raise("KeyError", "inner")), "KeyError",
                                List.of(new Step.Print("inner {error}"))),
                        new Step.Print("outer {error}"))),
                new Step.Try(List.of(new Step.Raise("ValueError", "quiet")), "ValueError", List.of(
                        new Step.Try(List.of(new Step.Raise("KeyError", "inner")), "KeyError",
                                List.of(new Step.Print("only {error}"))))));
        assertEquals("""
                \"""Test\"""


                if __name__ == "__main__":
                    try:
                        raise ValueError("outer")
                    except ValueError as error:
                        try:
                            raise KeyError("inner")
                        except KeyError as error_2:
                            print(f"inner {error_2}")
                        print(f"outer {error}")
                    try:
                        raise ValueError("quiet")
                    except ValueError:
                        try:
                            raise KeyError("inner")
                        except KeyError as error:
                            print(f"only {error}")
                """, generator.generate(scenario).text());
    }

    @Test
    void nestedConsumerLoopsEachHaveTheirItemAndAParameterNamedItemKeepsItsValue() {
        Scenario scenario = scenario(List.of(new Resource.Queue("orders", 0), new Resource.Queue("lines", 0)),
                List.of(Scenarios.target("Packer", "pack", List.of("item"), List.of(number(0)),
                        new Step.GetUntil("orders", Value.NONE, List.of(
                                new Step.GetUntil("lines", text("end"), List.of(new Step.Print("{item}"))),
                                new Step.Print("{item}"))),
                        new Step.Print("{item}"))),
                List.of(new Step.Start("Packer")));
        String text = generator.generate(scenario).text();
        assertEquals(true, text.contains("""
                def pack(item):
                    while (item_2 := orders.get()) is not None:
                        while (item_3 := lines.get()) != "end":
                            print(item_3)
                        print(item_2)
                    print(item)
                """), text);
    }

    @Test
    void aFunctionNamedPrintMovesAsideAndAnUnnamedThreadStillShowsPrint() {
        Scenario scenario = scenario(List.of(new Resource.Lock("time")),
                List.of(new Worker(null, "printer", WorkerStyle.TARGET, "print", null, List.of(), List.of(), Map.of(), false,
                                List.of(new Step.With("time", List.of(new Step.Raise("print", "p"))))),
                        new Worker("Named", null, WorkerStyle.TARGET, "print", null, List.of(), List.of(), Map.of(), false,
                                List.of(new Step.With("time", List.of(new Step.Raise("print", "p")))))),
                List.of(new Step.Start("printer"), new Step.Start("Named")));
        assertEquals("""
                \"""Test\"""

                import threading


                # exception types bound to other names, so that each keeps its own in reports
                print_2 = type("print", (Exception,), {})


                time_ = threading.Lock()


                def print_():
                    with time_:
                        raise print_2("p")


                # unnamed threads are named after their target's __name__
                print_.__name__ = "print"


                if __name__ == "__main__":
                    printer = threading.Thread(target=print_)
                    named = threading.Thread(target=print_, name="Named")

                    printer.start()
                    named.start()
                """, generator.generate(scenario).text());
    }

    @Test
    void parametersNamedLikeWhatTheBodyUsesMoveAsideAndTheirKeywordsFollow() {
        Map<String, Value> kwargs = new java.util.LinkedHashMap<>();
        kwargs.put("hits", number(2));
        kwargs.put("thread", number(3));
        Scenario scenario = scenario(List.of(new Resource.Queue("jobs", 0), new Resource.Counter("hits", 0)),
                List.of(new Worker("W", null, WorkerStyle.TARGET, "work", null, List.of("jobs", "hits", "thread"),
                                List.of(number(1)), kwargs, false, List.of(new Step.Put("jobs", text("{jobs}"), null),
                                new Step.Increment("hits", 1), new Step.Print("{jobs} {hits} {thread}"))),
                        new Worker("S", null, WorkerStyle.SUBCLASS, null, "Sub", List.of("name", "_started"),
                                List.of(text("n")), Map.of("_started", text("s")), false,
                                List.of(new Step.Print("{name} {_started}")))),
                List.of(new Step.Start("W"), new Step.Start("S")));
        String text = generator.generate(scenario).text();
        assertEquals(true, text.contains("""
                def work(jobs_, hits_, thread):
                    global hits
                    jobs.put("{jobs}")
                    hits += 1
                    print(f"{jobs_} {hits_} {thread}")
                """), text);
        assertEquals(true, text.contains("""
                class Sub(threading.Thread):
                    def __init__(self, name_, started, **kwargs):
                        super().__init__(**kwargs)
                        self.name_ = name_
                        self.started = started

                    def run(self):
                        print(f"{self.name_} {self.started}")
                """), text);
        assertEquals(true, text.contains("""
                    w = threading.Thread(target=work, args=(1,), kwargs={"hits_": 2, "thread": 3}, name="W")
                    s = Sub("n", started="s", name="S")
                """), text);
    }

    @Test
    void aVariantOrHelperNeverTakesAThreadVariablesName() {
        Scenario scenario = scenario(List.of(),
                List.of(worker("Produce", WorkerStyle.TARGET, "produce", null, new Step.Print("a")),
                        worker("Produce-2", WorkerStyle.TARGET, "produce", null, new Step.Print("b")),
                        new Worker(null, "w", WorkerStyle.LAMBDA, null, null, List.of(), List.of(), Map.of(), false,
                                List.of(new Step.Print("c"), new Step.Print("d"))),
                        worker("w_job", WorkerStyle.TARGET, "f", null, new Step.Print("e"))),
                List.of());
        assertEquals("""
                \"""Test\"""

                import threading


                def produce():
                    print("a")


                def produce_3():
                    print("b")


                def w_job_2():
                    print("c")
                    print("d")


                def f():
                    print("e")


                if __name__ == "__main__":
                    produce_thread = threading.Thread(target=produce, name="Produce")
                    produce_2 = threading.Thread(target=produce_3, name="Produce-2")
                    w = threading.Thread(target=lambda: w_job_2())
                    w_job = threading.Thread(target=f, name="w_job")
                """, generator.generate(scenario).text());
    }

    @Test
    void aFreeThreadedScenarioSaysSoInItsFirstLines() {
        Scenario free = mainOnly(new Step.Print("hi")).withSettings(new Settings(false, 5, 1.0, Settings.Excepthook.DEFAULT));
        assertEquals("""
                # Written for a free-threaded CPython build (3.13t, no GIL); on a CPython with the GIL
                # it runs, but its threads take turns.
                \"""Test\"""


                if __name__ == "__main__":
                    print("hi")
                """, generator.generate(free).text());
        assertEquals(false, generator.generate(mainOnly(new Step.Print("hi"))).text().contains("free-threaded"));
    }

    @Test
    void textsOfTheScenarioStayTextsAndComments() {
        Scenario scenario = new Scenario("Line\r\nbreak \u0000", null, Scenarios.WITH_GIL, List.of(), List.of(),
                List.of(new Step.Io(5, "save\rprint(\"x\")\u2028y"), new Step.Io(5, " \u202e\ufeff\u0085 ")), Map.of());
        assertEquals("""
                \"""Line\\r\\nbreak \\x00\"""

                import time


                if __name__ == "__main__":
                    time.sleep(0.005)  # simulated I/O: save print("x") y
                    time.sleep(0.005)  # simulated I/O
                """, generator.generate(scenario).text());
    }

    @Test
    void aDocstringIsItsTitleExactlyWhateverItsQuotes() {
        // a quote stays a quote unless another follows it: the run of three is broken, the value kept
        assertEquals("\"\"\"\"quoted\" and \\\"\\\"\" and \\\\\"\"\"",
                generator.generate(mainOnly(new Step.Print("x")).withTitle("\"quoted\" and \"\"\" and \\")).text().lines()
                        .findFirst().orElseThrow());
        assertEquals("\"\"\"ends in a backslash \\\\\"\"\"", generator.generate(mainOnly(new Step.Print("x"))
                .withTitle("ends in a backslash \\")).text().lines().findFirst().orElseThrow());
    }

    @Test
    void invisibleAndLineBreakingCharactersAreEscapedInLiterals() {
        String text = "a\u2028b\u2029c\u0085d\u000ce\u000bf\u001cg\ufeffh\u202ei\u00a0j\ud800k\ud83d\ude00";
        String program = generator.generate(mainOnly(new Step.Print(text))).text();
        assertTrue(program.contains("print(\"a\\u2028b\\u2029c\\x85d\\x0ce\\x0bf\\x1cg\\ufeffh\\u202ei\\xa0j\\ud800k\ud83d\ude00\")"),
                program);
    }
}
