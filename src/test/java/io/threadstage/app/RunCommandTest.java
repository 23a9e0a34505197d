package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RunCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static Scenario scenario(List<Resource> resources, List<Worker> workers, Step... main) {
        return new Scenario("cli", null, Settings.DEFAULT, resources, workers, Arrays.asList(main), Map.of());
    }

    private static Worker worker(String name, Step... steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false,
                Arrays.asList(steps));
    }

    private int run(Scenario scenario, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("scenario.json"));
        all.addAll(List.of(args));
        return new RunCommand().run(scenario, RunCommand.Arguments.parse(all), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCompletedRunPrintsToStdoutAndExitsZero() {
        int code = run(scenario(List.of(), List.of(worker("W", new Step.Print("hello from {thread}"))),
                new Step.Start("W"), new Step.Join("W", null), new Step.Print("done")));

        assertEquals(0, code);
        assertEquals("hello from W\ndone\n", out());
        assertEquals("", err());
    }

    @Test
    void anUncaughtExceptionInMainExitsOneAfterTheThreadsRan() {
        int code = run(scenario(List.of(), List.of(worker("W", new Step.Sleep(30), new Step.Print("worker ran"))),
                new Step.Start("W"), new Step.Raise("ValueError", "bad")));

        assertEquals(1, code);
        assertEquals("worker ran\n", out());
        // the frame names the line of the generated program the raise became
        assertTrue(err().matches("Traceback \\(most recent call last\\):\n  File \"<scenario>\", line \\d+, in <module>\n"
                + "ValueError: bad\n"), err());
    }

    @Test
    void systemExitAndKeyboardInterruptExitAsPython3Does() {
        assertEquals(0, run(scenario(List.of(), List.of(), new Step.Raise("SystemExit", (Value) null))));
        assertEquals(7, run(scenario(List.of(), List.of(), new Step.Raise("SystemExit", Value.of(7)))));
        assertEquals(255, run(scenario(List.of(), List.of(), new Step.Raise("SystemExit", Value.of(-1)))));
        assertEquals("", err(), "a code, or none, is not printed");
        assertEquals(1, run(scenario(List.of(), List.of(), new Step.Raise("SystemExit", "bye"))));
        assertEquals(1, run(scenario(List.of(), List.of(), new Step.Raise("SystemExit", ""))));
        assertEquals("bye\n\n", err(), "a text is printed alone, even an empty one");
    }

    @Test
    void keyboardInterruptInMainExits130AfterItsTracebackAndTheOtherThreads() {
        int code = run(scenario(List.of(), List.of(worker("W", new Step.Sleep(30), new Step.Print("worker ran"))),
                new Step.Start("W"), new Step.Raise("KeyboardInterrupt", (Value) null)));

        assertEquals(130, code);
        assertEquals("worker ran\n", out());
        assertTrue(err().endsWith("\nKeyboardInterrupt\n"), err());
    }

    @Test
    void aDeadlockExitsThreeAndPrintsTheCycle() {
        int code = run(scenario(List.of(new Resource.Lock("a")), List.of(),
                new Step.Acquire("a", null), new Step.Acquire("a", null)));

        assertEquals(3, code);
        assertEquals("deadlock: MainThread waits for lock a held by MainThread\n", err());
    }

    @Test
    void aTimeoutStopsEveryThreadAndExitsFour() {
        int code = run(scenario(List.of(), List.of(worker("W", new Step.Sleep(60_000))),
                new Step.Start("W")), "--timeout", "0.2");

        assertEquals(4, code);
        assertTrue(err().startsWith("threadstage run: timed out after 0.2 s"), err());
    }

    @Test
    void traceAndChromeFilesAreWritten(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("out.jsonl");
        Path chrome = dir.resolve("out.json");
        int code = run(scenario(List.of(), List.of(), new Step.Sleep(5)), "--trace", trace.toString(),
                "--chrome", chrome.toString(), "--speed", "2");

        assertEquals(0, code);
        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.get(0).contains("\"format\":\"threadstage-trace/1\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"speed\":2.0"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"outcome\":\"completed\""), lines.get(lines.size() - 1));
        assertTrue(Files.readString(chrome).contains("\"ph\""));
    }

    @Test
    void badArgumentsExitTwoWithUsage() {
        int code = new RunCommand().execute(List.of("x.json", "--speed", "fast"), out, err);

        assertEquals(2, code);
        assertTrue(err().startsWith("threadstage run: --speed needs a number, not fast\nusage: threadstage run FILE"),
                err());
    }

    /** A run that reaches the recorder's cap ends with a clear message, its trace whole up to the cap and closed by its end line. */
    @Test
    void aCappedRunEndsWithItsTraceWholeUpToTheCap(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");
        RunCommand.Arguments arguments = RunCommand.Arguments.parse(List.of("scenario.json", "--trace", trace.toString()));
        arguments.capacity = 600;
        int code = new RunCommand().run(scenario(List.of(), List.of(),
                new Step.Repeat(100_000, List.of(new Step.Compute(0)))), arguments, out, err);

        assertEquals(2, code);
        assertEquals("threadstage run: trace capacity reached: the recorder holds at most 600 events; shorten the run or"
                + " raise the cap (it follows the memory Java may use: java -Xmx)\n", err());
        io.threadstage.io.TraceFile read = new io.threadstage.io.TraceReader().read(trace);
        assertTrue(read.events().size() <= 601, "at most the cap and the end line: " + read.events().size());
        io.threadstage.trace.TraceEvent last = read.events().get(read.events().size() - 1);
        assertTrue(last instanceof io.threadstage.trace.TraceEvent.End end && end.outcome() == io.threadstage.trace.Outcome.ERROR
                && end.message().startsWith("trace capacity reached"), String.valueOf(last));
    }

    /**
     * With little memory the cap comes before the memory runs out, and the trace is written as
     * the run goes: a run that records far more events than 16 MB could hold as a list ends at
     * its cap with a message, its trace whole, instead of an OutOfMemoryError.
     */
    @Test
    @Timeout(180)
    void withLittleMemoryAHeavyRunReachesItsCapNotTheEndOfMemory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("heavy.json"), """
                {"format": "threadstage/1", "title": "Heavy",
                 "main": [{"repeat": 100000, "do": [{"repeat": 100, "do": [{"compute": 0}]}]}]}
                """);
        ChildJvm child = ChildJvm.startWithHeap(dir, 0, "16m", "run", "heavy.json", "--trace", "t.jsonl");
        int status = child.await(170);

        assertEquals(2, status, child.stderr());
        assertTrue(child.stderr().matches("threadstage run: trace capacity reached: the recorder holds at most [0-9]+ events;"
                + " shorten the run or raise the cap \\(it follows the memory Java may use: java -Xmx\\)\n"), child.stderr());
        long cap = Long.parseLong(child.stderr().replaceAll("(?s).*at most ([0-9]+) events.*", "$1"));
        assertTrue(cap < 16L * 1024 * 1024 / 48 + 1, "the cap follows -Xmx16m: " + cap);
        List<String> lines = Files.readAllLines(dir.resolve("t.jsonl"));
        assertTrue(lines.size() >= cap - 2 * 256 && lines.size() <= cap + 2, lines.size() + " lines for a cap of " + cap);
        assertTrue(lines.get(lines.size() - 1).contains("\"ev\":\"end\",\"outcome\":\"error\""), lines.get(lines.size() - 1));
    }
}
