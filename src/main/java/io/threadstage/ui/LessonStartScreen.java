package io.threadstage.ui;

import io.threadstage.io.LessonLibrary;
import java.util.List;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's start screen: over the empty stage, every built-in lesson by the chapter's
 * sections, each a card with its title and caption that opens a copy of the lesson with one
 * click (as File > Lessons does). It goes once a scenario is opened, a run starts or a trace is
 * shown, and does not come back. FX thread.
 */
public final class LessonStartScreen extends ScrollPane {

    public static final String ID = "lesson-start";
    public static final String STYLE_CLASS = "lesson-start";
    public static final String CARD_STYLE_CLASS = "lesson-card";
    /** A card's width: two across the stage beside the editor in a 1080p window, the caption in a few lines. */
    static final double CARD_WIDTH = 300;

    private final Predicate<LessonLibrary.Entry> open;

    /** @param open opens one lesson as a copy and says whether it did (unsaved changes may stop it) */
    public LessonStartScreen(List<LessonLibrary.Entry> lessons, Predicate<LessonLibrary.Entry> open) {
        this.open = open;
        setId(ID);
        getStyleClass().add(STYLE_CLASS);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Label heading = new Label("Pick a lesson to begin");
        heading.getStyleClass().add("lesson-start-heading");
        Label hint = new Label("One click opens a copy. Or open your own scenario, or press Run for the one in the editor.");
        hint.getStyleClass().add("lesson-start-hint");
        hint.setWrapText(true);
        VBox content = new VBox(6, heading, hint);
        content.setPadding(new Insets(18, 22, 22, 22));
        FlowPane cards = null;
        String section = null;
        for (LessonLibrary.Entry entry : lessons) {
            if (!entry.section().equals(section)) {
                section = entry.section();
                Label sectionLabel = new Label(section);
                sectionLabel.getStyleClass().add(LessonBrowser.SECTION_STYLE_CLASS);
                cards = new FlowPane(10, 10);
                // as many cards a row as the stage's width holds
                cards.prefWrapLengthProperty().bind(widthProperty().subtract(60));
                content.getChildren().addAll(sectionLabel, cards);
            }
            cards.getChildren().add(new Card(entry));
        }
        setContent(content);
    }

    /**
     * A lesson's card: its title and caption, opened by a click, Enter or Space. A pane rather
     * than a button: a button asks its graphic's height without a width, and wrapped text then
     * wraps at every word.
     */
    final class Card extends VBox {

        private final LessonLibrary.Entry entry;

        Card(LessonLibrary.Entry entry) {
            super(4);
            this.entry = entry;
            setId("start-" + entry.id());
            getStyleClass().add(CARD_STYLE_CLASS);
            setFocusTraversable(true);
            setPrefWidth(CARD_WIDTH);
            setMaxWidth(CARD_WIDTH);
            Label title = new Label(entry.title());
            title.getStyleClass().add(LessonBrowser.TITLE_STYLE_CLASS);
            Label caption = new Label(entry.caption());
            caption.getStyleClass().add("lesson-caption");
            for (Label label : List.of(title, caption)) {
                label.setWrapText(true);
                label.setMaxWidth(Double.MAX_VALUE);
            }
            getChildren().addAll(title, caption);
            setOnMouseClicked(event -> {
                if (event.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    open();
                }
            });
            setOnKeyPressed(event -> {
                if (event.getCode() == javafx.scene.input.KeyCode.ENTER || event.getCode() == javafx.scene.input.KeyCode.SPACE) {
                    open();
                    event.consume();
                }
            });
        }

        /** Opens the card's lesson; the screen goes once it is open. */
        void open() {
            // opening the lesson already open changes no document: the screen goes all the same
            if (LessonStartScreen.this.open.test(entry) && LessonStartScreen.this.getParent() instanceof javafx.scene.layout.Pane slot) {
                slot.getChildren().remove(LessonStartScreen.this);
            }
        }
    }

    /**
     * Reads the lesson list on the window's file thread, then lays the start screen over {@code slot}; it
     * goes when any of {@code dismissWhen} changes (a scenario opened, a run started, a trace shown),
     * also if that happens before the list is read. {@code gone} runs once the stage is uncovered: when
     * the screen goes, or when it is not shown after all (dismissed before the list came, or no list).
     */
    public static void showOver(StackPane slot, io.threadstage.ui.run.FileWork files, Predicate<LessonLibrary.Entry> open,
                                Runnable gone, ObservableValue<?>... dismissWhen) {
        boolean[] dismissed = {false};
        boolean[] uncovered = {false};
        Runnable goneOnce = () -> {
            if (!uncovered[0]) {
                uncovered[0] = true;
                gone.run();
            }
        };
        LessonStartScreen[] shown = {null};
        for (ObservableValue<?> trigger : dismissWhen) {
            trigger.addListener(new ChangeListener<Object>() {
                @Override
                public void changed(ObservableValue<?> changed, Object was, Object now) {
                    changed.removeListener(this);
                    dismissed[0] = true;
                    if (shown[0] != null) {
                        slot.getChildren().remove(shown[0]);
                        shown[0] = null;
                    }
                    goneOnce.run();
                }
            });
        }
        // the lessons are files in the jar: read on the window's file thread, shown in one hand-over
        files.submit(() -> new LessonLibrary().list(), lessons -> {
            if (!dismissed[0]) {
                LessonStartScreen screen = new LessonStartScreen(lessons, open);
                // a card removes the screen itself (opening the lesson already open changes nothing else)
                screen.parentProperty().addListener((obs, was, now) -> {
                    if (now == null) {
                        goneOnce.run();
                    }
                });
                shown[0] = screen;
                slot.getChildren().add(screen);
            } else {
                goneOnce.run();
            }
        }, failed -> {
            // no start screen then: File > Lessons says what is wrong when asked
            goneOnce.run();
        });
    }
}
