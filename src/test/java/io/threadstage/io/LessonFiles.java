package io.threadstage.io;

import io.threadstage.model.Scenario;
import io.threadstage.model.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The built-in lessons as files of the working tree, for tests that run or translate each one. */
public final class LessonFiles {

    public static final Path FOLDER = Path.of("assets", "lessons");

    private LessonFiles() {
    }

    /** Lesson ids in the order of {@code index.txt}. */
    public static List<String> ids() {
        try {
            return Files.readAllLines(FOLDER.resolve("index.txt")).stream().map(String::strip)
                    .filter(id -> !id.isEmpty() && !id.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String id) {
        return FOLDER.resolve(id + ".json");
    }

    public static Scenario load(String id) {
        return load(path(id));
    }

    /** Loads with the real loader; a lesson that does not load fails the calling test with the loader's message. */
    public static Scenario load(Path file) {
        try {
            return new ScenarioLoader().load(file);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Deterministic scenarios that pin CPython's texts, beyond what the lessons show. */
    public static List<Path> judgeScenarios() {
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "judge"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isDeterministic(Scenario lesson) {
        return new Value.Bool(true).equals(lesson.extensions().get("x-deterministic"));
    }

    /** {@code completed} or {@code deadlock}. */
    public static String expectedOutcome(Scenario lesson) {
        Value outcome = lesson.extensions().get("x-expected-outcome");
        return outcome instanceof Value.Text text ? text.value() : "completed";
    }
}
