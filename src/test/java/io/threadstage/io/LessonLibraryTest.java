package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LessonLibraryTest {

    private final LessonLibrary library = new LessonLibrary();

    @Test
    void listsLessonsInIndexOrderWithTheirTitles() throws IOException {
        List<String> indexOrder = Files.readAllLines(Path.of("assets/lessons/index.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
        List<LessonLibrary.Entry> entries = library.list();
        assertEquals(indexOrder, entries.stream().map(LessonLibrary.Entry::id).collect(Collectors.toList()));
        LessonLibrary.Entry pool = entries.stream().filter(e -> e.id().equals("pool-futures")).findFirst().orElseThrow();
        assertEquals("A thread pool with futures", pool.title());
        assertEquals("lesson:pool-futures", pool.source());
    }

    @Test
    void theDefaultLessonExists() throws ScenarioException {
        assertEquals("Producer and consumer over a bounded queue", library.open(LessonLibrary.DEFAULT_LESSON).title());
    }

    @Test
    void fourStylesHasOneWorkerOfEachStyle() throws ScenarioException {
        Scenario lesson = library.open("four-styles");
        assertEquals(List.of(WorkerStyle.TARGET, WorkerStyle.LAMBDA, WorkerStyle.SUBCLASS, WorkerStyle.CALLABLE),
                lesson.workers().stream().map(w -> w.style()).collect(Collectors.toList()));
    }

    @Test
    void producerConsumerUsesABoundedQueue() throws ScenarioException {
        assertEquals(List.of(new Resource.Queue("jobs", 2)), library.open("producer-consumer").resources());
    }

    @Test
    void openingAnUnknownLessonNamesIt() {
        ScenarioException error = assertThrows(ScenarioException.class, () -> library.open("nope"));
        assertEquals("lesson:nope: no such built-in lesson (threadstage lessons lists them)", error.getMessage());
    }
}
