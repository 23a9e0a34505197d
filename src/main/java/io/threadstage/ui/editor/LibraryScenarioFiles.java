package io.threadstage.ui.editor;

import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.io.ScenarioWriter;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/** Scenario files through the io package's loader and writer, as the command line reads them. Stateless. */
public final class LibraryScenarioFiles implements ScenarioFiles {

    private final ScenarioLoader loader = new ScenarioLoader();
    private final ScenarioWriter writer = new ScenarioWriter();

    @Override
    public Scenario load(String fileOrLesson) throws ScenarioException {
        return loader.load(fileOrLesson);
    }

    @Override
    public Scenario load(Path file) throws ScenarioException {
        return loader.load(file);
    }

    @Override
    public Scenario parse(String source, byte[] document) throws ScenarioException {
        return loader.parse(source, document);
    }

    @Override
    public String toJson(Scenario scenario) {
        return writer.toJson(scenario);
    }

    @Override
    public void save(Scenario scenario, Path file) throws IOException {
        writer.save(scenario, file);
    }
}
