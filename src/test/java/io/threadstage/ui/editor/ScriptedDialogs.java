package io.threadstage.ui.editor;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the file actions' questions from a script and remembers what was asked. */
final class ScriptedDialogs implements Dialogs {

    final Deque<Path> filesToOpen = new ArrayDeque<>();
    final Deque<Path> filesToSave = new ArrayDeque<>();
    final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    boolean recover;
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(Path folder) {
        asked.add("open");
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(Path suggested) {
        asked.add("save as " + suggested);
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public Unsaved askAboutUnsaved(String title) {
        asked.add("unsaved " + title);
        Unsaved answer = unsavedAnswers.poll();
        return answer == null ? Unsaved.CANCEL : answer;
    }

    @Override
    public boolean askToRecover(String description) {
        asked.add("recover " + description);
        return recover;
    }

    @Override
    public void showError(String heading, String message) {
        errors.add(heading + " | " + message);
    }
}
