package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.threadstage.model.Scenario;
import io.threadstage.model.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever its texts hold, a scenario's program is the program its structure says,
 * with each text a Python literal (or a comment) of exactly that text. Each seed takes a
 * scenario (a {@link TextScenarios} one with a text in every place, an
 * {@link AdversarialScenarios} one, or a built-in lesson), replaces every text with random
 * Unicode biased toward what could end or escape a literal ({@link OddTexts}), and generates
 * two programs: the program, and a skeleton from the same scenario with each text replaced by a
 * marker word. One python3 process then checks every pair ({@code checks/program_texts.py}):
 * it compiles and tokenizes, holds no raw character Python's {@code str.isprintable()} refuses
 * but its line breaks, has the skeleton's structure up to names, and each string constant and
 * comment is the skeleton's with each marker replaced by its text exactly (a comment shows it
 * with unprintable characters as spaces). Scenarios without lone surrogates also survive a
 * save and a load unchanged; with them (a quarter of the seeds) they are only generated, as
 * the editor could build them, since the loader refuses them.
 *
 * <p>A failure names its seed; {@code -Dthreadstage.texts.first=SEED -Dthreadstage.texts.programs=1}
 * replays it alone, and a larger {@code programs} searches deeper.
 */
class PythonTextsPropertyTest {

    private static final long FIRST = Long.getLong("threadstage.texts.first", 1);
    private static final int PROGRAMS = Integer.getInteger("threadstage.texts.programs", 2000);
    private static final int SHOWN_FAILURES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** One seed's scenario and its two programs. */
    private record Case(long seed, String base, Scenario scenario, String program, String skeleton,
                        Map<String, String> texts) {
    }

