package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadstage.model.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scenarios named to collide (builtins, helpers, keywords, generated names) still become
 * programs CPython compiles, symbol tables included: a name both parameter and global, or a
 * duplicate argument, fails {@code compile()} where a mere {@code ast.parse} passes.
 */
class AdversarialPythonCompilesTest {

    /** How many seeds are compiled; {@code -Dthreadstage.adversarial.compiled=N} for a deeper search. */
    private static final int SCENARIOS = Integer.getInteger("threadstage.adversarial.compiled", 400);

    @Test
    void adversarialScenariosLoadAndTheirProgramsCompile() throws ScenarioException {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: generated Python not compiled");
        List<String> sources = new ArrayList<>();
        for (int seed = 1; seed <= SCENARIOS; seed++) {
            Scenario scenario = AdversarialScenarios.generate(seed);
            // what the loader accepts, the generator must handle: the scenario survives a save and a load
            String json = new ScenarioWriter().toJson(scenario);
            Scenario loaded = new ScenarioLoader().parse("seed " + seed, json.getBytes(StandardCharsets.UTF_8));
            assertEquals(scenario, loaded, "seed " + seed);
            sources.add(new PythonGenerator().generate(loaded).text());
        }
        List<String> problems = CPython.compileAll(python.get(), sources);
        for (int i = 0; i < sources.size(); i++) {
            assertNull(problems.get(i), "seed " + (i + 1) + " does not compile: " + problems.get(i) + "\n" + sources.get(i));
        }
    }
}
