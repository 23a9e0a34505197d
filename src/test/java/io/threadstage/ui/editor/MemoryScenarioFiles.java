package io.threadstage.ui.editor;

import io.threadstage.io.ScenarioException;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Scenario files kept in a map, so file actions can be tested without the disk. */
final class MemoryScenarioFiles implements ScenarioFiles {

    final Map<String, Scenario> stored = new HashMap<>();
    final Map<String, String> failures = new HashMap<>();

    @Override
    public Scenario load(String fileOrLesson) throws ScenarioException {
        if (failures.containsKey(fileOrLesson)) {
            throw new ScenarioException(fileOrLesson, "$.main[0]", failures.get(fileOrLesson));
        }
        Scenario scenario = stored.get(fileOrLesson);
        if (scenario == null) {
            throw new ScenarioException(fileOrLesson, null, "no such file");
        }
        return scenario;
    }

    @Override
    public Scenario load(Path file) throws ScenarioException {
        return load(file.toString());
    }

    @Override
    public Scenario parse(String source, byte[] document) throws ScenarioException {
        String key = new String(document, java.nio.charset.StandardCharsets.UTF_8);
        Scenario scenario = stored.get(key);
        if (scenario == null) {
            throw new ScenarioException(source, null, "unreadable");
        }
        return scenario;
    }

    /** The "document" of a scenario is a key under which it is stored. */
    @Override
    public String toJson(Scenario scenario) {
        String key = "doc:" + scenario.title() + ":" + scenario.hashCode();
        stored.put(key, scenario);
        return key;
    }

    @Override
    public void save(Scenario scenario, Path file) throws IOException {
        if (failures.containsKey("save:" + file)) {
            throw new IOException(failures.get("save:" + file));
        }
        stored.put(file.toString(), scenario);
    }
}
