package io.threadstage.ui.editor;

import java.util.List;

/**
 * The property sheet's rows together with the selection they edit. Two steps may be equal
 * records with equal rows (a {@code compute 200} in two workers); the owner's place keeps the
 * two sheets apart, so a new selection always reaches the view and an edit lands on the step
 * shown, never on an equal one. Immutable; any thread.
 *
 * @param owner what the rows edit (the selection when they were made)
 * @param rows  one per field, in the sheet's order
 */
public record SheetRows(Selection owner, List<EditorField> rows) {

    public static final SheetRows NONE = new SheetRows(Selection.NOTHING, List.of());

    public SheetRows {
        rows = List.copyOf(rows);
    }
}
