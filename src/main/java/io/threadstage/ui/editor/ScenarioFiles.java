package io.threadstage.ui.editor;

import io.threadstage.io.ScenarioException;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the editor reads and writes scenario documents: the io package's loader and writer in
 * the app ({@link LibraryScenarioFiles}), something in memory in tests. Implementations are
 * called on the FX thread, except {@link #save} which may also run on the autosave thread.
 */
public interface ScenarioFiles {

    /** A file, or a built-in lesson named {@code lesson:ID}. */
    Scenario load(String fileOrLesson) throws ScenarioException;

    Scenario load(Path file) throws ScenarioException;

    /** A document's bytes; {@code source} names it in messages. */
    Scenario parse(String source, byte[] document) throws ScenarioException;

    /** The document text, exactly as {@link #save} writes it. */
    String toJson(Scenario scenario);

    /** Writes atomically: a reader sees the old file or the new one, never half of one. */
    void save(Scenario scenario, Path file) throws IOException;
}
