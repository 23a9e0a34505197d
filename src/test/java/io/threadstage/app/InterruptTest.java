package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceReader;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during {@code run --trace}: the trace so far is kept and says how it ended; the process exits 130. */
@Timeout(120)
class InterruptTest {

    @Test
    void ctrlCKeepsTheTraceSoFarEndedAsInterruptedAndExits130(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("long.json"), """
                {"format": "threadstage/1", "title": "Long",
                 "workers": [{"name": "W", "style": "target", "function": "work",
                              "steps": [{"repeat": 100000, "do": [{"compute": 5}, {"sleep": 5}]}]}],
                 "main": [{"start": "W"}, {"print": "started"}, {"join": "W"}]}
                """);
        ChildJvm child = ChildJvm.start(dir, 0, "run", "long.json", "--trace", "t.jsonl", "--chrome", "c.json");
        child.awaitStdout("started", 60);
        child.signal("INT");
        int status = child.await(60);

        assertEquals(130, status, child.stderr());
        assertEquals("threadstage run: interrupted; the trace so far is in t.jsonl\n", child.stderr());
        TraceFile trace = new TraceReader().read(dir.resolve("t.jsonl"));
        TraceEvent last = trace.events().get(trace.events().size() - 1);
        assertTrue(last instanceof TraceEvent.End end && end.outcome() == Outcome.INTERRUPTED
                && end.message().equals("interrupted: the process was asked to end (Ctrl-C)"), String.valueOf(last));
        assertTrue(trace.events().stream().anyMatch(e -> e instanceof TraceEvent.Print p && p.text().equals("started")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("long.json", "t.jsonl"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the Chrome trace of a run cut short is not written, and no part file is left");
        }
    }
}
