package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.LessonFiles;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every built-in lesson runs headless to the outcome its {@code x-expected-outcome} names. */
class LessonOutcomeTest {

    @TestFactory
    Stream<DynamicTest> everyLessonRunsToItsExpectedOutcome() {
        return LessonFiles.ids().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            String expected = LessonFiles.expectedOutcome(LessonFiles.load(id));
            CoreRun run = CoreRun.of(LessonFiles.load(id), Duration.ofSeconds(30));
            int expectedExit = expected.equals("deadlock") ? 3 : 0;
            assertEquals(expectedExit, run.exitCode(), id + " should end " + expected + " but ended " + run.result()
                    + "; stderr:\n" + String.join("\n", run.stderr()));
        }));
    }
}
