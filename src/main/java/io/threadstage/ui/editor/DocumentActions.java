package io.threadstage.ui.editor;

import io.threadstage.io.ScenarioException;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * New, Open, Save, Save As, recent files, the unsaved-changes question and the autosave, on
 * top of the view model. A file that does not load leaves the open scenario as it was and says
 * why, naming the file and the place. Saves are atomic ({@link ScenarioFiles#save}). Owned by
 * the FX thread; autosave writes run on {@code background}.
 */
public final class DocumentActions {

    public static final String DEFAULT_LESSON = "lesson:producer-consumer";

    private final EditorViewModel editor;
    private final ScenarioFiles files;
    private final Dialogs dialogs;
    private final RecentFiles recent;
    private final Recovery recovery;
    private final Executor background;
    private final ObservableList<Path> recentList = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source");
    private Scenario autosaved;
    /** Opens a chosen file that is no scenario (a program, a trace) elsewhere, answering whether it did. */
    private java.util.function.Predicate<Path> elsewhere = file -> false;

    public DocumentActions(EditorViewModel editor, ScenarioFiles files, Dialogs dialogs, RecentFiles recent,
                           Recovery recovery, Executor background) {
        this.editor = editor;
        this.files = files;
        this.dialogs = dialogs;
        this.recent = recent;
        this.recovery = recovery;
        this.background = background;
        recentList.setAll(recent.list());
        editor.fileProperty().addListener((obs, was, now) -> {
            if (now != null) {
                source.set(now.toString());
            }
        });
    }

    /** Files opened or saved lately, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentList;
    }

    /** Where the open scenario came from: a file, {@code lesson:ID}, or null for a new one. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public boolean newScenario() {
        if (!mayReplace()) {
            return false;
        }
        editor.open(Scenario.empty("Untitled"), null);
        source.set(null);
        return true;
    }

    /** Asks for a file and opens it. */
    public boolean open() {
        if (!mayReplace()) {
            return false;
        }
        Path folder = editor.getFile() != null ? editor.getFile().toAbsolutePath().getParent() : null;
        return dialogs.chooseFileToOpen(folder).map(file -> elsewhere.test(file) || load(file)).orElse(false);
    }

    /** Where a chosen file that is no scenario goes: {@code opener} opens it and answers true, or answers false. */
    public void openElsewhere(java.util.function.Predicate<Path> opener) {
        this.elsewhere = opener;
    }

    /** Opens a file given by name (command line, recent list, a file dropped on the window). */
    public boolean open(Path file) {
        return mayReplace() && load(file);
    }

    /** Opens a built-in lesson; saving it asks for a file. */
    public boolean openLesson(String lesson) {
        if (!mayReplace()) {
            return false;
        }
        try {
            editor.open(files.load(lesson), null);
            source.set(lesson);
            return true;
        } catch (ScenarioException bad) {
            dialogs.showError("Cannot open " + lesson, bad.getMessage());
            return false;
        }
    }

    private boolean load(Path file) {
        try {
            Scenario opened = files.load(file);
            editor.open(opened, file);
            recentList.setAll(recent.add(file));
            return true;
        } catch (ScenarioException bad) {
            dialogs.showError("Cannot open " + file.getFileName(), bad.getMessage());
            if (!Files.exists(file)) {
                recentList.setAll(recent.remove(file));
            }
            return false;
        }
    }

    public boolean save() {
        Path file = editor.getFile();
        return file == null ? saveAs() : write(file);
    }

    public boolean saveAs() {
        Path suggested = editor.getFile() != null ? editor.getFile()
                : Path.of(slug(editor.getScenario().title()) + ".json");
        Optional<Path> chosen = dialogs.chooseFileToSave(suggested);
        if (chosen.isEmpty()) {
            return false;
        }
        Path file = chosen.get();
        if (!file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + ".json");
        }
        return write(file);
    }

    private boolean write(Path file) {
        try {
            files.save(editor.getScenario(), file);
        } catch (IOException | RuntimeException failed) {
            dialogs.showError("Cannot save " + file.getFileName(), file + ": " + failed.getMessage());
            return false;
        }
        editor.markSaved(file);
        recentList.setAll(recent.add(file));
        recovery.clear();
        autosaved = null;
        return true;
    }

    /** Before the window closes: true when it may (saved, discarded, or nothing to lose). */
    public boolean confirmClose() {
        return mayReplace();
    }

    /** The window closed cleanly: nothing is left to recover. */
    public void closed() {
        recovery.clear();
    }

    /** Writes unsaved work to the recovery file, if it changed since the last autosave. */
    public void autosave() {
        Scenario now = editor.getScenario();
        if (!editor.isDirty() || now.equals(autosaved)) {
            return;
        }
        autosaved = now;
        String json = files.toJson(now);
        Path original = editor.getFile();
        background.execute(() -> {
            try {
                recovery.write(json, original);
            } catch (IOException unwritable) {
                // the next autosave tries again; the open scenario is untouched
            }
        });
    }

    /** At start: offers the work a session that did not end cleanly left behind. */
    public boolean offerRecovery() {
        Optional<Recovery.Pending> pending = recovery.pending();
        if (pending.isEmpty()) {
            return false;
        }
        Recovery.Pending left = pending.get();
        Scenario recovered;
        try {
            recovered = files.parse(recovery.file().toString(), left.document());
        } catch (ScenarioException unreadable) {
            recovery.clear();
            return false;
        }
        String what = "\u201c" + recovered.title() + "\u201d" + (left.original() == null ? "" : " (" + left.original() + ")");
        if (!dialogs.askToRecover(what)) {
            recovery.clear();
            return false;
        }
        Scenario original = Scenario.empty("Untitled");
        Path from = null;
        if (left.original() != null) {
            try {
                original = files.load(left.original());
                from = left.original();
            } catch (ScenarioException changedSince) {
                // the file no longer loads: the recovered work becomes a new, unsaved scenario
            }
        }
        editor.recover(recovered, original, from);
        source.set(from == null ? null : from.toString());
        return true;
    }

    private boolean mayReplace() {
        if (!editor.isDirty()) {
            return true;
        }
        return switch (dialogs.askAboutUnsaved(editor.getScenario().title())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    static String slug(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "scenario" : slug;
    }
}
