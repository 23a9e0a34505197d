package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import java.util.List;

/**
 * One row of the scenario outline, built from the scenario by {@link OutlineModel}.
 * Immutable; any thread.
 *
 * @param kind      what the row stands for
 * @param text      the row's text ({@code put jobs "job"})
 * @param selection what selecting the row selects
 * @param opens     the list a step dropped into this row goes to, or null
 * @param children  rows under this one
 */
public record OutlineNode(Kind kind, String text, Selection selection, BodyPath opens, List<OutlineNode> children) {

    public enum Kind { RESOURCES, RESOURCE, WORKERS, WORKER, MAIN, STEP, BLOCK }

    public OutlineNode {
        children = List.copyOf(children);
    }

    /** The JSON path of the row; section headers have their own names. */
    public String path() {
        return switch (kind) {
            case RESOURCES -> "$.resources";
            case WORKERS -> "$.workers";
            case MAIN -> "$.main";
            default -> selection.path();
        };
    }
}
