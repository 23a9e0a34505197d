package io.threadstage.ui.inspect;

import java.util.function.LongConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The time slider under the stage: Play/Pause for a replay, a slider over the finished run or
 * opened trace, and the instant shown out of the whole ({@code 1.00 s / 2.40 s}). A view only:
 * the pulse tells it where the stage stands ({@link #show}), and a move of the user's goes to
 * the seek and toggle actions it was given; its own updates are never taken for the user's.
 * Owned by the FX thread.
 */
public final class ScrubBar extends HBox {

    public static final String STYLE_CLASS = "scrub-bar";

    private final Button play = new Button("Play");
    private final Slider slider = new Slider(0, 1, 0);
    private final Label time = new Label();
    private boolean showing;
    private String shownTime = "";

    /** {@code seek} gets an instant counted from the trace's start; {@code toggle} plays or pauses. */
    public ScrubBar(LongConsumer seek, Runnable toggle) {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(InspectStyles.STYLESHEET);
        setId("scrub-bar");
        play.setId("scrub-play");
        play.setFocusTraversable(false);
        play.setMinWidth(USE_PREF_SIZE);
        play.setOnAction(e -> toggle.run());
        slider.setId("scrub-slider");
        slider.setFocusTraversable(false);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.valueProperty().addListener((obs, was, now) -> {
            if (!showing) {
                seek.accept((long) (now.doubleValue() * 1e9));
            }
        });
        time.getStyleClass().add("scrub-time");
        time.setId("scrub-time");
        getChildren().addAll(play, slider, time);
        show(0, 0, false, false);
    }

    /**
     * Shows the stage at {@code elapsedNanos} of {@code totalNanos}, playing or not; disabled
     * while there is nothing to scrub (a run going on, nothing run yet). The thumb stays where
     * the user holds it.
     */
    public void show(long elapsedNanos, long totalNanos, boolean playing, boolean enabled) {
        showing = true;
        try {
            setDisable(!enabled);
            play.setText(playing ? "Pause" : "Play");
            double total = totalNanos / 1e9;
            if (slider.getMax() != total) {
                slider.setMax(Math.max(total, 1e-9));
            }
            if (!slider.isValueChanging()) {
                slider.setValue(Math.min(total, elapsedNanos / 1e9));
            }
            String text = enabled ? ThreadRowText.seconds(elapsedNanos) + " / " + ThreadRowText.seconds(totalNanos) : "";
            if (!text.equals(shownTime)) {
                shownTime = text;
                time.setText(text);
            }
        } finally {
            showing = false;
        }
    }

    public Slider slider() {
        return slider;
    }

    public Button playButton() {
        return play;
    }

    public String timeText() {
        return time.getText();
    }
}
