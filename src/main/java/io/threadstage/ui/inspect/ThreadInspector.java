package io.threadstage.ui.inspect;

import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadTable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The run's threads as a live table, the chapter's Thread-properties table at the instant the
 * stage shows: {@code main_thread()} and {@code active_count()} above, a row per thread (name,
 * ident, native_id, daemon, is_alive(), state and what it waits on, the locks it holds). Shows
 * the {@link ThreadTable} it is given ({@link #show}), once per pulse at most, and touches its
 * rows only when the table changed. Owned by the FX thread.
 */
public final class ThreadInspector extends VBox {

    public static final String STYLE_CLASS = "thread-inspector";
    /** Beside the console: room for seven columns of a 1080p recording's text. */
    static final double PREFERRED_WIDTH = 760;

    private final Label summary = new Label();
    private final TableView<ThreadRow> table = new TableView<>();
    private final ObservableList<ThreadRow> rows = FXCollections.observableArrayList();
    private ThreadTable shown;

    public ThreadInspector() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(InspectStyles.STYLESHEET);
        setId("thread-inspector");
        summary.getStyleClass().add("inspector-summary");
        summary.setId("inspector-summary");
        summary.setMaxWidth(Double.MAX_VALUE);
        table.setId("inspector-table");
        table.setItems(rows);
        table.setFocusTraversable(false);
        table.setPlaceholder(new Label("The run's threads appear here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("name", ThreadRow::name, 1.4));
        table.getColumns().add(column("ident", row -> ThreadRowText.python(row.ident()), 0.9));
        table.getColumns().add(column("native_id", row -> ThreadRowText.python(row.nativeId()), 1.1));
        table.getColumns().add(column("daemon", row -> ThreadRowText.python(row.daemon()), 1.0));
        table.getColumns().add(column("is_alive()", row -> ThreadRowText.python(row.alive()), 1.15));
        table.getColumns().add(column("state", ThreadRowText::state, 3.2));
        table.getColumns().add(column("holds", ThreadRowText::holds, 0.8));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(summary, table);
        show(ThreadTable.EMPTY);
    }

    private TableColumn<ThreadRow, String> column(String title, Function<ThreadRow, String> text, double weight) {
        TableColumn<ThreadRow, String> column = new TableColumn<>(title);
        column.setId("inspector-" + title.replace("()", ""));
        column.setSortable(false);
        column.setReorderable(false);
        // widths follow the text each column usually holds, so the state column gets the room
        column.setPrefWidth(70 * weight);
        // a header cut to "dae..." would hide the very name the chapter teaches
        column.setMinWidth(Math.min(70 * weight, 80));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    /** Shows {@code next}; an equal table (nothing moved since the last pulse) changes nothing. */
    public void show(ThreadTable next) {
        if (next.equals(shown)) {
            return;
        }
        shown = next;
        if (!rows.equals(next.rows())) {
            rows.setAll(next.rows());
        }
        summary.setText(summaryText(next));
    }

    private static String summaryText(ThreadTable table) {
        if (table.rows().isEmpty()) {
            return "active_count(): 0";
        }
        String main = table.mainThread() == null ? "None"
                : table.mainThread().name() + " (ident " + ThreadRowText.python(table.mainThread().ident()) + ")";
        return "main_thread(): " + main + "    active_count(): " + table.activeCount()
                + "    at " + ThreadRowText.seconds(table.elapsedNanos());
    }

    /** What is shown now (for tests). */
    public ThreadTable shown() {
        return shown;
    }

    /** The summary line's text (for tests). */
    public String summaryText() {
        return summary.getText();
    }

    public TableView<ThreadRow> table() {
        return table;
    }
}
