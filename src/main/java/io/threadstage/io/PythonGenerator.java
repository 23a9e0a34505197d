package io.threadstage.io;

import io.threadstage.model.Scenario;
import java.util.Map;

/** PLACEHOLDER: writes a scenario as an idiomatic, runnable Python 3 program. Stateless. */
public final class PythonGenerator {

    public PythonSource generate(Scenario scenario) {
        return new PythonSource("# not yet implemented\n", Map.of());
    }
}
