package io.threadstage.ui.editor;

import java.util.Optional;

/**
 * The place of one step: its list and its index there. Printed as the JSON path used across
 * the project ({@code $.workers[0].steps[1].do[2]}). Immutable; any thread.
 */
public record StepPath(BodyPath body, int index) {

    public BodyPath block(String key) {
        return body.into(index, key);
    }

    public StepPath withIndex(int newIndex) {
        return new StepPath(body, newIndex);
    }

    @Override
    public String toString() {
        return body + "[" + index + "]";
    }

    public static Optional<StepPath> parse(String path) {
        return PathParser.parse(path)
                .filter(parsed -> parsed.index() >= 0)
                .map(parsed -> parsed.body().at(parsed.index()));
    }
}
