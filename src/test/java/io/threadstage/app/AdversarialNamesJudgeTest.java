package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.AdversarialScenarios;
import io.threadstage.io.CPython;
import io.threadstage.io.PythonGenerator;
import io.threadstage.model.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CPython judges scenarios named to collide: a function called {@code print}, a resource called
 * {@code time}, a parameter named like the resource its body uses, an exception named like a
 * queue, nested loops and handlers binding {@code item} and {@code error}... On each, the
 * generated program prints what the core prints, reports the same exceptions and exits alike.
 * The scenarios are random but fixed by their seeds, and deterministic by construction.
 */
class AdversarialNamesJudgeTest {

    /** How many seeds are judged; {@code -Dthreadstage.adversarial.judged=N} for a deeper search. */
    private static final int SCENARIOS = Integer.getInteger("threadstage.adversarial.judged", 40);
    private static final int FIRST_SEED = Integer.getInteger("threadstage.adversarial.first", 1);
    private static final int AT_ONCE = 8;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> collidingNamesPrintWhatCPythonPrints() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: the CPython judge cannot run");
        List<DynamicTest> tests = new ArrayList<>();
        int last = FIRST_SEED + SCENARIOS - 1;
        for (int first = FIRST_SEED; first <= last; first += AT_ONCE) {
            // a few programs run while the core runs their scenarios, without crowding two cores
            List<Scenario> scenarios = new ArrayList<>();
            List<CPython.Running> programs = new ArrayList<>();
            for (int seed = first; seed < first + AT_ONCE && seed <= last; seed++) {
                Scenario scenario = AdversarialScenarios.generate(seed);
                scenarios.add(scenario);
                programs.add(CPython.startProgram(python.get(), new PythonGenerator().generate(scenario).text()));
            }
            for (int i = 0; i < scenarios.size(); i++) {
                String id = "seed " + (first + i);
                CoreRun core = CoreRun.of(scenarios.get(i), LIMIT);
                CPython.Outcome cpython = programs.get(i).await(LIMIT);
                String program = new PythonGenerator().generate(scenarios.get(i)).text();
                tests.add(DynamicTest.dynamicTest(id, () -> assertAll(id + "\n" + program,
                        () -> assertEquals(cpython.stdout(), core.stdout(), id + ": stdout differs from CPython's"),
                        () -> assertEquals(cpython.stderrWithoutFrames(), CPython.withoutFrames(core.stderr()),
                                id + ": exceptions on stderr differ from CPython's"),
                        () -> assertEquals(cpython.exitCode(), core.exitCode(), id + ": exit code differs"))));
            }
        }
        return tests.stream();
    }
}
