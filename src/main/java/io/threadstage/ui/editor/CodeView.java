package io.threadstage.ui.editor;

import io.threadstage.io.PythonSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Python source of the scenario, from the same generator as {@code threadstage python},
 * one virtualised row per line (only the visible lines are laid out), coloured by
 * {@link PythonTokens}, with the selected step's line marked. While a real Python program runs it
 * shows that program's own text instead ({@link #showProgram}), read-only like the generated code,
 * with the editor's selection left out. Owned by the FX thread.
 */
public final class CodeView extends ListView<CodeView.Line> {

    public static final String STYLE = "code-view";
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    /** One line of source: its number and its tokens. */
    public record Line(int number, List<PythonTokens.Token> tokens) {
        public String text() {
            StringBuilder text = new StringBuilder();
            tokens.forEach(token -> text.append(token.text()));
            return text.toString();
        }
    }

    /** A running thread standing on a line: its tid picks its colour, its name is the mark's text. */
    public record ThreadMark(int tid, String thread) {
    }

    /** How many distinct gutter colours the stylesheet defines ({@code .thread-mark-0} ...). */
    public static final int MARK_COLOURS = 6;

    /** Below this a wrapped line would be a column of single characters: the view scrolls instead. */
    private static final double MIN_TEXT_WIDTH = 120;
    /** The cell's right padding, the vertical scroll bar and a margin for rounding. */
    private static final double RIGHT_ALLOWANCE = 8 + 18 + 14;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    /** At most this many names stand on one line; the rest are counted ("+997"). */
    static final int MAX_TAGS_PER_LINE = 4;
    private final TagPalette palette = new TagPalette();

    /**
     * The marks, observed by each visible cell: a run changes them every frame, and a refresh
     * of the whole list rebuilt every cell with its styles (with 1,000 threads, a pulse of 400 ms).
     */
    private final javafx.beans.property.ObjectProperty<Map<Integer, List<ThreadMark>>> threadMarks =
            new javafx.beans.property.SimpleObjectProperty<>(this, "threadMarks", Map.of());
    private int current = -1;
    private final EditorViewModel editor;
    /** The program's text shown in place of the scenario's Python, or null. */
    private String program;

    public CodeView(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add(STYLE);
        setItems(lines);
        setFocusTraversable(false);
        setCellFactory(list -> new LineCell());
        editor.pythonProperty().addListener((obs, was, now) -> {
            if (program == null) {
                show(now);
            }
        });
        editor.selectedLineProperty().addListener((obs, was, now) -> {
            if (program == null) {
                mark(now.intValue());
            }
        });
        show(editor.pythonProperty().get());
        mark(editor.selectedLineProperty().get());
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        javafx.scene.control.skin.ListViewSkin<Line> skin = new javafx.scene.control.skin.ListViewSkin<>(this);
        // in the view's scene graph, so the stylesheet that styles the lines styles the tags too
        skin.getChildren().add(palette.swatches());
        return skin;
    }

    /** The thread names drawn on each shown line that has threads (line number to tag texts), for tests. */
    Map<Integer, List<String>> shownTags() {
        Map<Integer, List<String>> shown = new java.util.TreeMap<>();
        for (javafx.scene.Node node : lookupAll(".code-line")) {
            if (node instanceof LineCell cell && cell.shown != null && !cell.tags.isEmpty() && cell.getGraphic() != null) {
                shown.put(cell.shown.number(), cell.tags.texts());
            }
        }
        return shown;
    }

    /** Shows a real program's text (a {@code .py} the window runs) instead of the scenario's Python. */
    public void showProgram(String text) {
        program = text;
        showText(text);
        mark(-1);
        scrollTo(0);
    }

    /** Shows the scenario's generated Python again, with its selected step. */
    public void showScenario() {
        if (program != null) {
            program = null;
            show(editor.pythonProperty().get());
            mark(editor.selectedLineProperty().get());
        }
    }

    /** Whether a program's text is shown rather than the scenario's Python. */
    public boolean showsProgram() {
        return program != null;
    }

    /** The line marked as the selected step's, 1-based, or -1. */
    public int currentLine() {
        return current;
    }

    /** Marks the lines the threads of a run are on (line number to threads); empty clears them. */
    public void setThreadMarks(Map<Integer, List<ThreadMark>> marks) {
        if (!marks.equals(threadMarks.get())) {
            threadMarks.set(Map.copyOf(marks));
        }
    }

    public Map<Integer, List<ThreadMark>> threadMarks() {
        return threadMarks.get();
    }

    private void show(PythonSource source) {
        showText(source == null ? "" : source.text());
    }

