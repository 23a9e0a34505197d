package io.threadstage.ui.editor;

import io.threadstage.model.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The property sheet of the selection, on ControlsFX's {@link PropertySheet}: one row per
 * {@link EditorField}. Text that does not read, and every validator problem about a field,
 * marks that field at once, with the message as its tooltip. Owned by the FX thread.
 */
public final class PropertiesView extends VBox {

    public static final String STYLE = "properties";
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final EditorViewModel editor;
    private final Label heading = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private final Label problems = new Label();
    private final List<FieldItem> items = new ArrayList<>();
    private Selection shown;

    public PropertiesView(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add(STYLE);
        heading.getStyleClass().add("properties-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        problems.getStyleClass().add("properties-problems");
        problems.setWrapText(true);
        problems.setMaxWidth(Double.MAX_VALUE);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> ((FieldItem) item).createEditor());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(heading, problems, sheet);
        editor.fieldsProperty().addListener((obs, was, now) -> show());
        editor.selectionProblemsProperty().addListener((obs, was, now) -> showProblems());
        show();
    }

    private void show() {
        // the rows' own owner, not the selection now: both come from one refresh of the view model
        SheetRows sheetRows = editor.fieldsProperty().get();
        List<EditorField> fields = sheetRows.rows();
        Selection selection = sheetRows.owner();
        heading.setText(heading(selection));
        boolean sameRows = selection.equals(shown) && items.size() == fields.size();
        for (int i = 0; sameRows && i < fields.size(); i++) {
            sameRows = items.get(i).field.key().equals(fields.get(i).key())
                    && items.get(i).field.label().equals(fields.get(i).label())
                    && items.get(i).field.kind() == fields.get(i).kind()
                    && items.get(i).field.choices().equals(fields.get(i).choices());
        }
        if (sameRows) {
            // same rows: update in place so the field being typed in keeps the focus
            for (int i = 0; i < fields.size(); i++) {
                items.get(i).update(fields.get(i));
            }
        } else {
            items.clear();
            fields.forEach(field -> items.add(new FieldItem(selection, field)));
            sheet.getItems().setAll(items);
            shown = selection;
        }
        showProblems();
    }

    private void showProblems() {
        List<Problem> found = editor.selectionProblemsProperty().get();
        problems.setText(String.join("\n", found.stream().map(Problem::message).toList()));
        problems.setVisible(!found.isEmpty());
        problems.setManaged(!found.isEmpty());
    }

    private String heading(Selection selection) {
        var scenario = editor.getScenario();
        if (selection instanceof Selection.OfStep s) {
            return "Step: " + StepTree.step(scenario, s.step()).verb() + "   " + s.path();
        }
        if (selection instanceof Selection.OfWorker w) {
            return "Worker: " + Names.threadName(scenario, w.index());
        }
        if (selection instanceof Selection.OfResource r) {
            return "Resource: " + scenario.resources().get(r.index()).name();
        }
        if (selection instanceof Selection.OfBody b && b.body().owner().isPresent()) {
            return "Step: try   " + b.body().owner().get();
        }
        return "Scenario";
    }

    /** A property sheet row backed by one field of the view model. */
    final class FieldItem implements PropertySheet.Item {

        private EditorField field;
        private final Selection owner;
        private final StringProperty value = new SimpleStringProperty();
        private final StringProperty problem = new SimpleStringProperty();

        FieldItem(Selection owner, EditorField field) {
            this.owner = owner;
            update(field);
        }

        void update(EditorField newField) {
            this.field = newField;
            value.set(newField.text());
            problem.set(newField.problem());
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return "Fields";
        }

        @Override
        public String getName() {
            return field.label();
        }

        @Override
        public String getDescription() {
            return field.problem() != null ? field.problem() : field.label();
        }

        @Override
        public Object getValue() {
            return value.get();
        }

        @Override
        public void setValue(Object newValue) {
            String text = newValue == null ? "" : newValue.toString();
            if (text.equals(value.get())) {
                return;
            }
            Optional<String> refused = editor.setField(owner, field.key(), text);
            problem.set(refused.orElse(null));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(value);
        }

        @Override
        public boolean isEditable() {
            return field.kind() != FieldKind.READ_ONLY;
        }

        PropertyEditor<?> createEditor() {
            return switch (field.kind()) {
                case BOOLEAN -> new BooleanEditor(this);
                case CHOICE, REFERENCE -> new ChoiceEditor(this, field.kind() == FieldKind.REFERENCE);
                default -> new TextEditor(this);
            };
        }

        /** Marks the editor while this field has a problem, with the message as its tooltip. */
        void markProblems(Control control) {
            Tooltip tip = new Tooltip();
            Runnable mark = () -> {
                String message = problem.get();
                control.pseudoClassStateChanged(INVALID, message != null);
                tip.setText(message);
                control.setTooltip(message == null ? null : tip);
            };
            problem.addListener((obs, was, now) -> mark.run());
            mark.run();
            control.setId("field-" + field.key());
        }
    }

    /** Free text and numbers: checked as typed, applied on Enter or when the focus leaves. */
    private static final class TextEditor implements PropertyEditor<String> {

        private final FieldItem item;
        private final TextField text = new TextField();

        TextEditor(FieldItem item) {
            this.item = item;
            text.setEditable(item.isEditable());
            text.setText(item.value.get());
            item.markProblems(text);
            item.value.addListener((obs, was, now) -> {
                if (!text.isFocused() || !text.getText().equals(now)) {
                    text.setText(now);
                }
            });
            text.textProperty().addListener((obs, was, now) -> {
                if (text.isFocused()) {
                    item.problem.set(readProblem(item.field.kind(), now));
                }
            });
            text.setOnAction(event -> item.setValue(text.getText()));
            text.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    item.setValue(text.getText());
                }
            });
        }

        private static String readProblem(FieldKind kind, String typed) {
            try {
                // the widest type: a counter's value is a Python int of any size
                FieldCodec.parse(kind, BigInteger.class, typed);
                return null;
            } catch (FieldCodec.BadText bad) {
                return bad.getMessage();
            }
        }

        @Override
        public Node getEditor() {
            return text;
        }

        @Override
        public String getValue() {
            return text.getText();
        }

        @Override
        public void setValue(String value) {
            text.setText(value);
        }
    }

    private static final class BooleanEditor implements PropertyEditor<String> {

        private final CheckBox box = new CheckBox();

        BooleanEditor(FieldItem item) {
            box.setSelected(Boolean.parseBoolean(item.value.get()));
            item.markProblems(box);
            item.value.addListener((obs, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
            box.selectedProperty().addListener((obs, was, now) -> item.setValue(String.valueOf(now)));
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public String getValue() {
            return String.valueOf(box.isSelected());
        }

        @Override
        public void setValue(String value) {
            box.setSelected(Boolean.parseBoolean(value));
        }
    }

    /** Fixed choices, or the names that exist and fit (a typed name is kept and flagged). */
    private static final class ChoiceEditor implements PropertyEditor<String> {

        private final ComboBox<String> combo = new ComboBox<>();

        ChoiceEditor(FieldItem item, boolean editable) {
            combo.setItems(FXCollections.observableArrayList(item.field.choices()));
            combo.setEditable(editable);
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setValue(item.value.get());
            item.markProblems(combo);
            item.value.addListener((obs, was, now) -> combo.setValue(now));
            combo.valueProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    item.setValue(now);
                }
            });
        }

        @Override
        public Node getEditor() {
            return combo;
        }

        @Override
        public String getValue() {
            return combo.getValue();
        }

        @Override
        public void setValue(String value) {
            combo.setValue(value);
        }
    }
}
