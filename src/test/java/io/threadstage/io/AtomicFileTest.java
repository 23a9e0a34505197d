package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the program writes: whole or not at all, with the permissions a document should have. */
class AtomicFileTest {

    private static final TraceHeader HEADER = new TraceHeader("t", "2026-01-01T00:00:00Z", 1.0, true);
    private static final List<TraceEvent> EVENTS = List.of(new TraceEvent.End(0, 5, Outcome.COMPLETED, null));

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartFileBehind() throws IOException {
        Path target = dir.resolve("lesson.json");
        Files.writeString(target, "the teacher's work");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals("the teacher's work", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void anAbandonedFileLeavesNothing() throws IOException {
        Path target = dir.resolve("clip.gif");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write(1);
            assertTrue(Files.exists(file.temporary()));
            assertTrue(file.temporary().getFileName().toString().matches("\\.clip\\.gif\\.[0-9a-z]+\\.part"),
                    file.temporary().toString());
        }
        assertEquals(List.of(), files());
    }

    @Test
    void tracesAndChromeTracesGetThePermissionsOfAnyNewFile() throws IOException {
        String usual = permissions(Files.createFile(dir.resolve("plain")));
        Path trace = dir.resolve("run.jsonl");
        Path chrome = dir.resolve("run.json");
        Path scenario = dir.resolve("s.json");
        TraceWriter.write(trace, HEADER, EVENTS);
        ChromeTraceWriter.write(chrome, HEADER, EVENTS);
        new ScenarioWriter().save(io.threadstage.model.Scenario.empty("S"), scenario);

        assertEquals(usual, permissions(trace));
        assertEquals(usual, permissions(chrome));
        assertEquals(usual, permissions(scenario));
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "old");
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw----"));
        TraceWriter.write(trace, HEADER, EVENTS);

        assertEquals("rw-rw----", permissions(trace));
        assertTrue(Files.readString(trace).startsWith("{\"format\":\"threadstage-trace/1\""));
    }

    @Test
    void writingThroughALinkReplacesWhatItPointsToAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.jsonl"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
        TraceWriter.write(link, HEADER, EVENTS);

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("\"ev\":\"end\""));
    }

    @Test
    void foldersDevicesPipesAndMissingFoldersAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertEquals("it is a folder", AtomicFile.problem(dir));
        assertEquals("not a regular file (a device, a pipe or a socket)", AtomicFile.problem(fifo));
        assertEquals("not a regular file (a device, a pipe or a socket)", AtomicFile.problem(Path.of("/dev/full")));
        assertEquals("no such directory " + dir.resolve("none"), AtomicFile.problem(dir.resolve("none/x.png")));
        assertEquals("not a directory: " + file, AtomicFile.problem(file.resolve("x.png")));
        assertNull(AtomicFile.problem(dir.resolve("new.png")));
        IOException refused = assertThrows(IOException.class, () -> AtomicFile.write(fifo, out -> out.write(1)));
        assertEquals("not a regular file (a device, a pipe or a socket)", refused.getMessage());
        assertTrue(Files.isDirectory(dir) && !Files.isRegularFile(fifo) && Files.exists(fifo));
        assertEquals(List.of(file, fifo), files());
    }

    @Test
    void aWriterThatClosesItsStreamDoesNotCloseTheFileBeforeItIsMovedIntoPlace() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFile.write(target, out -> {
            try (var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                writer.write("whole");
            }
        });
        assertEquals("whole", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.sorted().toList();
        }
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
