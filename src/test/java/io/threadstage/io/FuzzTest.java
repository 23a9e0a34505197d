package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.threadstage.core.RunOptions;
import io.threadstage.core.RunResult;
import io.threadstage.core.ScenarioRun;
import io.threadstage.model.Scenario;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates the built-in lessons and a recorded trace many thousand times (byte flips, cuts,
 * type swaps, deep nesting, huge numbers, long and odd strings, broken UTF-8) and holds the
 * readers to their promise: a valid document, or our own message naming the file and the
 * place, never another exception, and each within a time bound. Accepted scenarios are also
 * turned into Python, and a sample of them run for a moment on the core.
 *
 * <p>Seeded: {@code -Dfuzz.seed=N} replays a run, and a failure names the seed and the case
 * that broke, with the document.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 15L);
    private static final int SCENARIO_CASES = Integer.getInteger("fuzz.scenarios", 10_000);
    private static final int TRACE_CASES = Integer.getInteger("fuzz.traces", 10_000);
    /** A document that takes longer than this to be read or refused is a finding too. */
    private static final long DOCUMENT_NANOS = Duration.ofSeconds(2).toNanos();
    /** Events of the recorded trace kept as the trace to mutate (a trace without its end is valid). */
    private static final int TRACE_EVENTS = 40;
    /** How many distinct accepted programs are compiled by python3, in one process. */
    private static final int COMPILED_PROGRAMS = Integer.getInteger("fuzz.compiled", 1_500);
    /** Every how many accepted scenarios one is run on the core, briefly. */
    private static final int RUN_EVERY = 100;
    /** What our messages never contain: the JSON library's words, a Java failure. */
    private static final Pattern FOREIGN = Pattern.compile(
            "Jackson|StreamReadConstraints|FAIL_ON|\\[Source|REDACTED|\\(from `|Feature\\.|Exception|internal error|java\\.");
    /** A scenario message's place: a line and column, a byte offset or a JSON path. */
    private static final Pattern SCENARIO_PLACE = Pattern.compile("line \\d+, column \\d+|byte offset \\d+|\\$.*");
    /** The refusals that are about the whole document, so have no place. */
    private static final List<String> WHOLE_FILE = List.of("the file is empty", "larger than 4 MiB");

    private static final String[] ODD_VALUES = {
        "null", "true", "false", "0", "-1", "1e400", "-0.0", "1.5", "18446744073709551617", "9".repeat(9000),
        "\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"\u2028\u2029\"", "\"" + "x".repeat(20_000) + "\"", "[]", "{}",
        "[[[[[[[[[[]]]]]]]]]]", "{\"x-k\": 1}", "\"lesson:../x\"", "\"{thread}{nope}\"", "\"a\\\\b\\\"c\"",
    };

    private static final byte[][] ODD_BYTES = java.util.Arrays.stream(ODD_VALUES)
            .map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

    @Test
    @Timeout(300)
    void mutatedLessonsAreReadOrRefusedInOurWordsWithAPlace() throws Exception {
        long begun = System.nanoTime();
        List<byte[]> lessons = new ArrayList<>();
        for (String id : LessonFiles.ids()) {
            lessons.add(Files.readAllBytes(LessonFiles.path(id)));
        }
        Random random = new Random(SEED);
        ScenarioLoader loader = new ScenarioLoader();
        int accepted = 0;
        int ran = 0;
        Map<String, Accepted> programs = new LinkedHashMap<>();
        for (int i = 0; i < SCENARIO_CASES; i++) {
            byte[] document = mutate(lessons.get(random.nextInt(lessons.size())), random);
            long started = System.nanoTime();
            Scenario scenario = null;
            try {
                scenario = loader.parse("fuzz.json", document);
            } catch (ScenarioException refused) {
                String problem = check(refused.getMessage().startsWith("fuzz.json: ")
                        && (refused.place() != null ? SCENARIO_PLACE.matcher(refused.place()).matches()
                        : WHOLE_FILE.stream().anyMatch(refused.problem()::startsWith))
                        && !FOREIGN.matcher(refused.getMessage()).find(), "not our located message: " + refused.getMessage());
                report(problem, "scenario", i, document);
            } catch (Throwable other) {
                report("threw " + other, "scenario", i, document);
            }
            report(check(System.nanoTime() - started < DOCUMENT_NANOS, "took " + (System.nanoTime() - started) / 1_000_000
                    + " ms"), "scenario", i, document);
            if (scenario != null) {
                accepted++;
                try {
                    String program = new PythonGenerator().generate(scenario).text();
                    if (programs.size() < COMPILED_PROGRAMS) {
                        programs.putIfAbsent(program, new Accepted(i, document));
                    }
                } catch (Throwable other) {
                    report("the Python generator threw " + other, "scenario", i, document);
                }
                if (accepted % RUN_EVERY == 0) {
                    report(runBriefly(scenario), "scenario", i, document);
                    ran++;
                }
            }
        }
        int compiled = compileWithCPython(programs);
        System.out.println("fuzz: " + SCENARIO_CASES + " scenarios (" + accepted + " accepted, " + ran + " run, "
                + compiled + " programs compiled by python3) in " + (System.nanoTime() - begun) / 1_000_000 + " ms");
        assertTrue(accepted > SCENARIO_CASES / 50 && accepted < SCENARIO_CASES * 19 / 20,
                "the mutations should both keep and break documents: " + accepted + " of " + SCENARIO_CASES + " accepted");
        assertTrue(ran > 0);
    }

    @Test
    @Timeout(300)
    void mutatedTracesAreReadOrRefusedInOurWordsWithTheirLine() throws Exception {
        byte[] trace = recordedTrace();
        long begun = System.nanoTime();
        Random random = new Random(SEED);
        TraceReader reader = new TraceReader();
        int accepted = 0;
        for (int i = 0; i < TRACE_CASES; i++) {
            byte[] document = mutate(trace, random);
            long started = System.nanoTime();
            try {
                TraceFile read = reader.read("fuzz.jsonl", new ByteArrayInputStream(document));
                TraceStore store = new TraceStore();
                read.events().forEach(store::append);
                accepted++;
            } catch (TraceFileException refused) {
                report(check(refused.getMessage().startsWith("fuzz.jsonl: ")
                        && (refused.line() > 0 || refused.problem().startsWith("empty file"))
                        && !FOREIGN.matcher(refused.getMessage()).find(), "not our located message: " + refused.getMessage()),
                        "trace", i, document);
            } catch (Throwable other) {
                report("threw " + other, "trace", i, document);
            }
            report(check(System.nanoTime() - started < DOCUMENT_NANOS, "took " + (System.nanoTime() - started) / 1_000_000
                    + " ms"), "trace", i, document);
        }
        System.out.println("fuzz: " + TRACE_CASES + " traces in " + (System.nanoTime() - begun) / 1_000_000 + " ms");
        assertTrue(accepted > TRACE_CASES / 200 && accepted < TRACE_CASES * 19 / 20,
                "the mutations should both keep and break traces: " + accepted + " of " + TRACE_CASES + " accepted");
    }

    // ---- mutations ------------------------------------------------------------------------

    /** One to three mutations of {@code original}. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] document = original;
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            document = mutateOnce(document, random);
        }
        return document;
    }

    private static byte[] mutateOnce(byte[] document, Random random) {
        int at = document.length == 0 ? 0 : random.nextInt(document.length);
        switch (random.nextInt(9)) {
            case 0: {
                // flip a byte: any value, so broken UTF-8 and control characters too
                byte[] flipped = document.clone();
                if (flipped.length > 0) {
                    flipped[at] = (byte) random.nextInt(256);
                }
                return flipped;
            }
            case 1:
                // cut the rest
                return java.util.Arrays.copyOf(document, at);
            case 2: {
                // delete a short run
                int length = Math.min(document.length - at, 1 + random.nextInt(40));
                return splice(document, at, length, new byte[0]);
            }
            case 3: {
                // repeat a short run
                int length = Math.min(document.length - at, 1 + random.nextInt(40));
                byte[] copy = java.util.Arrays.copyOfRange(document, at, at + length);
                return splice(document, at, 0, copy);
            }
            case 4:
                // swap a value for an odd one: another type, a huge number, a long or broken text
                return swapValue(document, random);
            case 5: {
                // nest deep
                int depth = 1 + random.nextInt(random.nextBoolean() ? 70 : 5_000);
                String open = random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
                return splice(document, at, 0, open.getBytes(StandardCharsets.UTF_8));
            }
            case 6:
                // an odd token anywhere
                return splice(document, at, 0, ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
            case 7: {
                // structural characters
                String token = new String[] {"{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "\r", "\u0000", "\uFEFF"}[random
                        .nextInt(12)];
                return splice(document, at, Math.min(random.nextInt(2), document.length - at), token.getBytes(StandardCharsets.UTF_8));
            }
            default: {
                // a key: duplicated, unknown, very long
                String key = new String[] {"\"title\": \"t\", ", "\"speeed\": 1, ", "\"x-" + "k".repeat(2_000) + "\": 1, ",
                    "\"main\": [], ", "\"workers\": null, "}[random.nextInt(5)];
                int brace = indexAfter(document, (byte) '{', at);
                return brace < 0 ? document : splice(document, brace, 0, key.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Replaces the JSON value after a random {@code ":"} with an odd one. */
    private static byte[] swapValue(byte[] document, Random random) {
        int colon = indexAfter(document, (byte) ':', document.length == 0 ? 0 : random.nextInt(document.length));
        if (colon < 0) {
            return document;
        }
        int start = colon + 1;
        while (start < document.length && document[start] == ' ') {
            start++;
        }
        int end = start;
        if (end < document.length && document[end] == '"') {
            end++;
            while (end < document.length && document[end] != '"') {
                end += document[end] == '\\' ? 2 : 1;
            }
            end = Math.min(document.length, end + 1);
        } else {
            while (end < document.length && ",}]\n".indexOf(document[end]) < 0) {
                end++;
            }
        }
        return splice(document, start, end - start, ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
    }

    private static int indexAfter(byte[] document, byte wanted, int from) {
        for (int i = from; i < document.length; i++) {
            if (document[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] document, int at, int remove, byte[] insert) {
        byte[] result = new byte[document.length - remove + insert.length];
        System.arraycopy(document, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(document, at + remove, result, at + insert.length, document.length - at - remove);
        return result;
    }

    // ---- what the cases use ---------------------------------------------------------------

    /** A mutated document the loader accepted, kept to name the case if its program does not compile. */
    private record Accepted(int index, byte[] document) {
    }

    /**
     * Text from a mutated document reaches the generated program as literals and comments; a
     * character that ends one (a carriage return in a comment, a quote in a string) shows as a
     * program python3 refuses to compile. Returns how many were compiled (0 without python3).
     */
    private static int compileWithCPython(Map<String, Accepted> programs) throws IOException {
        Optional<Path> python = CPython.find();
        if (python.isEmpty()) {
            System.out.println("fuzz: no python3 on the PATH, generated programs not compiled");
            return 0;
        }
        List<String> sources = new ArrayList<>(programs.keySet());
        List<String> problems = CPython.compileAll(python.get(), sources);
        for (int k = 0; k < sources.size(); k++) {
            if (problems.get(k) != null) {
                report("python3 does not compile the generated program: " + problems.get(k) + "\n--- program ---\n"
                        + sources.get(k), "scenario", programs.get(sources.get(k)).index(),
                        programs.get(sources.get(k)).document());
            }
        }
        return sources.size();
    }

    /** The first events of a real run's trace (producer and consumer): every kind of line, and short enough to read fast. */
    private static byte[] recordedTrace() throws Exception {
        Scenario lesson = LessonFiles.load("producer-consumer");
        RunOptions options = RunOptions.defaults().withSpeed(20.0);
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(lesson, options, Instant.EPOCH));
        ScenarioRun run = ScenarioRun.start(lesson, options, recorder);
        assertTrue(run.awaitEnd(Duration.ofSeconds(30)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            writer.header(recorder.header());
            int kept = 0;
            for (var event : recorder.eventsInOrder()) {
                if (kept++ < TRACE_EVENTS) {
                    writer.event(event);
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Runs an accepted scenario for a moment: it must end, or be stopped, without a Java failure. */
    private static String runBriefly(Scenario scenario) {
        RunOptions options = RunOptions.defaults().withSpeed(20.0).withMaxThreads(200);
        ScenarioRun run = ScenarioRun.start(scenario, options, new TraceRecorder(ScenarioRun.header(scenario, options,
                Instant.EPOCH), 1_000_000));
        if (!run.awaitEnd(Duration.ofMillis(300))) {
            run.stop();
            if (!run.awaitEnd(Duration.ofSeconds(5))) {
                return "the run did not end within 5 s of Stop";
            }
        }
        RunResult result = run.result().orElse(null);
        if (result == null) {
            return "the run ended without a result";
        }
        String message = String.valueOf(result.message());
        return message.contains("internal error") ? "the run failed inside: " + message : null;
    }

    private static String check(boolean holds, String problem) {
        return holds ? null : problem;
    }

    private static void report(String problem, String kind, int index, byte[] document) throws IOException {
        if (problem == null) {
            return;
        }
        String shown = new String(document, 0, Math.min(document.length, 2_000), StandardCharsets.UTF_8);
        fail(kind + " case " + index + " of seed " + SEED + " (replay: -Dfuzz.seed=" + SEED + "): " + problem
                + "\n--- document (first 2,000 bytes) ---\n" + shown);
    }
}
