package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LessonLibraryTest {

    private final LessonLibrary library = new LessonLibrary();

    @Test
    void listsLessonsInIndexOrderWithTheirTitles() throws IOException, ScenarioException {
        List<String> indexOrder = Files.readAllLines(Path.of("assets/lessons/index.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
        List<LessonLibrary.Entry> entries = library.list();
        assertEquals(indexOrder, entries.stream().map(LessonLibrary.Entry::id).collect(Collectors.toList()));
        ScenarioLoader loader = new ScenarioLoader();
        for (LessonLibrary.Entry entry : entries) {
            assertEquals(loader.load(Path.of("assets/lessons", entry.id() + ".json")).title(), entry.title(), entry.id());
            assertEquals("lesson:" + entry.id(), entry.source());
        }
    }

    @Test
    void eachLessonCarriesItsChapterSectionAndCaption() throws ScenarioException {
        List<LessonLibrary.Entry> entries = library.list();
        assertEquals(List.of("Four ways to create a thread", "Configuring threads", "Starting, joining and stopping",
                        "Getting results back", "Exceptions in threads", "The GIL and its pitfalls"),
                entries.stream().map(LessonLibrary.Entry::section).distinct().collect(Collectors.toList()));
        assertEquals("Configuring threads", entries.stream().filter(entry -> entry.id().equals("daemon-threads"))
                .findFirst().orElseThrow().section());
        ScenarioLoader loader = new ScenarioLoader();
        for (LessonLibrary.Entry entry : entries) {
            assertEquals(loader.load(Path.of("assets/lessons", entry.id() + ".json")).lesson(), entry.caption(), entry.id());
        }
    }

    @Test
    void theDefaultLessonExists() throws ScenarioException {
        assertEquals(new ScenarioLoader().load(Path.of("assets/lessons/producer-consumer.json")),
                library.open(LessonLibrary.DEFAULT_LESSON));
    }

    @Test
    void fourStylesHasOneWorkerOfEachStyle() throws ScenarioException {
        Scenario lesson = library.open("four-styles");
        assertEquals(EnumSet.allOf(WorkerStyle.class),
                lesson.workers().stream().map(w -> w.style()).collect(Collectors.toCollection(() -> EnumSet.noneOf(WorkerStyle.class))));
    }

    @Test
    void producerConsumerUsesABoundedQueue() throws ScenarioException {
        assertTrue(library.open("producer-consumer").resources().stream()
                .anyMatch(r -> r instanceof Resource.Queue && ((Resource.Queue) r).maxsize() > 0));
    }

    @Test
    void openingAnUnknownLessonNamesIt() {
        ScenarioException error = assertThrows(ScenarioException.class, () -> library.open("nope"));
        assertEquals("lesson:nope: no such built-in lesson (threadstage lessons lists them)", error.getMessage());
    }
}
