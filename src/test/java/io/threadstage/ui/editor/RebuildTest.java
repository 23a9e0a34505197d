package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.ScenarioException;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RebuildTest {

    @Test
    void theSpecExampleCanBeBuiltFromTilesAndFields() {
        Scenario target = WindowSnapshotTest.producerConsumer();
        EditorViewModel editor = new EditorViewModel();
        new Rebuild(editor, Rebuild.direct(editor), target).run();
        assertEquals(Rebuild.withoutExtensions(target), editor.getScenario());
    }

    static Stream<String> lessons() throws IOException {
        try (InputStream index = RebuildTest.class.getResourceAsStream("/assets/lessons/index.txt")) {
            List<String> ids = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return ids.stream();
        }
    }

    /** A teacher can build every lesson of the library from an empty scenario, without JSON. */
    @ParameterizedTest
    @MethodSource("lessons")
    void everyLessonCanBeBuiltFromTilesAndFields(String id) throws ScenarioException {
        Scenario target = new LibraryScenarioFiles().load("lesson:" + id);
        EditorViewModel editor = new EditorViewModel();
        new Rebuild(editor, Rebuild.direct(editor), target).run();
        assertEquals(Rebuild.withoutExtensions(target), editor.getScenario());
        assertEquals(List.of(), editor.problemsProperty().get());
    }
}
