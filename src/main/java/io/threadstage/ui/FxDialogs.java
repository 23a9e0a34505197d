package io.threadstage.ui;

import io.threadstage.ui.editor.Dialogs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file actions' questions as modal dialogs over the main window. FX thread. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path folder) {
        FileChooser chooser = chooser("Open a scenario, a Python program or a trace", folder);
        chooser.getExtensionFilters().add(0, new FileChooser.ExtensionFilter(
                "Scenarios, Python programs, traces (*.json, *.py, *.jsonl, *.jfr)", "*.json", "*.py", "*.jsonl", "*.jfr"));
        chooser.getExtensionFilters().add(2, new FileChooser.ExtensionFilter("Python programs (*.py)", "*.py"));
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(Path suggested) {
        FileChooser chooser = chooser("Save scenario", suggested.toAbsolutePath().getParent());
        chooser.setInitialFileName(suggested.getFileName().toString());
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Unsaved askAboutUnsaved(String title) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "\u201c" + title + "\u201d has changes that are not saved. Save them first?");
        alert.getButtonTypes().setAll(save, discard, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? Unsaved.SAVE : answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public boolean askToRecover(String description) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Recover unsaved work",
                "The last session ended without saving " + description + ". Restore that work?");
        alert.getButtonTypes().setAll(restore, discard);
        return alert.showAndWait().orElse(discard) == restore;
    }

    @Override
    public void showError(String heading, String message) {
        alert(Alert.AlertType.ERROR, heading, message).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String heading, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(heading);
        alert.setHeaderText(heading);
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("dialog-message");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinWidth(560);
        return alert;
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
