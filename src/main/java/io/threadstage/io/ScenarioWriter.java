package io.threadstage.io;

import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/** PLACEHOLDER (editor branch, until the foundation's writer lands): writes threadstage/1 documents. */
public final class ScenarioWriter {

    public String toJson(Scenario scenario) {
        throw new UnsupportedOperationException("the scenario writer is not yet implemented");
    }

    /** Writes atomically: a temporary file, then a move. */
    public void save(Scenario scenario, Path file) throws IOException {
        throw new IOException("the scenario writer is not yet implemented");
    }
}