    @Test
    void everyTextStaysALiteralOrACommentOfExactlyThatText() throws IOException {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: generated programs not checked");
        Map<String, Scenario> lessons = new LinkedHashMap<>();
        for (String id : LessonFiles.ids()) {
            lessons.put(id, LessonFiles.load(id));
        }
        long started = System.nanoTime();
        List<Case> cases = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (long seed = FIRST; seed < FIRST + PROGRAMS; seed++) {
            Case generated = generate(seed, lessons);
            cases.add(generated);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("program", generated.program());
            line.put("skeleton", generated.skeleton());
            line.put("texts", generated.texts());
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        long generatedNanos = System.nanoTime() - started;
        List<String> verdicts = check(python.get(), lines.toString(), cases.size());
        System.out.printf("PythonTextsPropertyTest: %d programs (seeds %d to %d) generated in %d ms, checked by python3"
                + " in %d ms%n", cases.size(), FIRST, FIRST + PROGRAMS - 1, generatedNanos / 1_000_000,
                (System.nanoTime() - started - generatedNanos) / 1_000_000);
        report(cases, verdicts);
    }

    /** The checker's verdict on each line of {@code lines}, in one python3 process. */
    private static List<String> check(Path python, String lines, int count) throws IOException {
        Path data = Files.createTempFile("threadstage-texts-", ".jsonl");
        Path checker = Files.createTempFile("threadstage-texts-", ".py");
        try {
            Files.writeString(data, lines, StandardCharsets.US_ASCII);
            try (InputStream script = PythonTextsPropertyTest.class.getResourceAsStream("/checks/program_texts.py")) {
                Files.write(checker, script.readAllBytes());
            }
            CPython.Outcome outcome = CPython.start(python, List.of(checker.toString(), data.toString()))
                    .await(Duration.ofMinutes(5));
            assertEquals(0, outcome.exitCode(), "the checker failed: " + outcome.stderr());
            assertEquals(count, outcome.stdout().size(), "one verdict per program: " + outcome.stderr());
            return outcome.stdout();
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(checker);
        }
    }

    private static void report(List<Case> cases, List<String> verdicts) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!verdicts.get(i).equals("ok")) {
                Case failed = cases.get(i);
                String detail = failures.isEmpty() ? "\n" + failed.program() + "\n(scenario: " + describe(failed.scenario()) + ")" : "";
                failures.add("seed " + failed.seed() + " (" + failed.base() + "): " + verdicts.get(i) + detail);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " programs fail; replay one with -Dthreadstage.texts.first=SEED"
                    + " -Dthreadstage.texts.programs=1\n" + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES,
                    failures.size()))));
        }
    }

    private static String describe(Scenario scenario) {
        try {
            return new ScenarioWriter().toJson(scenario);
        } catch (RuntimeException unwritable) {
            return scenario.toString();
        }
    }

    /** The seed's scenario, its texts made odd, and the program of it and of its skeleton. */
    private static Case generate(long seed, Map<String, Scenario> lessons) {
        Random random = new Random(seed);
        boolean loneSurrogates = random.nextInt(4) == 0;
        Scenario base;
        String kind;
        switch (random.nextInt(4)) {
            case 0 -> {
                kind = "adversarial " + seed;
                base = AdversarialScenarios.generate(seed);
            }
            case 1 -> {
                String id = List.copyOf(lessons.keySet()).get((int) (seed % lessons.size()));
                kind = "lesson " + id;
                base = lessons.get(id);
            }
            default -> {
                kind = "text scenario " + seed;
                base = TextScenarios.generate(seed);
            }
        }
        Scenario scenario = oddTexts(base, random, loneSurrogates, seed);
        if (!loneSurrogates) {
            // what the generator is given here, the loader accepts and keeps as it was
            String json = new ScenarioWriter().toJson(scenario);
            try {
                Scenario loaded = new ScenarioLoader().parse("seed " + seed, json.getBytes(StandardCharsets.UTF_8));
                assertEquals(scenario, loaded, "seed " + seed + ": the scenario changed in a save and a load");
            } catch (ScenarioException refused) {
                fail("seed " + seed + ": the loader refuses the scenario: " + refused.getMessage());
            }
        }
        Map<String, String> markers = new HashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        UnaryOperator<String> marker = text -> text.isEmpty() ? text : markers.computeIfAbsent(text, key -> {
            String word = "M" + (markers.size() + 1) + "_";
            texts.put(word, key);
            return word;
        });
        Scenario skeleton = ScenarioTexts.map(scenario, new ScenarioTexts.Mapping(marker, marker, marker));
        String program = new PythonGenerator().generate(scenario).text();
        for (int i = 0; i < program.length(); i++) {
            char c = program.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < program.length() && Character.isLowSurrogate(program.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                fail("seed " + seed + " (" + kind + "): the program holds a lone surrogate, which no UTF-8 file can hold:\n"
                        + program.replace(c, '?'));
            }
        }
        return new Case(seed, kind, scenario, program, new PythonGenerator().generate(skeleton).text(), texts);
    }

    /**
     * The scenario with every text replaced by an odd one: names (title, worker names) stay
     * non-blank and distinct, template runs non-empty; equal texts stay equal. Tries again
     * with the next draws when a name happens to meet a name of the scenario.
     */
    private static Scenario oddTexts(Scenario base, Random random, boolean loneSurrogates, long seed) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, String> names = new HashMap<>();
            Set<String> given = new HashSet<>();
            Map<String, String> texts = new HashMap<>();
            Map<String, String> runs = new HashMap<>();
            UnaryOperator<String> name = original -> names.computeIfAbsent(original, key -> {
                String drawn = OddTexts.drawNonEmpty(random, loneSurrogates);
                while (drawn.isBlank() || !given.add(drawn)) {
                    drawn = OddTexts.drawNonEmpty(random, loneSurrogates);
                }
                return drawn;
            });
            UnaryOperator<String> text = original -> original.isEmpty() ? original
                    : texts.computeIfAbsent(original, key -> OddTexts.draw(random, loneSurrogates));
            UnaryOperator<String> run = original -> runs.computeIfAbsent(original,
                    key -> OddTexts.drawNonEmpty(random, loneSurrogates));
            Scenario odd = ScenarioTexts.map(base, new ScenarioTexts.Mapping(name, text, run));
            if (new Validator().validate(odd).isEmpty()) {
                return odd;
            }
        }
        throw new AssertionError("seed " + seed + ": no valid odd texts in 100 draws");
    }

    /** The checker's own promises, on programs written by hand. */
    @Test
    void theCheckerCatchesWhatItLooksFor() throws IOException {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH");
        String skeleton = "\"\"\"M1_\"\"\"\nprint(f\"M2_{x}\")  # simulated I/O: M3_\n";
        Map<String, String> texts = Map.of("M1_", "T", "M2_", "a\u2028", "M3_", "l\rx");
        List<String> programs = List.of(
                "\"\"\"T\"\"\"\nprint(f\"a\\u2028{y}\")  # simulated I/O: l x\n",
                "\"\"\"T\"\"\"\nprint(f\"a\u2028{y}\")  # simulated I/O: l x\n",
                "\"\"\"T\"\"\"\nprint(f\"a\\u2028{y}\")  # simulated I/O: l\n",
                "\"\"\"T\"\"\"\nprint(f\"a\\u2028{y}\")  # simulated I/O: l\nx\n",
                "\"\"\"T\"\"\"\nprint(f\"a\\u2029{y}\")  # simulated I/O: l x\n",
                "\"\"\"T\"\"\"\nprint(f\"a\\u2028{y}\", 1)  # simulated I/O: l x\n",
                "\"\"\"T\"\"\"\nprint(f\"a\\u2028{y}\"  # simulated I/O: l x\n");
        StringBuilder lines = new StringBuilder();
        for (String program : programs) {
            lines.append(JSON.writeValueAsString(Map.of("program", program, "skeleton", skeleton, "texts", texts))).append('\n');
        }
        List<String> verdicts = check(python.get(), lines.toString(), programs.size());
        assertEquals(List.of("ok", "raw '\\u2028' on line 2",
                "comment '# simulated I/O: l', expected '# simulated I/O: l x'",
                "the program's structure differs from the skeleton's",
                "string constant 'a\\u2029', expected 'a\\u2028'",
                "the program's structure differs from the skeleton's"), verdicts.subList(0, 6));
        assertTrue(verdicts.get(6).startsWith("does not compile: SyntaxError(\"'(' was never closed\""), verdicts.get(6));
    }
}
