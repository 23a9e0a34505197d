package io.threadstage.ui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The toolbar's View menu: the high-contrast stage, the code's and the console's text sizes,
 * and the sheet of keys. Items the run adds (Export Slide) go after a separator. Owned by the FX thread.
 */
final class ViewMenu {

    static final String ID = "view-menu";
    static final String HIGH_CONTRAST_ID = "high-contrast-item";

    private ViewMenu() {
    }

    static MenuButton of(ViewSettings view, Runnable showShortcuts) {
        MenuButton menu = new MenuButton("View");
        menu.setId(ID);
        CheckMenuItem contrast = new CheckMenuItem("High-contrast stage (projectors)");
        contrast.setId(HIGH_CONTRAST_ID);
        contrast.selectedProperty().bindBidirectional(view.highContrastProperty());
        MenuItem larger = item("Larger text\t(Ctrl+=)", () -> view.growText(1));
        MenuItem smaller = item("Smaller text\t(Ctrl+-)", () -> view.growText(-1));
        MenuItem codeLarger = item("Code larger", () -> view.codeFontProperty().set(
                ViewSettings.clamp(view.codeFontProperty().get() + ViewSettings.FONT_STEP)));
        MenuItem codeSmaller = item("Code smaller", () -> view.codeFontProperty().set(
                ViewSettings.clamp(view.codeFontProperty().get() - ViewSettings.FONT_STEP)));
        MenuItem consoleLarger = item("Console larger", () -> view.consoleFontProperty().set(
                ViewSettings.clamp(view.consoleFontProperty().get() + ViewSettings.FONT_STEP)));
        MenuItem consoleSmaller = item("Console smaller", () -> view.consoleFontProperty().set(
                ViewSettings.clamp(view.consoleFontProperty().get() - ViewSettings.FONT_STEP)));
        MenuItem keys = item("Keys and gestures\t(F1)", showShortcuts);
        menu.getItems().addAll(contrast, new SeparatorMenuItem(), larger, smaller, codeLarger, codeSmaller,
                consoleLarger, consoleSmaller, new SeparatorMenuItem(), keys);
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }
}
