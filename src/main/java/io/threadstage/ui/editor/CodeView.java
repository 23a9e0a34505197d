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
        // the gutter bars have a fixed width so the code keeps its indentation; names follow the code
        private final HBox gutter = new HBox();
        // a flow, so tags that do not fit one row under a narrow pane's code wrap instead of being cut
        private final javafx.scene.layout.FlowPane marks = new javafx.scene.layout.FlowPane();
        private final HBox row = new HBox(gutter, number, code, marks);
        /** The code with its tags under it, when they do not fit beside it. */
        private final javafx.scene.layout.VBox stacked = new javafx.scene.layout.VBox();
        private boolean tagsBeside = true;
        /** The line whose tokens the cell shows: its text nodes are made once per line, not per frame. */
        private Line shown;
        /** The marks the cell shows, so a frame that moved other lines' threads leaves this one alone. */
        private List<ThreadMark> shownMarks = List.of();
        private final javafx.beans.value.ChangeListener<Map<Integer, List<ThreadMark>>> marksChanged =
                (obs, was, now) -> showMarks();
        /** Held here: the view holds it weakly, so a dropped cell does not stay reachable. */
        private javafx.beans.InvalidationListener placeTagsListener;

        LineCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            code.getStyleClass().add("code-text");
            marks.getStyleClass().add("thread-marks");
            gutter.getStyleClass().add("thread-gutter");
            marks.setHgap(3);
            marks.setVgap(2);
            marks.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            code.setMinWidth(MIN_TEXT_WIDTH);
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.beans.InvalidationListener place = obs -> placeTags();
            CodeView.this.widthProperty().addListener(new javafx.beans.WeakInvalidationListener(place));
            gutter.widthProperty().addListener(place);
            number.widthProperty().addListener(place);
            placeTagsListener = place;
            threadMarks.addListener(new javafx.beans.value.WeakChangeListener<>(marksChanged));
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
            // the tags and bars are kept and given new words and colours: new nodes each frame
            // (a thousand threads move every frame) would each be styled from scratch
            int tags = Math.min(now.size(), MAX_TAGS_PER_LINE) + (now.size() > MAX_TAGS_PER_LINE ? 1 : 0);
            int bars = Math.min(now.size(), 3);
            resize(marks, tags, () -> new Label());
            resize(gutter, bars, javafx.scene.layout.Region::new);
            for (int i = 0; i < tags; i++) {
                Label tag = (Label) marks.getChildren().get(i);
                if (i < MAX_TAGS_PER_LINE && i < now.size()) {
                    tag.setText(now.get(i).thread());
                    colour(tag, "thread-mark", colourOf(now.get(i)));
                } else {
                    tag.setText("+" + (now.size() - MAX_TAGS_PER_LINE));
                    colour(tag, "thread-mark", "thread-mark-more");
                }
            }
            for (int i = 0; i < bars; i++) {
                colour(gutter.getChildren().get(i), "thread-bar", colourOf(now.get(i)));
            }
            placeTags();
        }

        private static String colourOf(ThreadMark mark) {
            return "thread-mark-" + Math.floorMod(mark.tid(), MARK_COLOURS);
        }

        private static void resize(javafx.scene.layout.Pane box, int size, java.util.function.Supplier<javafx.scene.Node> make) {
            javafx.collections.ObservableList<javafx.scene.Node> children = box.getChildren();
            if (children.size() > size) {
                children.remove(size, children.size());
            }
            while (children.size() < size) {
                children.add(make.get());
            }
        }

        /** Gives {@code node} the classes {@code kind} and {@code colour} after its own, touching them only when they differ. */
        private static void colour(javafx.scene.Node node, String kind, String colour) {
            javafx.collections.ObservableList<String> classes = node.getStyleClass();
            int own = node instanceof Label ? 1 : 0;
            if (classes.size() == own + 2 && classes.get(own).equals(kind) && classes.get(own + 1).equals(colour)) {
                return;
            }
            if (own == 1) {
                classes.setAll("label", kind, colour);
            } else {
                classes.setAll(kind, colour);
            }
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
            double tags = tagsRowWidth();
            boolean beside = tags == 0 || code.prefWidth(-1) + tags <= room
                    || room - tags >= Math.max(MIN_TEXT_WIDTH, room / 2);
            if (beside != tagsBeside) {
                tagsBeside = beside;
                if (beside) {
                    stacked.getChildren().clear();
                    row.getChildren().setAll(gutter, number, code, marks);
                } else {
                    row.getChildren().setAll(gutter, number, stacked);
                    stacked.getChildren().setAll(code, marks);
                }
            }
            double textWidth = beside ? room - tags : room;
            code.setMaxWidth(Math.max(MIN_TEXT_WIDTH, textWidth));
            marks.setPrefWrapLength(beside ? Math.max(tags, 1) : room);
            marks.setMaxWidth(beside ? javafx.scene.layout.Region.USE_COMPUTED_SIZE : room);
            marks.setMinWidth(beside ? tags : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        }

        /** The tags' width on one row, with the flow's padding; 0 with none. */
        private double tagsRowWidth() {
            if (marks.getChildren().isEmpty()) {
                return 0;
            }
            double width = marks.snappedLeftInset() + marks.snappedRightInset()
                    + marks.getHgap() * (marks.getChildren().size() - 1);
            for (javafx.scene.Node tag : marks.getChildren()) {
                // a new tag has no font or padding until styled: measured as it will be drawn
                tag.applyCss();
                width += tag.prefWidth(-1);
            }
            return Math.ceil(width);
        }
    }
}
