package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.QueueOp;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceRecorder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceWriterTest {

    @TempDir
    Path dir;

    private static JsonNode chrome(TraceRecorder recorder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChromeTraceWriter().write(out, recorder.header(), recorder.events());
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static List<JsonNode> withPh(JsonNode doc, String ph) {
        List<JsonNode> found = new ArrayList<>();
        doc.get("traceEvents").forEach(e -> {
            if (e.get("ph").asText().equals(ph)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void everyEventHasTheKeysChromeNeedsAndTheShapesHold() throws Exception {
        JsonNode doc = chrome(TraceFilesRoundTripTest.sampleRun());
        assertTrue(doc.get("traceEvents").size() > 10);
        for (JsonNode e : doc.get("traceEvents")) {
            for (String key : List.of("ph", "ts", "pid", "tid", "name")) {
                assertTrue(e.has(key), "missing " + key + " in " + e);
            }
            assertTrue(e.get("ts").isNumber() && e.get("ts").asDouble() >= 0, e.toString());
            if (e.get("ph").asText().equals("X")) {
                assertTrue(e.get("dur").asDouble() >= 0, "negative dur in " + e);
            }
        }
        Map<Integer, Integer> flowEnds = new HashMap<>();
        withPh(doc, "s").forEach(s -> flowEnds.merge(s.get("id").asInt(), 1, Integer::sum));
        withPh(doc, "f").forEach(f -> flowEnds.merge(f.get("id").asInt(), -1, Integer::sum));
        assertFalse(flowEnds.isEmpty());
        flowEnds.forEach((id, balance) -> assertEquals(0, balance, "unpaired flow " + id));
        assertNoOverlapPerThread(doc);
    }

    @Test
    void statesBecomeNamedIntervalsJoinsFlowsQueuesCountersAndPrintsInstants() throws Exception {
        TraceRecorder recorder = new TraceRecorder(new io.threadstage.trace.TraceHeader("Joins", "2026-11-25T21:00:00Z", 1.0, true));
        recorder.thread(0, "MainThread", ThreadStyle.MAIN, false, 1L, 2L);
        recorder.thread(1, "Worker-1", ThreadStyle.TARGET, false, 3L, 4L);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.state(1, ThreadState.RUNNING, Reason.NONE, null);
        recorder.gil(1);
        recorder.join(0, 1, true, false);
        recorder.state(0, ThreadState.WAITING, Reason.JOIN, "Worker-1");
        recorder.queue("jobs", 3, 5, 1, QueueOp.PUT);
        recorder.print(1, "done");
        recorder.gil(-1);
        recorder.state(1, ThreadState.TERMINATED, Reason.RETURNED, null);
        recorder.join(0, 1, false, false);
        recorder.state(0, ThreadState.RUNNING, Reason.NONE, null);
        recorder.end(Outcome.COMPLETED, null);
        var events = recorder.events();
        JsonNode doc = chrome(recorder);

        List<String> intervals = new ArrayList<>();
        withPh(doc, "X").stream().sorted(Comparator.comparingDouble((JsonNode e) -> e.get("ts").asDouble()))
                .forEach(e -> intervals.add(e.get("tid").asInt() + " " + e.get("name").asText()));
        assertEquals(List.of("0 running", "1 running", "1000000 held by Worker-1", "0 waiting: join", "0 running"), intervals);
        JsonNode wait = withPh(doc, "X").stream().filter(e -> e.get("name").asText().equals("waiting: join")).findFirst().orElseThrow();
        assertEquals("Worker-1", wait.get("args").get("on").asText());
        assertEquals(events.get(6).t() / 1000.0, wait.get("ts").asDouble(), 1e-9);
        assertEquals((events.get(12).t() - events.get(6).t()) / 1000.0, wait.get("dur").asDouble(), 1e-6);

        JsonNode start = withPh(doc, "s").get(0);
        JsonNode finish = withPh(doc, "f").get(0);
        assertEquals(0, start.get("tid").asInt());
        assertEquals(1, finish.get("tid").asInt());
        assertEquals(start.get("id").asInt(), finish.get("id").asInt());
        assertEquals(events.get(10).t() / 1000.0, finish.get("ts").asDouble(), 1e-9);
        assertEquals("returned", finish.get("args").get("result").asText());

        JsonNode counter = withPh(doc, "C").get(0);
        assertEquals("queue jobs", counter.get("name").asText());
        assertEquals(3, counter.get("args").get("depth").asInt());

        List<String> instants = new ArrayList<>();
        withPh(doc, "i").forEach(e -> instants.add(e.get("tid").asInt() + " " + e.get("name").asText() + " " + e.get("s").asText()));
        assertEquals(List.of("1 print t", "1 terminated: returned t", "0 end: completed g"), instants);

        Map<Integer, String> threadNames = new HashMap<>();
        withPh(doc, "M").stream().filter(e -> e.get("name").asText().equals("thread_name"))
                .forEach(e -> threadNames.put(e.get("tid").asInt(), e.get("args").get("name").asText()));
        assertEquals(Map.of(0, "MainThread", 1, "Worker-1", 1_000_000, "GIL"), threadNames);
        assertEquals("Joins", withPh(doc, "M").stream().filter(e -> e.get("name").asText().equals("process_name"))
                .findFirst().orElseThrow().get("args").get("name").asText());
        assertNoOverlapPerThread(doc);
    }

    @Test
    void aJoinThatTimedOutEndsItsFlowWhereTheJoinGaveUp() throws Exception {
        TraceRecorder recorder = new TraceRecorder(new io.threadstage.trace.TraceHeader("t", "2026-11-25T21:00:00Z", 1.0, false));
        recorder.join(0, 1, true, false);
        recorder.join(0, 1, false, true);
        recorder.join(0, 2, true, false);
        recorder.end(Outcome.DEADLOCK, "MainThread waits for Thread-2 (join)");
        var events = recorder.events();
        JsonNode doc = chrome(recorder);
        List<JsonNode> finishes = withPh(doc, "f");
        assertEquals(2, finishes.size());
        assertEquals(events.get(1).t() / 1000.0, finishes.get(0).get("ts").asDouble(), 1e-9);
        assertEquals("timed out", finishes.get(0).get("args").get("result").asText());
        assertEquals(2, finishes.get(1).get("tid").asInt());
        assertEquals("run ended", finishes.get(1).get("args").get("result").asText());
    }

    @Test
    void theFileIsWrittenWholeAndParses() throws Exception {
        Path file = dir.resolve("run.json");
        TraceRecorder recorder = TraceFilesRoundTripTest.sampleRun();
        ChromeTraceWriter.write(file, recorder.header(), recorder.events());
        assertEquals(List.of(file), Files.list(dir).toList());
        assertTrue(new ObjectMapper().readTree(file.toFile()).get("traceEvents").isArray());
    }

    private static void assertNoOverlapPerThread(JsonNode doc) {
        Map<Integer, List<long[]>> byTid = new HashMap<>();
        for (JsonNode e : withPh(doc, "X")) {
            long from = Math.round(e.get("ts").asDouble() * 1000);
            long to = Math.round((e.get("ts").asDouble() + e.get("dur").asDouble()) * 1000);
            byTid.computeIfAbsent(e.get("tid").asInt(), k -> new ArrayList<>()).add(new long[] {from, to});
        }
        byTid.forEach((tid, spans) -> {
            spans.sort(Comparator.comparingLong(s -> s[0]));
            for (int i = 1; i < spans.size(); i++) {
                assertTrue(spans.get(i - 1)[1] <= spans.get(i)[0], "overlap on tid " + tid);
            }
        });
    }
}
