package io.threadstage.ui;

import java.util.Arrays;
import java.util.prefs.Preferences;

/**
 * The window's layout kept between starts in the user's preferences (as the recent files are):
 * the dividers of both arrangements, stage focus and presentation, the theme and the text sizes.
 * A value that cannot be read is left at its default. Owned by the FX thread.
 */
public final class WindowPrefs {

    static final String EDITING_DIVIDERS = "layout.dividers.editing";
    static final String FOCUS_DIVIDERS = "layout.dividers.focus";
    static final String STAGE_FOCUS = "layout.stageFocus";
    static final String PRESENTATION = "layout.presentation";
    static final String HIGH_CONTRAST = "view.highContrast";
    static final String CODE_FONT = "view.codeFont";
    static final String CONSOLE_FONT = "view.consoleFont";

    private final Preferences store;

    public WindowPrefs(Preferences store) {
        this.store = store;
    }

    /** The app's own node of the user's preferences. */
    public static WindowPrefs forUser() {
        return new WindowPrefs(Preferences.userRoot().node("io/threadstage/window"));
    }

    /** Puts what the last start left into the window's settings and panes. */
    public void restore(MainWindow window) {
        ViewSettings view = window.viewSettings();
        view.highContrastProperty().set(store.getBoolean(HIGH_CONTRAST, false));
        view.codeFontProperty().set(ViewSettings.clamp(store.getDouble(CODE_FONT, ViewSettings.DEFAULT_FONT)));
        view.consoleFontProperty().set(ViewSettings.clamp(store.getDouble(CONSOLE_FONT, ViewSettings.DEFAULT_FONT)));
        // the arrangement first, then its dividers: an arrangement made after would lay its own over them
        window.presentationModeProperty().set(store.getBoolean(PRESENTATION, false));
        window.stageFocusProperty().set(store.getBoolean(STAGE_FOCUS, false));
        window.panes().restore(dividers(store.get(EDITING_DIVIDERS, null)), dividers(store.get(FOCUS_DIVIDERS, null)));
    }

    /** Keeps the window's layout for the next start. */
    public void save(MainWindow window) {
        ViewSettings view = window.viewSettings();
        store.putBoolean(HIGH_CONTRAST, view.highContrastProperty().get());
        store.putDouble(CODE_FONT, view.codeFontProperty().get());
        store.putDouble(CONSOLE_FONT, view.consoleFontProperty().get());
        store.put(EDITING_DIVIDERS, text(window.panes().dividers(false)));
        store.put(FOCUS_DIVIDERS, text(window.panes().dividers(true)));
        store.putBoolean(PRESENTATION, window.presentationModeProperty().get());
        store.putBoolean(STAGE_FOCUS, window.stageFocusProperty().get());
    }

    private static String text(double[] dividers) {
        return String.join(",", Arrays.stream(dividers).mapToObj(Double::toString).toList());
    }

    /** Dividers as saved, or null when the text is no list of positions between 0 and 1. */
    static double[] dividers(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double[] positions = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (double position : positions) {
                if (!(position > 0 && position < 1)) {
                    return null;
                }
            }
            return positions;
        } catch (NumberFormatException notPositions) {
            return null;
        }
    }
}
