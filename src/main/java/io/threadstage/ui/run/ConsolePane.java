package io.threadstage.ui.run;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The program's output under the stage: printed lines in the text colour, error reports in the
 * error colour. A view of the run's lines as its view model keeps them ({@link #show}; the model
 * caps them so a program printing forever cannot fill the memory). Virtualised. Owned by the FX
 * thread.
 */
public final class ConsolePane extends ListView<ConsoleLine> {

    public static final String STYLE = "run-console";
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private boolean scrollPending;

    public ConsolePane() {
        getStyleClass().add(STYLE);
        setId("console");
        setItems(lines);
        setFocusTraversable(false);
        setPlaceholder(new javafx.scene.control.Label("The program's output appears here."));
        setCellFactory(list -> new LineCell());
    }

    /** Shows {@code shown} (a run's console lines, kept by its view model) and keeps the newest in view. */
    public void show(ObservableList<ConsoleLine> shown) {
        lines = shown;
        setItems(shown);
        shown.addListener((javafx.collections.ListChangeListener<ConsoleLine>) change -> {
            if (!shown.isEmpty()) {
                scrollTo(shown.size() - 1);
                scrollAgainAfterLayout();
            }
        });
    }

    /**
     * Scrolled to before the new rows were laid out, the flow guessed their height and left the last
     * line or two below the edge (a finished program's last print out of sight): once more after the
     * layout, once per change, not per line.
     */
    private void scrollAgainAfterLayout() {
        if (!scrollPending) {
            scrollPending = true;
            javafx.application.Platform.runLater(() -> {
                scrollPending = false;
                if (!lines.isEmpty()) {
                    scrollTo(lines.size() - 1);
                }
            });
        }
    }

    /** The texts shown, oldest first (for tests and copying). */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(lines.size());
        lines.forEach(line -> texts.add(line.text()));
        return texts;
    }

    private static final class LineCell extends ListCell<ConsoleLine> {
        LineCell() {
            getStyleClass().add("console-line");
        }

        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty || line == null ? null : line.text());
            pseudoClassStateChanged(ERROR, !empty && line != null && line.error());
        }
    }
}
