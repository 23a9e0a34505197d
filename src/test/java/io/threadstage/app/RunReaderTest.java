package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceReader;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunReaderTest {

    private static final TraceHeader HEADER = new TraceHeader("live", "2026-11-25T21:00:00Z", 1.0, true);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private RunReader reader(TraceRecorder recorder) {
        return new RunReader(recorder, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void followsALiveRunToItsEndPrintingItsLinesAndWritingItsTrace() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        Path file = dir.resolve("live.jsonl");
        RunReader reader = reader(recorder);
        reader.writeTrace(file);
        reader.fillStore();
        reader.start();
        Thread run = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                recorder.print(i % 3, "line " + i);
            }
            recorder.end(Outcome.COMPLETED, null);
        });
        run.start();
        run.join();
        reader.awaitEnd(Duration.ofSeconds(10));
        reader.commitTrace();
        TraceFile read = new TraceReader().read(file);
        assertEquals(recorder.events(), read.events());
        assertEquals(10_001, read.events().size());
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10_000, printed.size());
        assertEquals("line 9999", printed.get(9_999));
        assertEquals(10_001, reader.store().eventCount());
    }

    @Test
    void errorReportsGoToStderrAndNotIntoTheFileWhoseSeqStaysGapless() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.print(0, "before");
        recorder.errorReport("Traceback (most recent call last):\nValueError: x");
        recorder.print(0, "after");
        recorder.end(Outcome.COMPLETED, null);
        Path file = dir.resolve("reports.jsonl");
        RunReader reader = reader(recorder);
        reader.writeTrace(file);
        reader.start();
        reader.awaitEnd(Duration.ofSeconds(10));
        reader.commitTrace();
        List<TraceEvent> read = new TraceReader().read(file).events();
        assertEquals(3, read.size());
        assertEquals(List.of(0L, 1L, 2L), read.stream().map(TraceEvent::seq).toList());
        assertEquals("after", ((TraceEvent.Print) read.get(1)).text());
        assertEquals("before\nafter\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Traceback (most recent call last):\nValueError: x\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aReaderWithoutAnEndWritesWhatIsReadyAndStops() throws Exception {
        TraceRecorder recorder = new TraceRecorder(HEADER);
        recorder.print(0, "before the interrupt");
        Path file = dir.resolve("cut.jsonl");
        RunReader reader = reader(recorder);
        reader.writeTrace(file);
        reader.start();
        reader.awaitEnd(Duration.ofMillis(50));
        reader.commitTrace();
        assertEquals(recorder.events(), new TraceReader().read(file).events());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("before the interrupt"));
    }
}
