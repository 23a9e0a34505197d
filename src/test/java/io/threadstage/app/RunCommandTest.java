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
}
