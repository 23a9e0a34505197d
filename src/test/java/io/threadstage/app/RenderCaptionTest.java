package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import org.junit.jupiter.api.Test;

/** A picture drawn from a lesson's trace carries that lesson's caption; a trace of anything else carries none. */
class RenderCaptionTest {

    @Test
    void aLessonsTraceIsCaptionedByItsTitle() throws Exception {
        Scenario lesson = new ScenarioLoader().load("lesson:deadlock");
        assertEquals(lesson.lesson().strip(), RenderCommand.lessonCaption(lesson.title()));
    }

    @Test
    void anUnknownTitleHasNoCaption() {
        assertNull(RenderCommand.lessonCaption("My own experiment"));
        assertNull(RenderCommand.lessonCaption(null));
    }
}
