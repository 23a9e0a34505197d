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
 * {@code index.txt} (one id a line; blank lines and {@code #} comments are skipped).
 * Stateless; any thread.
 */
public final class LessonLibrary {

    /** The lesson the window opens on when no file is given. */
    public static final String DEFAULT_LESSON = "producer-consumer";

    private static final String INDEX = ScenarioLoader.LESSON_FOLDER + "index.txt";

    private final ScenarioLoader loader = new ScenarioLoader();

    /** One built-in lesson: its id (as in {@code lesson:ID}) and its title. */
    public record Entry(String id, String title) {

        /** How the command line and the loader name it: {@code lesson:ID}. */
        public String source() {
            return ScenarioLoader.LESSON_PREFIX + id;
        }
    }

    /** The lessons in index order. A lesson whose title cannot be read is listed with its id as title. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (String id : ids()) {
            entries.add(new Entry(id, titleOf(id)));
        }
        return entries;
    }

    /** The lesson ids in index order; empty when the jar holds no index. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        try (InputStream in = LessonLibrary.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return ids;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("the lesson index inside the program cannot be read", e);
        }
    }

    /** Loads and validates one lesson. */
    public Scenario open(String id) throws ScenarioException {
        return loader.load(ScenarioLoader.LESSON_PREFIX + id);
    }

    /**
     * Reads only the title, so listing stays fast and a broken lesson does not hide the others.
     * Through the loader's own tree reader, not an {@code ObjectMapper}: that builds Jackson's
     * data-binding machinery (about 300 classes) to read one field.
     */
    private static String titleOf(String id) {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(ScenarioLoader.LESSON_FOLDER + id + ".json")) {
            if (in == null) {
                return id;
            }
            String text = new String(in.readNBytes(ScenarioLoader.MAX_BYTES), StandardCharsets.UTF_8);
            JsonNode title = JsonTreeReader.forDocument().read(text).get("title");
            return title != null && title.isTextual() ? title.textValue() : id;
        } catch (IOException | RuntimeException | Refusal e) {
            return id;
        }
    }
}
