package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceSink;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesRoundTripTest {

    private static final TraceHeader HEADER = new TraceHeader("Producer and consumer", "2026-11-25T21:00:00Z", 1.0, false);

    @TempDir
    Path dir;

    static TraceRecorder sampleRun() {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.nameSteps(id -> "$.workers[" + id + "].steps[0]");
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 140001L, 5001L);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.thread(1, "Thread-1 (produce)", ThreadStyle.TARGET, false, null, null);
        recorder.state(1, ThreadState.CREATED, Reason.NONE, null);
        recorder.thread(1, "Thread-1 (produce)", ThreadStyle.TARGET, false, 140002L, 5002L);
        recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
        recorder.step(1, 0);
        recorder.queue("q", 1, 2, 1, QueueOp.PUT);
        recorder.queue("q", 0, 2, TraceSink.NO_THREAD, null);
        recorder.join(0, 1, true, false);
        recorder.state(0, ThreadState.WAITING, Reason.JOIN, "Thread-1 (produce)");
        recorder.lock("a", 1);
        recorder.lock("a", TraceSink.NO_THREAD);
        recorder.signal(1, "ready", true);
        recorder.gil(1);
        recorder.gil(TraceSink.NO_THREAD);
        recorder.print(1, "quote \" backslash \\ tab \t unicode \u00e9\u4e2d newline \n end");
        recorder.exception(1, "ValueError", null, true);
        recorder.exception(1, "RuntimeError", "threads can only be started once", false);
        recorder.marker("caption: the queue is full");
        recorder.state(1, ThreadState.TERMINATED, Reason.RETURNED, null);
        recorder.join(0, 1, false, false);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.end(Outcome.COMPLETED, null);
        return recorder;
    }

    @Test
    void writeThenReadGivesEqualHeaderAndEvents() throws Exception {
        TraceRecorder recorder = sampleRun();
        Path file = dir.resolve("run.jsonl");
        TraceWriter.write(file, recorder.header(), recorder.events());
        TraceFile read = new TraceReader().read(file);
        assertEquals(HEADER, read.header());
        assertEquals(recorder.events(), read.events());
    }

    @Test
    void writingReplacesTheFileAndLeavesNothingElseBesideIt() throws Exception {
        TraceRecorder recorder = sampleRun();
        Path trace = dir.resolve("run.jsonl");
        Path chrome = dir.resolve("run.json");
        Files.writeString(trace, "an older trace");
        Files.writeString(chrome, "an older chrome trace");
        TraceWriter.write(trace, recorder.header(), recorder.events());
        ChromeTraceWriter.write(chrome, recorder.header(), recorder.events());
        assertEquals(recorder.events(), new TraceReader().read(trace).events());
        assertTrue(Files.readString(chrome).startsWith("{"));
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(Set.of("run.jsonl", "run.json"),
                    listing.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aWrittenTraceHasTheRightsOfAnyNewFileNotOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        TraceRecorder recorder = sampleRun();
        Path trace = dir.resolve("run.jsonl");
        Path chrome = dir.resolve("run.json");
        TraceWriter.write(trace, recorder.header(), recorder.events());
        ChromeTraceWriter.write(chrome, recorder.header(), recorder.events());
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(trace));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(chrome));
    }

    @Test
    void linesHaveTheSpecsHeaderAndAStableKeyOrder() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.thread(1, "Worker-1", ThreadStyle.TARGET, true, null, null);
        recorder.state(1, ThreadState.WAITING, Reason.LOCK, "a");
        recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
        recorder.queue("q", 2, 0, 1, QueueOp.GET);
        recorder.join(0, 1, false, true);
        recorder.lock("a", TraceSink.NO_THREAD);
        recorder.end(Outcome.DEADLOCK, "MainThread waits for Worker-1 (join)");
        StringWriter out = new StringWriter();
        try (TraceWriter writer = new TraceWriter(out)) {
            writer.header(recorder.header());
            for (TraceEvent e : recorder.events()) {
                writer.event(e);
            }
        }
        List<TraceEvent> events = recorder.events();
        String expected = String.join("\n",
                "{\"format\":\"threadstage-trace/1\",\"title\":\"Producer and consumer\",\"started\":\"2026-11-25T21:00:00Z\",\"speed\":1.0,\"gil\":false,\"interpreter\":\"free-threaded CPython 3.13t (no GIL)\"}",
                "{\"seq\":0,\"t\":" + events.get(0).t() + ",\"ev\":\"thread\",\"tid\":1,\"thread\":\"Worker-1\",\"style\":\"target\",\"daemon\":true,\"ident\":null,\"native_id\":null}",
                "{\"seq\":1,\"t\":" + events.get(1).t() + ",\"ev\":\"state\",\"tid\":1,\"thread\":\"Worker-1\",\"state\":\"waiting\",\"reason\":\"lock\",\"on\":\"a\"}",
                "{\"seq\":2,\"t\":" + events.get(2).t() + ",\"ev\":\"state\",\"tid\":1,\"thread\":\"Worker-1\",\"state\":\"running\"}",
                "{\"seq\":3,\"t\":" + events.get(3).t() + ",\"ev\":\"queue\",\"tid\":1,\"thread\":\"Worker-1\",\"on\":\"q\",\"depth\":2,\"maxsize\":0,\"op\":\"get\"}",
                "{\"seq\":4,\"t\":" + events.get(4).t() + ",\"ev\":\"join\",\"tid\":0,\"thread\":null,\"target\":1,\"phase\":\"end\",\"timed_out\":true}",
                "{\"seq\":5,\"t\":" + events.get(5).t() + ",\"ev\":\"lock\",\"on\":\"a\",\"owner\":null}",
                "{\"seq\":6,\"t\":" + events.get(6).t() + ",\"ev\":\"end\",\"outcome\":\"deadlock\",\"message\":\"MainThread waits for Worker-1 (join)\"}",
                "");
        assertEquals(expected, out.toString());
    }

    @Test
    void writingAFinishedTraceReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("run.jsonl");
        Files.writeString(file, "old content\n");
        TraceRecorder recorder = sampleRun();
        TraceWriter.write(file, recorder.header(), recorder.events());
        assertEquals(List.of(file), Files.list(dir).toList());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("{\"format\":\"threadstage-trace/1\""));
    }
}
