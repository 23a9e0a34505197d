package io.threadstage.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LessonDump {
    @Test
    void dump() throws Exception {
        Path out = Path.of("target/lesson-py");
        Files.createDirectories(out);
        for (String id : Files.readAllLines(Path.of("assets/lessons/index.txt"))) {
            PythonSource source = new PythonGenerator().generate(TestScenarioReader.read(Path.of("assets/lessons/" + id + ".json")));
            Files.writeString(out.resolve(id.replace('-', '_') + ".py"), source.text());
        }
    }
}
