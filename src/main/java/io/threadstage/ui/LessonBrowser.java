package io.threadstage.ui;

import io.threadstage.io.LessonLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The built-in lessons by the chapter's sections, each with its title, and the caption of the
 * one selected: the teacher picks the lesson of the day by what it shows, not by its file name.
 * Opening hands the lesson to {@code open}, which opens it as a copy (saving asks for a file).
 * Typing filters by title and caption. FX thread.
 */
public final class LessonBrowser extends BorderPane {

    public static final String STYLE_CLASS = "lesson-browser";
    public static final String SECTION_STYLE_CLASS = "lesson-section";
    public static final String TITLE_STYLE_CLASS = "lesson-title";

    /** A row of the list: a section's heading, or a lesson under it. */
    sealed interface Row permits Heading, Lesson {
    }

    record Heading(String section) implements Row {
    }

    record Lesson(LessonLibrary.Entry entry) implements Row {
    }

    private final List<LessonLibrary.Entry> lessons;
    private final Consumer<LessonLibrary.Entry> open;
    private final TextField filter = new TextField();
    private final ListView<Row> list = new ListView<>();
    private final Label caption = new Label();
    private final Label title = new Label();
    private final Button openButton = new Button("Open a copy");

    public LessonBrowser(List<LessonLibrary.Entry> lessons, Consumer<LessonLibrary.Entry> open) {
        this.lessons = List.copyOf(lessons);
        this.open = open;
        setId("lesson-browser");
        getStyleClass().add(STYLE_CLASS);

        filter.setId("lesson-filter");
        filter.setPromptText("Filter lessons (title or text)");
        filter.textProperty().addListener((observable, before, typed) -> showMatching(typed));
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                selectFirstLesson();
                list.requestFocus();
                if (event.getCode() == KeyCode.ENTER) {
                    openSelected();
                }
                event.consume();
            }
        });

        list.setId("lesson-list");
        list.setCellFactory(view -> new RowCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row instanceof Heading) {
                // a heading is not a choice: step over it the way the keys were going
                int index = list.getItems().indexOf(row);
                int from = before == null ? -1 : list.getItems().indexOf(before);
                int next = from > index && index > 0 ? index - 1 : index + 1;
                list.getSelectionModel().select(Math.min(next, list.getItems().size() - 1));
                return;
            }
            showCaption(row instanceof Lesson lesson ? lesson.entry() : null);
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });

        title.setId("lesson-preview-title");
        title.getStyleClass().add(TITLE_STYLE_CLASS);
        title.setWrapText(true);
        caption.setId("lesson-preview-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        openButton.setId("lesson-open");
        openButton.setDefaultButton(false);
        openButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !(list.getSelectionModel().getSelectedItem() instanceof Lesson),
                list.getSelectionModel().selectedItemProperty()));
        openButton.setOnAction(event -> openSelected());

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(openButton);
        VBox preview = new VBox(10, title, caption, grow, buttons);
        preview.setPadding(new Insets(0, 0, 0, 14));
        preview.setPrefWidth(380);
        preview.setMinWidth(260);

        setTop(filter);
        BorderPane.setMargin(filter, new Insets(0, 0, 10, 0));
        setCenter(list);
        setRight(preview);
        setPadding(new Insets(14));
        showMatching("");
        selectFirstLesson();
    }

    /** The lesson the list shows selected, if any. */
    public java.util.Optional<LessonLibrary.Entry> selected() {
        return list.getSelectionModel().getSelectedItem() instanceof Lesson lesson
                ? java.util.Optional.of(lesson.entry()) : java.util.Optional.empty();
    }

    /** Puts the cursor in the filter, so the teacher can type a lesson's name at once. */
    public void focusFilter() {
        filter.requestFocus();
    }

    private void openSelected() {
        selected().ifPresent(open);
    }

    private void selectFirstLesson() {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof Lesson) {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 1));
                return;
            }
        }
        showCaption(null);
    }

    private void showMatching(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        ObservableList<Row> rows = FXCollections.observableArrayList();
        String section = null;
        for (LessonLibrary.Entry entry : lessons) {
            if (!wanted.isEmpty() && !entry.title().toLowerCase(Locale.ROOT).contains(wanted)
                    && !entry.caption().toLowerCase(Locale.ROOT).contains(wanted)
                    && !entry.id().contains(wanted)) {
                continue;
            }
            if (!entry.section().equals(section)) {
                section = entry.section();
                rows.add(new Heading(section));
            }
            rows.add(new Lesson(entry));
        }
        list.setItems(rows);
        selectFirstLesson();
    }

    private void showCaption(LessonLibrary.Entry entry) {
        title.setText(entry == null ? "No lesson matches" : entry.title());
        caption.setText(entry == null ? "" : entry.caption());
    }

    /** How many lessons the list shows now (tests and the window's status read it). */
    int shownLessons() {
        List<Row> shown = new ArrayList<>(list.getItems());
        shown.removeIf(row -> !(row instanceof Lesson));
        return shown.size();
    }

    private static final class RowCell extends ListCell<Row> {

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(SECTION_STYLE_CLASS, TITLE_STYLE_CLASS);
            if (empty || row == null) {
                setText(null);
                setDisable(false);
            } else if (row instanceof Heading heading) {
                setText(heading.section());
                getStyleClass().add(SECTION_STYLE_CLASS);
                setDisable(true);
            } else if (row instanceof Lesson lesson) {
                setText(lesson.entry().title());
                getStyleClass().add(TITLE_STYLE_CLASS);
                setDisable(false);
            }
        }
    }
}
