package io.threadstage.ui.editor;

import io.threadstage.model.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseDragEvent;

/**
 * The scenario outline: resources, workers with their bodies, and main, as a tree that is
 * rebuilt from the view model whenever the scenario changes. Rows take drops from the palette
 * and from other rows (a line above or below, or a frame around a block, shows where the drop
 * lands); Delete removes the selection, Alt+Up/Down moves it, Alt+Right puts a step into the
 * block above it and Alt+Left takes it out of its block. Owned by the FX thread.
 */
public final class OutlineView extends TreeView<OutlineNode> {

    public static final String STYLE = "outline";
    private static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");
    private static final PseudoClass DROP_INTO = PseudoClass.getPseudoClass("drop-into");
    private static final PseudoClass DROP_AFTER = PseudoClass.getPseudoClass("drop-after");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final EditorViewModel editor;
    private final DragGesture drag;
    private final DragEdgeScroller edgeScroller;
    private boolean syncing;

    public OutlineView(EditorViewModel editor, DragGesture drag) {
        this.editor = editor;
        this.drag = drag;
        getStyleClass().add(STYLE);
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(tree -> new Row());
        editor.scenarioProperty().addListener((obs, was, now) -> rebuild());
        editor.problemsProperty().addListener((obs, was, now) -> refresh());
        editor.selectionProperty().addListener((obs, was, now) -> showSelection());
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!syncing && now != null && now.getValue() != null) {
                OutlineNode node = now.getValue();
                editor.select(node.selection());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        edgeScroller = DragEdgeScroller.attach(this);
        rebuild();
    }

    /** Whether a drag resting near an edge is scrolling the outline now. */
    boolean isEdgeScrolling() {
        return edgeScroller.isScrolling();
    }

    private void onKey(KeyEvent key) {
        if (key.getCode() == KeyCode.DELETE || key.getCode() == KeyCode.BACK_SPACE) {
            editor.deleteSelection();
            key.consume();
        } else if (key.isAltDown() && (key.getCode() == KeyCode.UP || key.getCode() == KeyCode.DOWN)) {
            editor.moveSelection(key.getCode() == KeyCode.UP ? -1 : +1);
            key.consume();
        } else if (key.isAltDown() && key.getCode() == KeyCode.RIGHT) {
            editor.indentSelection();
            key.consume();
        } else if (key.isAltDown() && key.getCode() == KeyCode.LEFT) {
            editor.dedentSelection();
            key.consume();
        }
    }

    private void rebuild() {
        syncing = true;
        try {
            TreeItem<OutlineNode> root = getRoot();
            root.getChildren().clear();
            for (OutlineNode node : OutlineModel.build(editor.getScenario())) {
                root.getChildren().add(item(node));
            }
        } finally {
            syncing = false;
        }
        showSelection();
    }

