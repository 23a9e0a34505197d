package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every file in {@code assets/lessons/} loads, is listed in the index, and survives a save. */
class LessonFilesTest {

    private static final Path FOLDER = Path.of("assets/lessons");

    private final ScenarioLoader loader = new ScenarioLoader();

    private static List<Path> lessonFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonFileLoads() throws IOException {
        return lessonFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> loader.load(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyLessonSurvivesSaveAndLoad() throws IOException {
        ScenarioWriter writer = new ScenarioWriter();
        return lessonFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario lesson = loader.load(file);
            String json = writer.toJson(lesson);
            assertEquals(lesson, loader.parse(file.toString(), json.getBytes(StandardCharsets.UTF_8)));
        }));
    }

    @Test
    void theIndexListsExactlyTheLessonFiles() throws IOException {
        TreeSet<String> files = lessonFiles().stream()
                .map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, new TreeSet<>(new LessonLibrary().ids()));
    }

    @Test
    void theStarterLessonsAreThere() {
        List<String> ids = new LessonLibrary().ids();
        assertEquals(true, ids.containsAll(List.of("four-styles", "producer-consumer", "pool-futures")), ids.toString());
    }
}
