package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadstage.model.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in lessons packed in the jar under {@code /assets/lessons/}, in the order of
 * {@code index.txt}: one id a line, a line {@code ## Title} starts a section of the chapter,
 * other {@code #} lines and blank lines are skipped. Stateless; any thread.
 */
public final class LessonLibrary {

    /** The lesson the window opens on when no file is given. */
    public static final String DEFAULT_LESSON = "producer-consumer";

    private static final String INDEX = ScenarioLoader.LESSON_FOLDER + "index.txt";
    private static final String SECTION_MARK = "## ";

    private final ScenarioLoader loader = new ScenarioLoader();

    /** The section of the lessons listed before the index names one. */
    public static final String FIRST_SECTION = "Lessons";

    /**
     * One built-in lesson: its id (as in {@code lesson:ID}), its title, the chapter's section it
     * belongs to and its caption (the scenario's {@code lesson} text, empty when it has none).
     */
    public record Entry(String id, String title, String section, String caption) {

        /** How the command line and the loader name it: {@code lesson:ID}. */
        public String source() {
            return ScenarioLoader.LESSON_PREFIX + id;
        }
    }

    /**
     * The lessons in index order, each with its section. A lesson whose file cannot be read is
     * listed with its id as title and no caption, so one broken lesson does not hide the others.
     */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        String section = FIRST_SECTION;
        for (String line : indexLines()) {
            if (line.startsWith(SECTION_MARK)) {
                section = line.substring(SECTION_MARK.length()).strip();
            } else if (!line.startsWith("#")) {
                entries.add(entryOf(line, section));
            }
        }
        return entries;
    }

    /** The lesson ids in index order; empty when the jar holds no index. */
    public List<String> ids() {
        return indexLines().stream().filter(line -> !line.startsWith("#")).toList();
    }

    /** The index's non-blank lines, stripped. */
    private static List<String> indexLines() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = LessonLibrary.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return lines;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("the lesson index inside the program cannot be read", e);
        }
    }

    /** Loads and validates one lesson. */
    public Scenario open(String id) throws ScenarioException {
        return loader.load(ScenarioLoader.LESSON_PREFIX + id);
    }

    /**
     * Reads only the title and the caption, so listing stays fast and a broken lesson does not
     * hide the others. Through the loader's own tree reader, not an {@code ObjectMapper}: that
     * builds Jackson's data-binding machinery (about 300 classes) to read two fields.
     */
    private static Entry entryOf(String id, String section) {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(ScenarioLoader.LESSON_FOLDER + id + ".json")) {
            if (in == null) {
                return new Entry(id, id, section, "");
            }
            String text = new String(in.readNBytes(ScenarioLoader.MAX_BYTES), StandardCharsets.UTF_8);
            JsonNode document = JsonTreeReader.forDocument().read(text);
            JsonNode title = document.get("title");
            JsonNode caption = document.get("lesson");
            return new Entry(id, title != null && title.isTextual() ? title.textValue() : id, section,
                    caption != null && caption.isTextual() ? caption.textValue() : "");
        } catch (IOException | RuntimeException | Refusal e) {
            return new Entry(id, id, section, "");
        }
    }
}
