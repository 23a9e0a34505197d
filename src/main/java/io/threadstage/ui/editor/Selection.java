package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.StepPath;
/**
 * What the teacher has selected in the outline, named by its JSON path so the code view, the
 * validator's problems and the trace all agree on it. Immutable; any thread.
 */
public sealed interface Selection {

    /** The JSON path of the selected node ({@code $} for the scenario itself). */
    String path();

    Selection NOTHING = new Scenario();

    /** Nothing in particular: the scenario's own fields (title, caption, settings). */
    record Scenario() implements Selection {
        public String path() { return "$"; }
    }

    record OfWorker(int index) implements Selection {
        public String path() { return "$.workers[" + index + "]"; }
    }

    record OfResource(int index) implements Selection {
        public String path() { return "$.resources[" + index + "]"; }
    }

    record OfStep(StepPath step) implements Selection {
        public String path() { return step.jsonPath(); }
    }

    /** A list of steps itself: {@code main}, or one block of a {@code try}. */
    record OfBody(BodyPath body) implements Selection {
        public String path() { return body.jsonPath(); }
    }
}