    private static TreeItem<OutlineNode> item(OutlineNode node) {
        TreeItem<OutlineNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        for (OutlineNode child : node.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    private void showSelection() {
        Selection wanted = editor.getSelection();
        Optional<TreeItem<OutlineNode>> found = find(getRoot(), wanted);
        syncing = true;
        try {
            if (found.isPresent()) {
                getSelectionModel().select(found.get());
                int row = getRow(found.get());
                if (row >= 0) {
                    scrollIntoView(row);
                }
            } else if (!(wanted instanceof Selection.Scenario)) {
                getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private void scrollIntoView(int row) {
        // VirtualFlow.scrollTo moves only as far as needed, unlike TreeView.scrollTo
        if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        }
    }

    /** The row of a selection; the list headers select nothing, so they never stand for it. */
    private static Optional<TreeItem<OutlineNode>> find(TreeItem<OutlineNode> item, Selection wanted) {
        return find(item, node -> node.selection().equals(wanted)
                && node.kind() != OutlineNode.Kind.RESOURCES
                && node.kind() != OutlineNode.Kind.WORKERS);
    }

    /** The outline row for a JSON path, for tests and for the stage to point at. */
    public Optional<TreeItem<OutlineNode>> itemAt(String path) {
        return find(getRoot(), node -> node.path().equals(path));
    }

    /** The first row, depth first, whose node passes the test. */
    private static Optional<TreeItem<OutlineNode>> find(TreeItem<OutlineNode> item, Predicate<OutlineNode> wanted) {
        if (item.getValue() != null && wanted.test(item.getValue())) {
            return Optional.of(item);
        }
        for (TreeItem<OutlineNode> child : item.getChildren()) {
            Optional<TreeItem<OutlineNode>> found = find(child, wanted);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A row: draws one node, starts drags of steps, workers and resources, takes drops. */
    private final class Row extends TreeCell<OutlineNode> {

        private final Tooltip problemTip = new Tooltip();

        Row() {
            getStyleClass().add("outline-row");
            drag.makeSource(this, () -> {
                OutlineNode node = getItem();
                if (node == null) {
                    return null;
                }
                return switch (node.kind()) {
                    case STEP, WORKER, RESOURCE -> Drops.moveText(node.selection());
                    default -> null;
                };
            }, () -> getItem() == null ? "" : getItem().text());
            addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, this::dragOver);
            addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, event -> clearDropMarks());
            addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, this::dropped);
        }

        private OutlineNode target() {
            OutlineNode node = getItem();
            if (node != null) {
                return node;
            }
            // below the last row: a step goes to the end of main
            List<OutlineNode> roots = OutlineModel.build(editor.getScenario());
            return roots.get(roots.size() - 1);
        }

        private Optional<Drops.Plan> plan(MouseDragEvent event) {
            OutlineNode node = target();
            Drops.Zone zone = getItem() == null ? Drops.Zone.INTO : Drops.zone(node, event.getY(), getHeight());
            return DragGesture.payload(event).flatMap(payload -> Drops.plan(editor.getScenario(), payload, node, zone))
                    .map(plan -> {
                        clearDropMarks();
                        pseudoClassStateChanged(zone == Drops.Zone.BEFORE ? DROP_BEFORE
                                : zone == Drops.Zone.AFTER ? DROP_AFTER : DROP_INTO, true);
                        return plan;
                    });
        }

        private void dragOver(MouseDragEvent event) {
            if (plan(event).isEmpty()) {
                clearDropMarks();
            }
            event.consume();
        }

        private void dropped(MouseDragEvent event) {
            Optional<Drops.Plan> plan = plan(event);
            clearDropMarks();
            plan.ifPresent(editor::perform);
            event.consume();
        }

        private void clearDropMarks() {
            pseudoClassStateChanged(DROP_BEFORE, false);
            pseudoClassStateChanged(DROP_INTO, false);
            pseudoClassStateChanged(DROP_AFTER, false);
        }

        @Override
        protected void updateItem(OutlineNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeIf(style -> style.startsWith("outline-kind-"));
            clearDropMarks();
            if (empty || node == null) {
                setText(null);
                setTooltip(null);
                pseudoClassStateChanged(INVALID, false);
                return;
            }
            setText(node.text());
            getStyleClass().add("outline-kind-" + node.kind().name().toLowerCase(java.util.Locale.ROOT));
            List<Problem> problems = problemsAt(node);
            pseudoClassStateChanged(INVALID, !problems.isEmpty());
            if (problems.isEmpty()) {
                setTooltip(null);
            } else {
                problemTip.setText(String.join("\n", problems.stream().map(Problem::message).toList()));
                setTooltip(problemTip);
            }
        }

        private List<Problem> problemsAt(OutlineNode node) {
            if (node.kind() != OutlineNode.Kind.STEP && node.kind() != OutlineNode.Kind.WORKER
                    && node.kind() != OutlineNode.Kind.RESOURCE) {
                return List.of();
            }
            return FieldSheet.problemsOf(node.selection(), editor.problemsProperty().get());
        }
    }
}
