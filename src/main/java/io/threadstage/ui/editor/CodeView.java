package io.threadstage.ui.editor;

import io.threadstage.io.PythonSource;
import java.util.List;
import java.util.Locale;
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
 * {@link PythonTokens}, with the selected step's line marked. Owned by the FX thread.
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

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private int current = -1;

    public CodeView(EditorViewModel editor) {
        getStyleClass().add(STYLE);
        setItems(lines);
        setFocusTraversable(false);
        setCellFactory(list -> new LineCell());
        editor.pythonProperty().addListener((obs, was, now) -> show(now));
        editor.selectedLineProperty().addListener((obs, was, now) -> mark(now.intValue()));
        show(editor.pythonProperty().get());
        mark(editor.selectedLineProperty().get());
    }

    /** The line marked as the selected step's, 1-based, or -1. */
    public int currentLine() {
        return current;
    }

    private void show(PythonSource source) {
        List<List<PythonTokens.Token>> tokens = PythonTokens.lines(source == null ? "" : source.text());
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
        private final HBox row = new HBox(number, code);

        LineCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            code.getStyleClass().add("code-text");
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                pseudoClassStateChanged(CURRENT, false);
                return;
            }
            number.setText(String.valueOf(line.number()));
            code.getChildren().clear();
            for (PythonTokens.Token token : line.tokens()) {
                Text text = new Text(token.text());
                text.getStyleClass().addAll("py", "py-" + token.kind().name().toLowerCase(Locale.ROOT));
                code.getChildren().add(text);
            }
            pseudoClassStateChanged(CURRENT, line.number() == current);
            setGraphic(row);
        }
    }
}
