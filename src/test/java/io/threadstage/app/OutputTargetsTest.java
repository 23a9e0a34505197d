package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs are checked before the run, and written whole or not at all: a file a student sent
 * must not be able to overwrite itself, delete a folder or replace a device, and a long run must
 * not be lost to a typo in an output's name.
 */
@Timeout(120)
class OutputTargetsTest {

    private static final String SCENARIO = """
            {"format": "threadstage/1", "title": "Prints then deadlocks",
             "resources": [{"kind": "lock", "name": "a"}],
             "main": [{"print": "ran"}, {"acquire": "a"}, {"acquire": "a"}]}
            """;
    private static final String QUICK = """
            {"format": "threadstage/1", "title": "Quick", "main": [{"print": "ran"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aTraceOverItsOwnScenarioIsRefusedAndTheScenarioKept() throws Exception {
        Path scenario = Files.writeString(dir.resolve("x.json"), QUICK);
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", scenario.toString(),
                "--trace", dir.resolve(".").resolve("x.json").toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of(dir.resolve(".").resolve("x.json") + ": cannot write: it is the scenario being run"),
                run.stderr());
        assertEquals(List.of(), run.stdout(), "nothing ran");
        assertEquals(QUICK, Files.readString(scenario));
    }

    @Test
    void aPictureOverTheTraceItDrawsIsRefusedAndTheTraceKept() throws Exception {
        Path scenario = Files.writeString(dir.resolve("x.json"), QUICK);
        Path trace = dir.resolve("t.jsonl");
        assertEquals(0, CPythonJudgeTest.Captured.run("run", scenario.toString(), "--trace", trace.toString()).exitCode());
        String recorded = Files.readString(trace);
        CPythonJudgeTest.Captured render = CPythonJudgeTest.Captured.run("render", trace.toString(), "--png", trace.toString());

        assertEquals(2, render.exitCode());
        assertEquals(List.of(trace + ": cannot write: it is the trace being drawn"), render.stderr());
        assertEquals(recorded, Files.readString(trace));
    }

    @Test
    void aFolderOrAPipeAsAnOutputIsRefusedAndLeftAsItWas() throws Exception {
        Path scenario = Files.writeString(dir.resolve("x.json"), QUICK);
        Path empty = Files.createDirectory(dir.resolve("e"));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        CPythonJudgeTest.Captured png = CPythonJudgeTest.Captured.run("run", scenario.toString(), "--png", empty.toString());
        CPythonJudgeTest.Captured trace = CPythonJudgeTest.Captured.run("run", scenario.toString(), "--trace", fifo.toString());

        assertEquals(2, png.exitCode());
        assertEquals(List.of(empty + ": cannot write: it is a folder"), png.stderr());
        assertTrue(Files.isDirectory(empty));
        assertEquals(2, trace.exitCode());
        assertEquals(List.of(fifo + ": cannot write: not a regular file (a device, a pipe or a socket)"), trace.stderr());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
        assertEquals(List.of(), png.stdout());
    }

    @Test
    void aMissingFolderIsFoundBeforeTheRunSoADeadlockIsNotLost() throws Exception {
        Path scenario = Files.writeString(dir.resolve("x.json"), SCENARIO);
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", scenario.toString(),
                "--trace", dir.resolve("nodir/t.jsonl").toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of(dir.resolve("nodir/t.jsonl") + ": cannot write: no such directory " + dir.resolve("nodir")),
                run.stderr());
        assertEquals(List.of(), run.stdout(), "the run did not start");
    }

    @Test
    void oneFileForTwoOutputsIsRefused() throws Exception {
        Path scenario = Files.writeString(dir.resolve("x.json"), QUICK);
        Path out = dir.resolve("out");
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", scenario.toString(),
                "--trace", out.toString(), "--chrome", out.toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of(out + ": cannot write: it is given to both --trace and --chrome"), run.stderr());
        assertTrue(Files.notExists(out));
    }

    /** A full disk, made with a file size limit: every output fails, none is left truncated, no part file stays. */
    @Test
    void aFullDiskLeavesNoTruncatedOutputNorPartFileAndNoStackTrace() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        // JavaFX unpacks its native libraries on first use: not under the limit
        Path warm = Files.createDirectory(dir.resolve("warm"));
        assertEquals(0, ChildJvm.start(warm, 0, "run", "lesson:producer-consumer", "--png", "out.png").await(90));
        for (String option : new String[] {"--trace", "--chrome", "--png"}) {
            ChildJvm child = ChildJvm.start(work, 4, "run", "lesson:producer-consumer", option, "out");
            int status = child.await(90);

            assertEquals(2, status, option + ": " + child.stderr());
            assertTrue(child.stderr().matches("threadstage run: cannot write out: File too large\n"), option + ": " + child.stderr());
            try (Stream<Path> left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), option + " left a file behind");
            }
        }
    }
}
