package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CheckCommandTest {

    private static final Path INVALID = Path.of("src/test/resources/invalid");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidLessonPrintsOkAndExitsZero() {
        assertEquals(0, run("check", "lesson:producer-consumer"));
        assertEquals("lesson:producer-consumer: ok\n", out());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyLessonFileIsOk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("assets/lessons"))) {
            String[] args = Stream.concat(Stream.of("check"),
                    files.filter(f -> f.toString().endsWith(".json")).sorted().map(Path::toString)).toArray(String[]::new);
            assertEquals(0, run(args));
            StringBuilder expected = new StringBuilder();
            for (int i = 1; i < args.length; i++) {
                expected.append(args[i]).append(": ok\n");
            }
            assertEquals(expected.toString(), out());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachInvalidSamplePrintsItsMessageAndExitsTwo() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(INVALID.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                expected.put(parts[0], parts[1]);
            }
        }
        return expected.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            out.reset();
            String file = INVALID.resolve(entry.getKey()).toString();
            assertEquals(2, run("check", file));
            assertEquals(file + ": " + entry.getValue() + "\n", out());
        }));
    }

    @Test
    void oneInvalidFileAmongValidOnesExitsTwoAndReportsEachInOrder() {
        String bad = INVALID.resolve("unknown-worker.json").toString();
        assertEquals(2, run("check", "lesson:four-styles", bad, "lesson:pool-futures"));
        assertEquals("lesson:four-styles: ok\n"
                + bad + ": $.main[2]: unknown worker \"Prodcuer\"\n"
                + "lesson:pool-futures: ok\n", out());
    }

    @Test
    void aMissingFileIsInvalid() {
        assertEquals(2, run("check", "no/such/file.json"));
        assertEquals("no/such/file.json: no such file\n", out());
    }

    @Test
    void noFileIsAUsageError() {
        assertEquals(2, run("check"));
        assertEquals("", out());
        assertEquals("usage: threadstage check FILE...  (a FILE may be lesson:ID)\n", err.toString(StandardCharsets.UTF_8));
    }
}
