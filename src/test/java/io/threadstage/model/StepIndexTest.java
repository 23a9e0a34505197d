package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StepIndexTest {

    private static Worker worker(String name, List<Step> steps) {
        return new Worker(name, null, WorkerStyle.TARGET, "work", null, List.of(), List.of(), Map.of(), false, steps);
    }

    private static Scenario twins() {
        List<Step> shared = List.of(new Step.Compute(200));
        return new Scenario("t", null, Settings.DEFAULT, List.of(),
                List.of(worker("t1", shared), worker("t2", shared)),
                List.of(new Step.Repeat(2, List.of(new Step.Sleep(1))),
                        new Step.Try(List.of(new Step.Compute(1)), "Exception", List.of(new Step.Print("x")))),
                Map.of());
    }

    @Test
    void equalStepsAtTwoPlacesHaveTwoIdsAndTwoPaths() {
        StepIndex index = StepIndex.of(twins());
        int first = index.worker(0).get(0);
        int second = index.worker(1).get(0);
        assertNotEquals(first, second);
        assertEquals(index.step(first), index.step(second));
        assertEquals("$.workers[0].steps[0]", index.jsonPath(first));
        assertEquals("$.workers[1].steps[0]", index.jsonPath(second));
        assertEquals(BodyPath.worker(1).at(0), index.path(second));
    }

    @Test
    void idsCountInDocumentOrderWithEachStepBeforeItsBlocks() {
        StepIndex index = StepIndex.of(twins());
        List<String> paths = new ArrayList<>();
        for (int id = 0; id < index.size(); id++) {
            paths.add(index.jsonPath(id));
        }
        assertEquals(List.of("$.workers[0].steps[0]", "$.workers[1].steps[0]", "$.main[0]", "$.main[0].do[0]",
                "$.main[1]", "$.main[1].try[0]", "$.main[1].then[0]"), paths);
        List<String> walked = new ArrayList<>();
        StepWalker.walk(twins(), (path, step) -> walked.add(path.jsonPath()));
        assertEquals(paths, walked);
    }

    @Test
    void aStepsBlocksListTheIdsOfTheirSteps() {
        StepIndex index = StepIndex.of(twins());
        int attempt = index.main().get(1);
        assertEquals("$.main[1].try[0]", index.jsonPath(index.block(attempt, 0).get(0)));
        assertEquals("$.main[1].then[0]", index.jsonPath(index.block(attempt, 1).get(0)));
        assertEquals(index.idOf(BodyPath.main().into(1, BodyPath.THEN).at(0)).getAsInt(),
                index.idOf("$.main[1].then[0]").getAsInt());
    }

    @Test
    void onlyAPathTheIndexSpelledIsFound() {
        StepIndex index = StepIndex.of(twins());
        assertTrue(index.find("$.main[1].then[0]").isPresent());
        assertTrue(index.find("$.main[1].then[1]").isEmpty());
        assertTrue(index.find("$.main[1]. then[0]").isEmpty());
        assertTrue(index.find("$.workers[0]").isEmpty());
    }

    @Test
    void theVisitorHasOneMethodForEveryTypeOfStep() {
        // the compiler checks that every visitor has every method; this checks the interface itself
        Set<Class<?>> visited = Arrays.stream(StepVisitor.class.getDeclaredMethods())
                .map(Method::getParameterTypes).map(types -> types[0]).collect(Collectors.toSet());
        assertEquals(Set.of(Step.class.getPermittedSubclasses()), visited);
    }
}
