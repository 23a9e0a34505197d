package io.threadstage.ui.editor;

/**
 * One tile of the palette: something the teacher drags (or activates) to add a worker, a
 * resource or a step. {@code id} is a {@link io.threadstage.model.WorkerStyle} json name,
 * a resource kind, or a step tile id of {@link StepFactory}. Immutable; any thread.
 *
 * @param kind   what the tile adds
 * @param id     which worker style, resource kind or step
 * @param label  the text on the tile
 * @param python the Python it stands for, shown as a tooltip
 */
public record Tile(Kind kind, String id, String label, String python) {

    public enum Kind { WORKER, RESOURCE, STEP }

    /** The text a drag carries, so a drop can tell a palette tile from anything else. */
    public String dragText() {
        return "threadstage-tile:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    public static java.util.Optional<Tile> fromDragText(String text) {
        if (text == null || !text.startsWith("threadstage-tile:")) {
            return java.util.Optional.empty();
        }
        return Palette.all().stream().filter(tile -> tile.dragText().equals(text)).findFirst();
    }
}
