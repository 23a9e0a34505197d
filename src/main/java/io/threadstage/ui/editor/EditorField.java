package io.threadstage.ui.editor;

import java.util.List;

/**
 * One row of the property sheet, as text, so the view needs no knowledge of the model.
 * Immutable; any thread.
 *
 * @param key     what {@link EditorViewModel#setField} takes ({@code timeoutMs}, {@code task.args})
 * @param label   the document's own key ({@code timeout}, {@code until_item})
 * @param kind    how it is edited
 * @param text    the current value as text
 * @param choices for {@link FieldKind#CHOICE} and {@link FieldKind#REFERENCE}
 * @param problem the validator's message about this field, or null
 */
public record EditorField(String key, String label, FieldKind kind, String text, List<String> choices, String problem) {

    public EditorField {
        choices = List.copyOf(choices);
    }
}
