package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension event {@code value} in trace files: written as the format page says, read back the same. */
class ValueEventFileTest {

    private static final TraceHeader HEADER = new TraceHeader("t", "2026-01-01T00:00:00Z", 1.0, true);

    @TempDir
    Path dir;

    @Test
    void countersAndLocalsGoThroughAFileUnchanged() throws Exception {
        List<TraceEvent> events = List.of(
                new TraceEvent.ThreadInfo(0, 0, 0, "MainThread", "main", false, null, null),
                TraceEvent.ValueChange.ofCounter(1, 5, 0, "MainThread", "total", 0),
                TraceEvent.ValueChange.ofCounter(2, 9, 0, "MainThread", "total", -9_000_000_000L),
                TraceEvent.ValueChange.ofLocal(3, 12, 0, "MainThread", "data", "'x'"),
                new TraceEvent.End(4, 20, Outcome.COMPLETED, null));
        Path file = dir.resolve("values.jsonl");
        TraceWriter.write(file, HEADER, events);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("{\"seq\":1,\"t\":5,\"ev\":\"value\",\"tid\":0,\"thread\":\"MainThread\",\"on\":\"total\",\"value\":0}",
                lines.get(2));
        assertEquals("{\"seq\":3,\"t\":12,\"ev\":\"value\",\"tid\":0,\"thread\":\"MainThread\",\"on\":\"data\","
                + "\"value\":\"'x'\",\"local\":true}", lines.get(4));
        assertEquals(events, new TraceReader().read(file).events());
    }

    @Test
    void aCountersValueMustBeAWholeNumber() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"format\":\"threadstage-trace/1\",\"title\":\"t\",\"started\":\"s\",\"speed\":1.0,\"gil\":true}\n"
                + "{\"seq\":0,\"t\":0,\"ev\":\"value\",\"tid\":0,\"thread\":null,\"on\":\"n\",\"value\":1.5}\n");
        TraceFileException refused = assertThrows(TraceFileException.class, () -> new TraceReader().read(file));
        assertTrue(refused.getMessage().contains("line 2") && refused.getMessage().contains("whole number"),
                refused.getMessage());
    }
}