    private void showText(String text) {
        List<List<PythonTokens.Token>> tokens = PythonTokens.lines(text);
        List<Line> rows = new java.util.ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            rows.add(new Line(i + 1, tokens.get(i)));
        }
        lines.setAll(rows);
    }

    private void mark(int line) {
        current = line;
        refresh();
        if (line > 0 && lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(line - 1);
        }
    }

    private final class LineCell extends ListCell<Line> {

        private final Label number = new Label();
        private final TextFlow code = new TextFlow();
        private final ThreadGutter gutter = new ThreadGutter(palette);
        private final TagStrip tags = new TagStrip(palette);
        private final HBox row = new HBox(gutter, number, code, tags) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                placeTagsBeside();
            }
        };
        /** The code with its tags under it, when they do not fit beside it. */
        private final javafx.scene.layout.VBox stacked = new javafx.scene.layout.VBox();
        private boolean tagsBeside = true;
        /** The line whose tokens the cell shows: its text nodes are made once per line, not per frame. */
        private Line shown;
        /** The marks the cell shows, so a frame that moved other lines' threads leaves this one alone. */
        private List<ThreadMark> shownMarks = List.of();
        private final javafx.beans.value.ChangeListener<Map<Integer, List<ThreadMark>>> marksChanged =
                (obs, was, now) -> showMarks();
        private final javafx.beans.InvalidationListener restyled = obs -> {
            gutter.redraw();
            placeTags();
        };
        /** Held here: the view holds it weakly, so a dropped cell does not stay reachable. */
        private javafx.beans.InvalidationListener placeTagsListener;

        LineCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            code.getStyleClass().add("code-text");
            // beside the code the tags are placed apart from the line's layout, so a run's moving
            // threads never lay the code's lines out again
            tags.setManaged(false);
            code.setMinWidth(MIN_TEXT_WIDTH);
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.beans.InvalidationListener place = obs -> placeTags();
            CodeView.this.widthProperty().addListener(new javafx.beans.WeakInvalidationListener(place));
            gutter.widthProperty().addListener(place);
            number.widthProperty().addListener(place);
            placeTagsListener = place;
            threadMarks.addListener(new javafx.beans.value.WeakChangeListener<>(marksChanged));
            palette.versionProperty().addListener(new javafx.beans.WeakInvalidationListener(restyled));
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                shown = null;
                pseudoClassStateChanged(CURRENT, false);
                return;
            }
            if (line != shown) {
                shown = line;
                number.setText(String.valueOf(line.number()));
                code.getChildren().clear();
                boolean leading = true;
                for (PythonTokens.Token token : line.tokens()) {
                    // the indentation sticks to the code after it: a wrapped line never breaks between them
                    String text = leading && token.text().isBlank() ? token.text().replace(' ', '\u00a0') : token.text();
                    leading = leading && token.text().isBlank();
                    Text node = new Text(text);
                    node.getStyleClass().addAll("py", "py-" + token.kind().name().toLowerCase(Locale.ROOT));
                    code.getChildren().add(node);
                }
                shownMarks = null;
            }
            pseudoClassStateChanged(CURRENT, line.number() == current);
            showMarks();
            setGraphic(row);
        }

        private void showMarks() {
            List<ThreadMark> now = shown == null ? List.of() : threadMarks.get().getOrDefault(shown.number(), List.of());
            if (now.equals(shownMarks)) {
                return;
            }
            shownMarks = now;
            List<TagStrip.Tag> next = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(now.size(), MAX_TAGS_PER_LINE); i++) {
                next.add(new TagStrip.Tag(now.get(i).thread(), colourOf(now.get(i))));
            }
            if (now.size() > MAX_TAGS_PER_LINE) {
                next.add(new TagStrip.Tag("+" + (now.size() - MAX_TAGS_PER_LINE), -1));
            }
            tags.set(next);
            gutter.show(now.stream().limit(ThreadGutter.MAX_BARS).map(LineCell::colourOf).toList());
            placeTags();
        }

        private static int colourOf(ThreadMark mark) {
            return Math.floorMod(mark.tid(), MARK_COLOURS);
        }

        /**
         * A long line wraps inside the view instead of running past its edge. Its tags stand
         * beside the code when the line fits with them, or when the code keeps half the width
         * left; otherwise they go under it, wrapping as the width allows, so a narrow pane with a
         * big font cuts none of them.
         */
        private void placeTags() {
            double room = CodeView.this.getWidth() - gutter.getWidth() - number.getWidth() - RIGHT_ALLOWANCE;
            if (room <= 0) {
                return;
            }
            double width = tags.rowWidth();
            boolean beside = width == 0 || code.prefWidth(-1) + width <= room
                    || room - width >= Math.max(MIN_TEXT_WIDTH, room / 2);
            if (beside != tagsBeside) {
                tagsBeside = beside;
                if (beside) {
                    stacked.getChildren().clear();
                    tags.setManaged(false);
                    row.getChildren().setAll(gutter, number, code, tags);
                } else {
                    // under the code the tags take room of their own, so the line's height counts them
                    tags.setManaged(true);
                    row.getChildren().setAll(gutter, number, stacked);
                    stacked.getChildren().setAll(code, tags);
                }
            }
            double textWidth = Math.max(MIN_TEXT_WIDTH, beside ? room - width : room);
            // a new limit the code reaches in neither case would lay the line out again for nothing
            if (textWidth != code.getMaxWidth() && code.prefWidth(-1) > Math.min(textWidth, code.getMaxWidth())) {
                code.setMaxWidth(textWidth);
            }
            if (beside) {
                placeTagsBeside();
            } else {
                tags.place(room, 0, 0);
            }
        }

        /** Beside the code, the tags start where the code's text ends, on a row as tall as the line. */
        private void placeTagsBeside() {
            if (tags.isManaged()) {
                return;
            }
            double start = code.getLayoutX() + code.getWidth();
            tags.place(Double.MAX_VALUE, row.getHeight(), row.getWidth() - start);
            tags.relocate(start, 0);
        }
    }
}
