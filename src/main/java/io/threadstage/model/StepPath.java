package io.threadstage.model;

/**
 * The place of one step in its scenario: its list and its index there. This is a step's
 * identity wherever the project needs one (the editor's selection, the validator's walk, the
 * generator's line marks, the runtime's {@link StepIndex}); two equal steps at two places have
 * two paths. {@link #jsonPath()} spells it as the document's JSON path
 * ({@code $.workers[0].steps[1].do[2]}) for messages and the trace. Immutable; any thread.
 */
public record StepPath(BodyPath body, int index) {

    public BodyPath block(String key) {
        return body.into(index, key);
    }

    public StepPath withIndex(int newIndex) {
        return new StepPath(body, newIndex);
    }

    /** The JSON path of the step, as problems and the trace's {@code step} events name it. */
    public String jsonPath() {
        return body.jsonPath() + "[" + index + "]";
    }

    @Override
    public String toString() {
        return jsonPath();
    }
}
