package io.threadstage.io;

import io.threadstage.model.Scenario;
import java.nio.file.Path;

/** PLACEHOLDER: reads and validates {@code threadstage/1} documents. */
public final class ScenarioLoader {

    /** Loads a file, or a built-in lesson named {@code lesson:ID}. */
    public Scenario load(String fileOrLesson) throws ScenarioException {
        throw new ScenarioException(fileOrLesson, null, "not yet implemented");
    }

    public Scenario load(Path file) throws ScenarioException {
        throw new ScenarioException(file.toString(), null, "not yet implemented");
    }

    /** Parses a document's bytes; {@code source} names it in messages. */
    public Scenario parse(String source, byte[] document) throws ScenarioException {
        throw new ScenarioException(source, null, "not yet implemented");
    }
}
