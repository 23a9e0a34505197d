package io.threadstage.ui.editor;

import io.threadstage.model.BodyPath;
import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.model.StepPath;
import io.threadstage.model.WorkerStyle;
import java.util.List;
import java.util.Map;

/**
 * Builds a scenario from an empty one the way a teacher would: palette tiles for every
 * resource, worker and step, then the property sheet's fields, with the texts the sheet shows
 * for the target. Drives either the view model directly or the window through a robot.
 */
final class Rebuild {

    /** What a teacher can do in the editor. */
    interface Hands {
        void addResource(String kind);

        void addWorker(WorkerStyle style);

        /** Appends the tile's step to the end of {@code body}. */
        void appendStep(String tileId, BodyPath body);

        void select(Selection selection);

        /** Types {@code text} into the field {@code key} of the selection. */
        void setField(EditorField field, String text);
    }

    private final EditorViewModel editor;
    private final Hands hands;
    private final Scenario target;

    Rebuild(EditorViewModel editor, Hands hands, Scenario target) {
        this.editor = editor;
        this.hands = hands;
        this.target = target;
    }

    /** The x- keys are lesson metadata a teacher does not edit; compare without them. */
    static Scenario withoutExtensions(Scenario scenario) {
        return new Scenario(scenario.title(), scenario.lesson(), scenario.settings(), scenario.resources(),
                scenario.workers(), scenario.main(), Map.of());
    }

    void run() {
        copyFields(Selection.NOTHING);
        for (int i = 0; i < target.resources().size(); i++) {
            hands.addResource(target.resources().get(i).kind());
            copyFields(new Selection.OfResource(i));
        }
        for (int i = 0; i < target.workers().size(); i++) {
            hands.addWorker(target.workers().get(i).style());
            copyFields(new Selection.OfWorker(i));
        }
        for (int i = 0; i < target.workers().size(); i++) {
            steps(BodyPath.worker(i), target.workers().get(i).steps());
        }
        steps(BodyPath.main(), target.main());
    }

    private void steps(BodyPath body, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            hands.appendStep(tileId(step), body);
            StepPath path = body.at(i);
            copyFields(new Selection.OfStep(path));
            for (String key : StepTree.blockKeys(step)) {
                steps(path.block(key), StepTree.block(step, key));
            }
        }
    }

    private void copyFields(Selection selection) {
        List<EditorField> wanted = FieldSheet.fields(target, selection, List.of());
        boolean selected = false;
        for (EditorField field : wanted) {
            EditorField now = current(selection, field.key());
            if (now == null || now.kind() == FieldKind.READ_ONLY || now.text().equals(field.text())) {
                continue;
            }
            if (!selected) {
                hands.select(selection);
                selected = true;
            }
            hands.setField(now, field.text());
        }
    }

    private EditorField current(Selection selection, String key) {
        return FieldSheet.fields(editor.getScenario(), selection, List.of()).stream()
                .filter(field -> field.key().equals(key)).findFirst().orElse(null);
    }

    static String tileId(Step step) {
        if (step instanceof Step.GetUntil) {
            return StepFactory.GET_UNTIL;
        }
        return step.verb();
    }

    /** Hands that call the view model, as the views do. */
    static Hands direct(EditorViewModel editor) {
        return new Hands() {
            @Override
            public void addResource(String kind) {
                editor.activate(Palette.tile(Tile.Kind.RESOURCE, kind));
            }

            @Override
            public void addWorker(WorkerStyle style) {
                editor.activate(Palette.tile(Tile.Kind.WORKER, style.json()));
            }

            @Override
            public void appendStep(String tileId, BodyPath body) {
                editor.insertStep(tileId, body, StepTree.body(editor.getScenario(), body).size());
            }

            @Override
            public void select(Selection selection) {
                editor.select(selection);
            }

            @Override
            public void setField(EditorField field, String text) {
                editor.setField(field.key(), text).ifPresent(refused -> {
                    throw new AssertionError(field.key() + " refused " + text + ": " + refused);
                });
            }
        };
    }
}
