package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void indexListsTheTwentyTwoLessonsOfTheBriefAndTheFreeThreadedGilLesson() {
        assertEquals(List.of("target-function", "lambda", "subclass", "callable-object", "four-styles", "naming",
                "daemon-threads", "daemon-after-start", "start-twice", "run-vs-start", "join-timeout",
                "cooperative-cancel", "introspection", "shared-counter", "producer-consumer", "pool-futures",
                "executor-map", "thread-local", "excepthook", "future-exception", "gil", "gil-free-threaded", "deadlock"), LessonFiles.ids());
    }

    @TestFactory
    Stream<DynamicTest> everyLessonsPythonCompiles() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: generated Python not compiled");
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String id : LessonFiles.ids()) {
            names.add(id);
            sources.add(new PythonGenerator().generate(LessonFiles.load(id)).text());
        }
        for (String sample : GeneratorSamples.ALL.keySet()) {
            names.add("sample " + sample);
            sources.add(new PythonGenerator().generate(GeneratorSamples.ALL.get(sample)).text());
        }
        // one python3 for all: starting one per program costs seconds on a busy machine
        List<String> problems = CPython.compileAll(python.get(), sources);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String problem = problems.get(i);
            String source = sources.get(i);
            tests.add(DynamicTest.dynamicTest(name,
                    () -> assertNull(problem, name + " does not compile: " + problem + "\n" + source)));
        }
        return tests.stream();
    }
}
