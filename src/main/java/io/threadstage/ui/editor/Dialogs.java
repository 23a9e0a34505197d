package io.threadstage.ui.editor;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the file actions ask the teacher. The window answers with real dialogs; tests
 * answer with scripted replies, so no test ever waits on a modal window. FX thread.
 */
public interface Dialogs {

    enum Unsaved { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseFileToOpen(Path folder);

    Optional<Path> chooseFileToSave(Path suggested);

    /** Unsaved changes to {@code title}: save them, throw them away, or stay. */
    Unsaved askAboutUnsaved(String title);

    /** A previous session ended without saving {@code description}: restore it? */
    boolean askToRecover(String description);

    void showError(String heading, String message);
}
