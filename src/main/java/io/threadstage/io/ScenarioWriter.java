package io.threadstage.io;

import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes scenarios as stable JSON (fixed key order, two-space indent, defaults left out,
 * trailing newline) and saves them atomically: a reader, or a crash, sees the old file or the
 * new one, never half of one. Stateless; any thread.
 */
public final class ScenarioWriter {

    public String toJson(Scenario scenario) {
        return new JsonLayout().format(new ScenarioTree().document(scenario));
    }

    /**
     * Saves through {@link AtomicFile}: a part file beside the target, forced to disk, then moved
     * over it; an existing file keeps its permissions.
     */
    public void save(Scenario scenario, Path file) throws IOException {
        byte[] bytes = toJson(scenario).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
