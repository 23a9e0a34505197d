package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.CPython;
import io.threadstage.io.LessonFiles;
import io.threadstage.io.PythonGenerator;
import io.threadstage.model.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CPython is the judge: for every built-in lesson marked {@code x-deterministic},
 * {@code threadstage run} prints the same stdout lines in the same order as {@code python3} on
 * the generated program, the same exception headers and {@code Type: message} lines on stderr,
 * and exits the same way. Besides the lessons, the scenarios in {@code src/test/resources/judge}
 * pin down CPython's exact texts: default names, RuntimeError messages, queue exceptions, how
 * values print, pool thread names, exceptions of tasks and threads.
 */
class CPythonJudgeTest {

    private static final Duration PYTHON_LIMIT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> deterministicLessonsPrintWhatCPythonPrints() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: the CPython judge cannot run");
        // the programs mostly wait, so they all run at once while the core runs the lessons one by one
        Map<Path, CPython.Running> judged = new LinkedHashMap<>();
        for (String id : LessonFiles.ids()) {
            Scenario lesson = LessonFiles.load(id);
            if (LessonFiles.isDeterministic(lesson)) {
                judged.put(LessonFiles.path(id), CPython.startProgram(python.get(), new PythonGenerator().generate(lesson).text()));
            }
        }
        for (Path fidelity : LessonFiles.judgeScenarios()) {
            judged.put(fidelity, CPython.startProgram(python.get(),
                    new PythonGenerator().generate(LessonFiles.load(fidelity)).text()));
        }
        List<DynamicTest> tests = new ArrayList<>();
        judged.forEach((file, running) -> tests.add(DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> judge(file, running))));
        return tests.stream();
    }

    private static void judge(Path file, CPython.Running running) {
        String id = file.toString();
        CoreRun core = CoreRun.of(LessonFiles.load(file), Duration.ofSeconds(60));
        CPython.Outcome cpython = running.await(PYTHON_LIMIT);
        assertAll(id,
                () -> assertEquals(cpython.stdout(), core.stdout(), id + ": stdout differs from CPython's"),
                () -> assertEquals(cpython.stderrWithoutFrames(), CPython.withoutFrames(core.stderr()),
                        id + ": exceptions on stderr differ from CPython's"),
                () -> assertEquals(cpython.exitCode(), core.exitCode(), id + ": exit code differs from python3's; the core "
                        + "ended " + core.result()));
    }

    /** One command run in-process, its output captured. */
    record Captured(int exitCode, List<String> stdout, List<String> stderr) {

        static Captured run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = new CommandLine(outStream, errStream).run(args);
            }
            return new Captured(code, lines(out), lines(err));
        }

        private static List<String> lines(ByteArrayOutputStream bytes) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : text.lines().toList();
        }
    }
}
