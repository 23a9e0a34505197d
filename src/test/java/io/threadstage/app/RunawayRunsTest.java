package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios the loader accepts must run to a Python ending, not a Java one: a recursion ends in
 * CPython's RecursionError, and a scenario with more thread objects than a trace can number is
 * refused at load. (The CPython judge compares the recursion scenarios with python3 line by line.)
 */
@Timeout(120)
class RunawayRunsTest {

    private static final Path JUDGE = Path.of("src/test/resources/judge");

    @Test
    void aWorkerWhoseTargetRunsItselfEndsAsCPythonsDoes() throws Exception {
        CoreRun run = CoreRun.of(new ScenarioLoader().load(JUDGE.resolve("recursion-runs-itself.json")), Duration.ofSeconds(60));
        List<String> report = String.join("\n", run.stderr()).lines().filter(line -> !line.startsWith(" ")).toList();

        assertEquals(0, run.exitCode(), "a worker's exception does not change the status");
        assertEquals(List.of("main: done"), run.stdout());
        assertEquals("Exception in thread W:", report.get(0));
        assertEquals(1, report.stream().filter(line -> line.equals("RecursionError: maximum recursion depth exceeded")).count());
        // each run() further out fails to delete the target an inner one deleted: 499 run() frames fit under 1000
        assertEquals(498, report.stream().filter(line -> line.equals("AttributeError: 'Thread' object has no attribute '_target'"))
                .count());
        assertEquals(498, report.stream().filter(line -> line.startsWith("During handling")).count());
    }

    @Test
    void twoRunMethodsCallingEachOtherFromMainExitOneWithRecursionError() throws Exception {
        CoreRun run = CoreRun.of(new ScenarioLoader().load(JUDGE.resolve("recursion-through-another.json")),
                Duration.ofSeconds(60));

        assertEquals(1, run.exitCode(), String.valueOf(run.result()));
        assertEquals(List.of("main: start"), run.stdout());
        List<String> report = String.join("\n", run.stderr()).lines().toList();
        assertEquals("Traceback (most recent call last):", report.get(0));
        assertEquals("RecursionError: maximum recursion depth exceeded", report.get(report.size() - 1));
    }

    @Test
    void aRecursionWithDeeplyNestedBlocksStillEndsInRecursionErrorNotAStackOverflow() throws Exception {
        String nested = "{\"run\": \"B\"}";
        for (int i = 0; i < 20; i++) {
            nested = "{\"repeat\": 1, \"do\": [" + nested + "]}";
        }
        String json = "{\"format\": \"threadstage/1\", \"title\": \"deep\", \"workers\": ["
                + "{\"name\": \"A\", \"style\": \"subclass\", \"class\": \"A\", \"steps\": [" + nested + "]},"
                + "{\"name\": \"B\", \"style\": \"subclass\", \"class\": \"B\", \"steps\": [{\"run\": \"A\"}]}],"
                + "\"main\": [{\"run\": \"A\"}]}";
        CoreRun run = CoreRun.of(new ScenarioLoader().parse("deep.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Duration.ofSeconds(60));

        assertEquals(1, run.exitCode(), String.valueOf(run.result()));
        List<String> report = String.join("\n", run.stderr()).lines().toList();
        assertEquals("RecursionError: maximum recursion depth exceeded", report.get(report.size() - 1));
    }

    @Test
    void moreThreadObjectsThanATraceCanNumberAreRefusedAtLoadAndOneFewerRuns(@TempDir Path dir) throws Exception {
        Path tooMany = Files.writeString(dir.resolve("many.json"), workers(32_768, ""));
        Path withPools = Files.writeString(dir.resolve("pools.json"), workers(32_700,
                "\"resources\": [{\"kind\": \"executor\", \"name\": \"a\", \"maxWorkers\": 64},"
                        + " {\"kind\": \"executor\", \"name\": \"b\", \"maxWorkers\": 4}],"));
        Path fits = Files.writeString(dir.resolve("fits.json"), workers(32_767, ""));

        CPythonJudgeTest.Captured check = CPythonJudgeTest.Captured.run("check", tooMany.toString(), withPools.toString());
        assertEquals(2, check.exitCode());
        assertEquals(List.of(
                tooMany + ": $.workers: a scenario may have at most 32767 threads besides MainThread (a trace numbers them"
                        + " up to 32767), this one has 32768 workers",
                withPools + ": $.workers: a scenario may have at most 32767 threads besides MainThread (a trace numbers"
                        + " them up to 32767), this one has 32700 workers and 68 pool threads (the executors' maxWorkers)"),
                check.stdout());

        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", fits.toString());
        assertEquals(0, run.exitCode(), String.valueOf(run.stderr()));
        assertEquals(List.of("done"), run.stdout());
    }

    /** A scenario with {@code count} workers that are never started. */
    private static String workers(int count, String resources) {
        StringJoiner all = new StringJoiner(",\n", "[", "]");
        for (int i = 0; i < count; i++) {
            all.add("{\"id\": \"w" + i + "\", \"style\": \"lambda\", \"steps\": []}");
        }
        return "{\"format\": \"threadstage/1\", \"title\": \"Many\", " + resources + " \"workers\": " + all
                + ", \"main\": [{\"print\": \"done\"}]}";
    }

    @Test
    void theModelsThreadLimitIsTheTracesIdSpace() {
        assertEquals(io.threadstage.trace.TraceSink.MAX_TID, io.threadstage.model.Limits.MAX_THREAD_OBJECTS);
    }

    /**
     * Half a character passed the loader, ran, then failed the trace's UTF-8 writer after the
     * run ("Input length = 1", no trace). It is refused at load, where the text is.
     */
    @Test
    void aLoneSurrogateIsRefusedAtLoadWhereItIsNotAfterTheRun(@TempDir Path dir) throws Exception {
        Path title = Files.writeString(dir.resolve("title.json"),
                "{\"format\": \"threadstage/1\", \"title\": \"T \\ud800\", \"main\": []}");
        Path print = Files.writeString(dir.resolve("print.json"),
                "{\"format\": \"threadstage/1\", \"title\": \"T\",\n \"main\": [{\"print\": \"a \\udc00 b\"}]}");
        Path pair = Files.writeString(dir.resolve("pair.json"),
                "{\"format\": \"threadstage/1\", \"title\": \"\\ud83d\\ude00\", \"main\": [{\"print\": \"\\ud83d\\ude00\"}]}");

        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", print.toString(), "--trace",
                dir.resolve("t.jsonl").toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of(print + ": line 2, column 24: \\udc00 is half of a UTF-16 surrogate pair, not a character"
                + " (UTF-8 cannot hold it): write the character itself, or both halves of its pair"), run.stderr());
        assertEquals(List.of(), run.stdout(), "nothing ran");
        CPythonJudgeTest.Captured check = CPythonJudgeTest.Captured.run("check", title.toString(), pair.toString());
        assertEquals(List.of(title + ": line 1, column 41: \\ud800 is half of a UTF-16 surrogate pair, not a character"
                + " (UTF-8 cannot hold it): write the character itself, or both halves of its pair", pair + ": ok"), check.stdout());
        assertEquals(0, CPythonJudgeTest.Captured.run("run", pair.toString(), "--trace", dir.resolve("p.jsonl").toString())
                .exitCode(), "a whole character outside the BMP, a surrogate pair, is fine");
        assertEquals(true, Files.readString(dir.resolve("p.jsonl")).contains("\ud83d\ude00"));
    }
}
