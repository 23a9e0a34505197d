package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Python of every built-in lesson and of every generator sample compiles under CPython. */
class LessonPythonCompilesTest {

    @Test
    void indexListsTheTwentyTwoLessonsOfTheBrief() {
        assertEquals(List.of("target-function", "lambda", "subclass", "callable-object", "four-styles", "naming",
                "daemon-threads", "daemon-after-start", "start-twice", "run-vs-start", "join-timeout",
                "cooperative-cancel", "introspection", "shared-counter", "producer-consumer", "pool-futures",
                "executor-map", "thread-local", "excepthook", "future-exception", "gil", "deadlock"), LessonFiles.ids());
    }

    @TestFactory
    Stream<DynamicTest> everyLessonsPythonCompiles() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: generated Python not compiled");
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : LessonFiles.ids()) {
            String source = new PythonGenerator().generate(LessonFiles.load(id)).text();
            tests.add(compiles(python.get(), id, source));
        }
        for (String sample : GeneratorSamples.ALL.keySet()) {
            String source = new PythonGenerator().generate(GeneratorSamples.ALL.get(sample)).text();
            tests.add(compiles(python.get(), "sample " + sample, source));
        }
        return tests.stream();
    }

    private static DynamicTest compiles(Path python, String name, String source) {
        return DynamicTest.dynamicTest(name, () -> {
            CPython.Outcome outcome = CPython.compile(python, source);
            assertEquals(0, outcome.exitCode(), name + " does not compile:\n" + String.join("\n", outcome.stderr())
                    + "\n" + source);
        });
    }
}
