package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threadstage.io.LessonLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void listsEveryLessonAsIdTabTitleAndExitsZero() {
        assertEquals(0, run("lessons"));
        StringBuilder expected = new StringBuilder();
        for (LessonLibrary.Entry lesson : new LessonLibrary().list()) {
            expected.append(lesson.id()).append('\t').append(lesson.title()).append('\n');
        }
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theStarterLessonsAreListedWithTheTitlesInTheirFiles() throws IOException {
        run("lessons");
        String listing = out.toString(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        for (String id : List.of("four-styles", "producer-consumer", "pool-futures")) {
            String title = json.readTree(Path.of("assets/lessons", id + ".json").toFile()).get("title").textValue();
            assertTrue(listing.contains(id + "\t" + title + "\n"), listing);
        }
    }

    @Test
    void anArgumentIsAUsageError() {
        assertEquals(2, run("lessons", "extra"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("usage: threadstage lessons\n", err.toString(StandardCharsets.UTF_8));
    }
}
