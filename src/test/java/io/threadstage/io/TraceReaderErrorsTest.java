package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.threadstage.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderErrorsTest {

    private static final String HEADER =
            "{\"format\":\"threadstage-trace/1\",\"title\":\"x\",\"started\":\"2026-11-25T21:00:00Z\",\"speed\":1.0,\"gil\":false}\n";

    @TempDir
    Path dir;

    private String messageFor(String content) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TraceFileException e = assertThrows(TraceFileException.class, () -> new TraceReader().read(file));
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("none.jsonl");
        TraceFileException e = assertThrows(TraceFileException.class, () -> new TraceReader().read(file));
        assertEquals(file + ": cannot read: no such file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void eachProblemNamesItsLine() throws Exception {
        assertEquals(": empty file: expected a trace header line", messageFor(""));
        assertEquals(": line 1: not a trace header: missing \"format\"", messageFor("{\"seq\":0}\n"));
        assertEquals(": line 1: unsupported format \"threadstage-trace/2\", expected \"threadstage-trace/1\"",
                messageFor("{\"format\":\"threadstage-trace/2\"}\n"));
        assertEquals(": line 2: expected a JSON object", messageFor(HEADER + "[1,2]\n"));
        assertEquals(": line 2: missing \"ev\"", messageFor(HEADER + "{\"seq\":0,\"t\":0}\n"));
        assertEquals(": line 3: seq 2 where 1 was expected", messageFor(HEADER
                + "{\"seq\":0,\"t\":5,\"ev\":\"marker\",\"text\":\"a\"}\n"
                + "{\"seq\":2,\"t\":6,\"ev\":\"marker\",\"text\":\"b\"}\n"));
        assertEquals(": line 3: t 4 is before the previous event's 5", messageFor(HEADER
                + "{\"seq\":0,\"t\":5,\"ev\":\"marker\",\"text\":\"a\"}\n"
                + "{\"seq\":1,\"t\":4,\"ev\":\"marker\",\"text\":\"b\"}\n"));
        assertEquals(": line 2: unknown event \"teleport\"", messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"teleport\"}\n"));
        assertEquals(": line 2: unknown state \"sleeping\"",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"state\",\"tid\":1,\"state\":\"sleeping\"}\n"));
        assertEquals(": line 2: unknown reason \"nap\"",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"state\",\"tid\":1,\"state\":\"waiting\",\"reason\":\"nap\"}\n"));
        assertEquals(": line 2: \"depth\" must be a whole number",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"queue\",\"on\":\"q\",\"depth\":\"two\",\"maxsize\":0}\n"));
        assertEquals(": line 2: \"phase\" must be \"begin\" or \"end\", was \"middle\"",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"join\",\"tid\":0,\"target\":1,\"phase\":\"middle\"}\n"));
        assertEquals(": line 3: event after the \"end\" line", messageFor(HEADER
                + "{\"seq\":0,\"t\":0,\"ev\":\"end\",\"outcome\":\"completed\",\"message\":null}\n"
                + "{\"seq\":1,\"t\":0,\"ev\":\"marker\",\"text\":\"late\"}\n"));
        assertEquals(": line 2: unknown outcome \"exploded\"",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"end\",\"outcome\":\"exploded\"}\n"));
        assertEquals(": line 2: \"t\" must be a whole number, 0 or more",
                messageFor(HEADER + "{\"seq\":0,\"t\":-3,\"ev\":\"marker\",\"text\":\"a\"}\n"));
    }

    @Test
    void brokenJsonAndBrokenTextAreReportedAsTheirLine() throws Exception {
        String broken = messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"marker\",\"text\":\"a\"}\n{\"seq\":1,\n");
        assertEquals(": line 3, column 10: the line ends inside its JSON value (a cut line?)", broken);
        String trailing = messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"marker\",\"text\":\"a\"} {}\n");
        assertEquals(": line 2, column 42: unexpected text after the line's JSON object (a trace has one event a line)", trailing);
        Path file = dir.resolve("latin1.jsonl");
        byte[] head = HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', (byte) 0xE9, '"', '}', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        TraceFileException e = assertThrows(TraceFileException.class, () -> new TraceReader().read(file));
        assertEquals(file + ": line 2: not valid UTF-8 text", e.getMessage());
    }

    @Test
    void aTraceCutShortBeforeItsEndIsStillRead() throws Exception {
        Path file = dir.resolve("cut.jsonl");
        Files.writeString(file, HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"marker\",\"text\":\"a\",\"x-extra\":1}\n\n");
        TraceFile read = new TraceReader().read(file);
        assertEquals(java.util.List.of(new TraceEvent.Marker(0, 0, "a")), read.events());
    }

    @Test
    void aLineLongerThanTheCapIsRefusedOnceTheCapIsPassed() throws Exception {
        String text = "a".repeat(TraceReader.MAX_LINE_BYTES);
        assertEquals(": line 2: longer than 16 MiB; a trace has one event a line", messageFor(HEADER
                + "{\"seq\":0,\"t\":0,\"ev\":\"marker\",\"text\":\"" + text + "\"}\n"));
        // a file with no line break at all is refused at the cap, not read to its end
        assertEquals(": line 1: longer than 16 MiB; a trace has one event a line", messageFor(" ".repeat(TraceReader.MAX_LINE_BYTES + 1)));
    }

    @Test
    void aThreadIdBeyondWhatATraceCanHoldIsRefused() throws Exception {
        assertEquals(": line 2: \"tid\" must be a thread id from 0 to 32767 (a trace has at most 32768 threads), got 32768",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"thread\",\"tid\":32768,\"thread\":\"T\",\"style\":\"target\","
                        + "\"daemon\":false,\"ident\":null,\"native_id\":null}\n"));
        assertEquals(": line 2: \"owner\" must be a thread id from 0 to 32767 (a trace has at most 32768 threads), got 100000",
                messageFor(HEADER + "{\"seq\":0,\"t\":0,\"ev\":\"gil\",\"owner\":100000}\n"));
    }

    /** Jackson's own words name its settings and hide the source: a teacher gets ours, with the place. */
    @Test
    void syntaxProblemsAreOurOwnWordsWithLineAndColumn() throws Exception {
        String event = "{\"seq\":0,\"t\":0,\"ev\":\"marker\",\"text\":\"a\"";
        List<String> messages = List.of(
                messageFor(HEADER + event + "} {\"seq\":1}\n"),
                messageFor(HEADER + event + "\n"),
                messageFor(HEADER + "{\"seq\":0,\"t\":" + "9".repeat(100_000) + ",\"ev\":\"marker\",\"text\":\"a\"}\n"),
                messageFor(HEADER + event + ",\"" + "k".repeat(100_000) + "\":1}\n"),
                messageFor(HEADER + event + ",\"text\":\"b\"}\n"),
                messageFor(HEADER + event + ",}\n"));

        assertEquals(List.of(
                ": line 2, column 42: unexpected text after the line's JSON object (a trace has one event a line)",
                ": line 2, column 40: the line ends inside its JSON value (a cut line?)",
                ": line 2, column 14: a number of more than 8600 characters",
                ": line 2, column 41: a key of 100000 characters (a key has at most 1000)",
                ": line 2, column 41: duplicate key \"text\"",
                ": line 2, column 41: unexpected \"}\" after a comma (remove the last comma)"), messages);
        for (String message : messages) {
            assertFalse(message.matches("(?s).*(Jackson|StreamReadConstraints|FAIL_ON|Source:|REDACTED|`).*"), message);
        }
    }
}
