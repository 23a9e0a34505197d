package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.StepIndex;
import io.threadstage.model.StepPath;
import io.threadstage.model.WorkerStyle;
import java.util.Optional;

/**
 * What a drop on an outline row does, decided without any Node so tests can check it: a
 * palette tile adds, a dragged step, worker or resource moves. Stateless.
 */
public final class Drops {

    /** Where on a row the pointer is: above its middle, on it, or below. */
    public enum Zone { BEFORE, INTO, AFTER }

    /** The prefix of the text a dragged outline row carries, followed by its selection's path. */
    public static final String MOVE = "threadstage-move:";

    /** A drop the editor can perform. */
    public sealed interface Plan {
        record AddWorker(WorkerStyle style) implements Plan {
        }

        record AddResource(String kind) implements Plan {
        }

        record InsertStep(String tileId, BodyPath body, int index) implements Plan {
        }

        record MoveStep(StepPath from, BodyPath body, int index) implements Plan {
        }

        record MoveWorker(int from, int to) implements Plan {
        }

        record MoveResource(int from, int to) implements Plan {
        }
    }

    private Drops() {
    }

    public static String moveText(Selection selection) {
        return MOVE + selection.path();
    }

    /** The zone of a pointer {@code y} pixels into a row {@code height} tall. */
    public static Zone zone(OutlineNode row, double y, double height) {
        if (row.kind() == OutlineNode.Kind.STEP) {
            if (row.opens() == null) {
                return y < height / 2 ? Zone.BEFORE : Zone.AFTER;
            }
            return y < height / 4 ? Zone.BEFORE : y > height * 3 / 4 && row.children().isEmpty() ? Zone.AFTER : Zone.INTO;
        }
        if (row.kind() == OutlineNode.Kind.WORKER || row.kind() == OutlineNode.Kind.RESOURCE) {
            return y < height / 4 ? Zone.BEFORE : y > height * 3 / 4 ? Zone.AFTER : Zone.INTO;
        }
        return Zone.INTO;
    }

    public static Optional<Plan> plan(Scenario scenario, String payload, OutlineNode row, Zone zone) {
        Optional<Tile> tile = Tile.fromDragText(payload);
        if (tile.isPresent()) {
            return switch (tile.get().kind()) {
                case WORKER -> Optional.of(new Plan.AddWorker(WorkerStyle.fromJson(tile.get().id())));
                case RESOURCE -> Optional.of(new Plan.AddResource(tile.get().id()));
                default -> place(scenario, row, zone)
                        .map(at -> new Plan.InsertStep(tile.get().id(), at.body(), at.index()));
            };
        }
        if (payload == null || !payload.startsWith(MOVE)) {
            return Optional.empty();
        }
        String path = payload.substring(MOVE.length());
        Optional<StepPath> step = StepIndex.of(scenario).find(path);
        if (step.isPresent()) {
            return place(scenario, row, zone)
                    .filter(at -> !at.body().isInside(step.get()))
                    .map(at -> new Plan.MoveStep(step.get(), at.body(), at.index()));
        }
        if (path.startsWith("$.workers[") && row.selection() instanceof Selection.OfWorker target) {
            int from = index(path);
            return Optional.of(new Plan.MoveWorker(from, zone == Zone.AFTER ? target.index() + 1 : target.index()));
        }
        if (path.startsWith("$.resources[") && row.selection() instanceof Selection.OfResource target) {
            int from = index(path);
            return Optional.of(new Plan.MoveResource(from, zone == Zone.AFTER ? target.index() + 1 : target.index()));
        }
        return Optional.empty();
    }

    /** The list and index a step lands at for a drop on {@code row}. */
    static Optional<EditorViewModel.InsertPoint> place(Scenario scenario, OutlineNode row, Zone zone) {
        if (row.selection() instanceof Selection.OfStep s && zone != Zone.INTO) {
            StepPath at = s.step();
            return Optional.of(new EditorViewModel.InsertPoint(at.body(), zone == Zone.BEFORE ? at.index() : at.index() + 1));
        }
        if (row.opens() == null) {
            return Optional.empty();
        }
        return Optional.of(new EditorViewModel.InsertPoint(row.opens(), StepTree.body(scenario, row.opens()).size()));
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
    }
}
