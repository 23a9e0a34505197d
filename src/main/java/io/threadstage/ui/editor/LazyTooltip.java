package io.threadstage.ui.editor;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip made when the pointer first comes over it. Each tooltip is a popup window
 * of its own, and the window's start made some fifty of them (every palette tile and toolbar
 * button) that only a hover shows: the tooltip's own behaviour starts on the moves after the
 * entry, so it shows as it would have. The text is the control's accessible help meanwhile, as
 * a tooltip's would be. Owned by the FX thread.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    /** Gives {@code control} a tooltip of {@code text} once the pointer enters it. */
    public static void install(Control control, String text) {
        if (control.getAccessibleHelp() == null) {
            control.setAccessibleHelp(text);
        }
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        };
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
    }
}
