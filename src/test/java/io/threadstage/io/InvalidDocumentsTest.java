package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample in {@code src/test/resources/invalid/} is refused with exactly the message
 * {@code expected.tsv} gives for it; inputs too large or too odd to commit are made here.
 */
class InvalidDocumentsTest {

    static final Path FOLDER = Path.of("src/test/resources/invalid");

    private final ScenarioLoader loader = new ScenarioLoader();

    /** File name to the message after {@code FILE: }. */
    static Map<String, String> expectations() {
        try {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String line : Files.readAllLines(FOLDER.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                expected.put(parts[0], parts[1]);
            }
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachSampleIsRefusedWithItsMessage() {
        return expectations().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            byte[] bytes = Files.readAllBytes(FOLDER.resolve(entry.getKey()));
            ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse(entry.getKey(), bytes));
            assertEquals(entry.getKey() + ": " + entry.getValue(), error.getMessage());
        }));
    }

    @Test
    void everySampleHasAnExpectationAndEveryExpectationASample() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(FOLDER)) {
            list.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).forEach(files::add);
        }
        assertEquals(files, new TreeSet<>(expectations().keySet()));
    }

    @Test
    void samplesCoverEveryKindOfProblemTheFormatNames() {
        List<String> needed = List.of("not-json.json", "truncated.json", "wrong-format.json", "missing-title.json",
                "missing-main.json", "unknown-top-key.json", "step-without-verb.json", "step-with-two-verbs.json",
                "compute-not-number.json", "sleep-negative.json", "compute-absurd.json", "repeat-absurd.json",
                "duplicate-resource.json", "duplicate-worker.json", "unknown-worker.json", "unknown-queue.json",
                "unknown-future.json", "wrong-kind-put.json", "too-deep.json");
        List<String> missing = new ArrayList<>(needed);
        missing.removeAll(expectations().keySet());
        assertEquals(List.of(), missing);
    }

    @Test
    void notUtf8IsRefusedAtItsByteOffset() {
        byte[] bytes = "{\"format\": \"threadstage/1\", \"title\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse("latin1.json", bytes));
        assertEquals("latin1.json: byte offset 41: not valid UTF-8 (0xE9)", error.getMessage());
    }

    @Test
    void aCharacterCutInHalfAtTheEndIsNotUtf8() {
        byte[] whole = "{\"title\": \"\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse("cut.json", cut));
        assertEquals("cut.json: byte offset 11: not valid UTF-8 (0xC3)", error.getMessage());
    }

    @Test
    void utf16IsNotUtf8() {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_16);
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse("wide.json", bytes));
        assertEquals("wide.json: byte offset 0: not valid UTF-8 (0xFE)", error.getMessage());
    }

    @Test
    void overFourMebibytesIsRefusedBeforeParsing() {
        byte[] bytes = tooLarge();
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse("big.json", bytes));
        assertEquals("big.json: larger than 4 MiB (4194305 bytes)", error.getMessage());
    }

    @Test
    void overFourMebibytesIsRefusedFromAFile() throws IOException {
        Path file = Files.createTempFile("big", ".json");
        try {
            Files.write(file, tooLarge());
            ScenarioException error = assertThrows(ScenarioException.class, () -> loader.load(file));
            assertEquals(file + ": larger than 4 MiB (4194305 bytes)", error.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void exactlyFourMebibytesIsAccepted() throws ScenarioException {
        String head = "{\"format\": \"threadstage/1\", \"title\": \"Big\", \"main\": []}";
        byte[] bytes = (head + " ".repeat(ScenarioLoader.MAX_BYTES - head.length())).getBytes(StandardCharsets.UTF_8);
        assertEquals(ScenarioLoader.MAX_BYTES, bytes.length);
        assertEquals("Big", loader.parse("big.json", bytes).title());
    }

    /** A valid document padded with spaces to one byte over the limit: only the size is wrong. */
    private static byte[] tooLarge() {
        String head = "{\"format\": \"threadstage/1\", \"title\": \"Big\", \"main\": []}";
        return (head + " ".repeat(ScenarioLoader.MAX_BYTES + 1 - head.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHundredThousandOpenBracketsAreRefusedWithoutExhaustingTheStack() {
        byte[] bytes = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.parse("deep.json", bytes));
        assertEquals("deep.json: line 1, column 65: nesting deeper than 64 levels", error.getMessage());
    }

    @Test
    void stepsNestedTooDeepAreRefused() {
        String open = "{\"repeat\": 1, \"do\": [";
        String close = "]}";
        int levels = 32;
        String head = "{\"format\": \"threadstage/1\", \"title\": \"Deep\", \"main\": [";
        String document = head + open.repeat(levels) + close.repeat(levels) + "]}";
        ScenarioException error = assertThrows(ScenarioException.class,
                () -> loader.parse("deep.json", document.getBytes(StandardCharsets.UTF_8)));
        // the 32nd step object is the 65th level: root, main, then a step and its "do" per level
        int column = head.length() + open.length() * (levels - 1) + 1;
        assertEquals("deep.json: line 1, column " + column + ": nesting deeper than 64 levels", error.getMessage());
    }

    @Test
    void stepsNestedJustWithinTheLimitLoad() throws ScenarioException {
        String open = "{\"repeat\": 1, \"do\": [";
        String close = "]}";
        int levels = 31;
        String document = "{\"format\": \"threadstage/1\", \"title\": \"Deep\", \"main\": ["
                + open.repeat(levels) + close.repeat(levels) + "]}";
        assertEquals(1, loader.parse("deep.json", document.getBytes(StandardCharsets.UTF_8)).main().size());
    }
}
