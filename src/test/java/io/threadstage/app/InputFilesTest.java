package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a regular file is read: a pipe would block every command until someone writes to it,
 * and a device such as {@code /dev/zero} never ends. The timeout runs the test on a thread of
 * its own, so a command blocked in {@code open} fails the test instead of hanging the build.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputFilesTest {

    @TempDir
    Path dir;

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("sent.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    @Test
    void aPipeIsRefusedByEveryCommandWithoutBlocking() throws Exception {
        Path fifo = fifo();
        String scenario = fifo + ": is not a regular file (a device, a pipe or a socket)";

        CPythonJudgeTest.Captured check = CPythonJudgeTest.Captured.run("check", fifo.toString());
        assertEquals(2, check.exitCode());
        assertEquals(List.of(scenario), check.stdout());
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("run", fifo.toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of(scenario), run.stderr());
        CPythonJudgeTest.Captured python = CPythonJudgeTest.Captured.run("python", fifo.toString());
        assertEquals(2, python.exitCode());
        assertEquals(List.of(scenario), python.stderr());
        CPythonJudgeTest.Captured render = CPythonJudgeTest.Captured.run("render", fifo.toString(), "--png",
                dir.resolve("o.png").toString());
        assertEquals(2, render.exitCode());
        assertEquals(List.of(fifo + ": cannot read: not a regular file (a device, a pipe or a socket)"), render.stderr());
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedUnread() {
        CPythonJudgeTest.Captured render = CPythonJudgeTest.Captured.run("render", "/dev/zero", "--png",
                dir.resolve("o.png").toString());
        assertEquals(2, render.exitCode());
        assertEquals(List.of("/dev/zero: cannot read: not a regular file (a device, a pipe or a socket)"), render.stderr());
        CPythonJudgeTest.Captured check = CPythonJudgeTest.Captured.run("check", "/dev/zero");
        assertEquals(List.of("/dev/zero: is not a regular file (a device, a pipe or a socket)"), check.stdout());
    }

    @Test
    void aFolderIsRefusedAsATrace() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("t.jsonl"));
        CPythonJudgeTest.Captured render = CPythonJudgeTest.Captured.run("render", folder.toString(), "--png",
                dir.resolve("o.png").toString());
        assertEquals(2, render.exitCode());
        assertEquals(List.of(folder + ": cannot read: it is a folder"), render.stderr());
    }
}
