package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Scenario;
import io.threadstage.model.WorkerStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentActionsTest {

    @TempDir
    Path home;

    private final Preferences prefs = Preferences.userRoot().node("io/threadstage/test-" + UUID.randomUUID());
    private final MemoryScenarioFiles files = new MemoryScenarioFiles();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final EditorViewModel editor = new EditorViewModel();
    private DocumentActions actions;
    private Recovery recovery;

    private DocumentActions actions() {
        if (actions == null) {
            recovery = new Recovery(home);
            actions = new DocumentActions(editor, files, dialogs, new RecentFiles(prefs), recovery, Runnable::run);
        }
        return actions;
    }

    @AfterEach
    void forgetPreferences() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aFileThatDoesNotLoadLeavesTheOpenScenarioAndSaysWhereItIsWrong() {
        editor.addResource("lock");
        Scenario before = editor.getScenario();
        files.failures.put("bad.json", "unknown verb \"sleeep\"");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.DISCARD);
        assertFalse(actions().open(Path.of("bad.json")));
        assertEquals(before, editor.getScenario());
        assertEquals(List.of("Cannot open bad.json | bad.json: $.main[0]: unknown verb \"sleeep\""), dialogs.errors);
    }

    @Test
    void aChosenFileThatIsNoScenarioGoesWhereItBelongsAndTheScenarioStays() {
        Scenario before = editor.getScenario();
        List<Path> elsewhere = new java.util.ArrayList<>();
        actions().openElsewhere(file -> file.toString().endsWith(".py") && elsewhere.add(file));
        dialogs.filesToOpen.add(Path.of("turns.py"));
        assertTrue(actions().open());
        assertEquals(List.of(Path.of("turns.py")), elsewhere, "a program goes to the run, not the editor");
        assertEquals(before, editor.getScenario());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void saveAsWritesTheChosenFileAndRemembersIt() {
        editor.addResource("lock");
        dialogs.filesToSave.add(Path.of("lesson"));
        assertTrue(actions().save());
        assertEquals(List.of("save as untitled.json"), dialogs.asked);
        assertEquals(editor.getScenario(), files.stored.get("lesson.json"));
        assertFalse(editor.isDirty());
        assertEquals(Path.of("lesson.json"), editor.getFile());
        assertEquals(Path.of("lesson.json").toAbsolutePath(), actions().recentFiles().get(0));
        editor.addResource("event");
        assertTrue(actions().save());
        assertEquals(editor.getScenario(), files.stored.get("lesson.json"));
    }

    @Test
    void aFailedSaveKeepsTheWorkUnsavedAndSaysWhy() {
        editor.addResource("lock");
        files.failures.put("save:x.json", "disk full");
        dialogs.filesToSave.add(Path.of("x.json"));
        assertFalse(actions().saveAs());
        assertTrue(editor.isDirty());
        assertEquals(List.of("Cannot save x.json | x.json: disk full"), dialogs.errors);
    }

    @Test
    void unsavedChangesAreAskedAboutAndCancelKeepsThem() {
        files.stored.put("a.json", Scenario.empty("A"));
        editor.addResource("lock");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.CANCEL);
        assertFalse(actions().open(Path.of("a.json")));
        assertEquals(List.of("unsaved Untitled"), dialogs.asked);
        assertTrue(editor.isDirty());
        assertFalse(actions().confirmClose());
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.DISCARD);
        assertTrue(actions().open(Path.of("a.json")));
        assertEquals("A", editor.getScenario().title());
    }

    @Test
    void savingBeforeClosingWhenAsked() {
        editor.addResource("lock");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.SAVE);
        dialogs.filesToSave.add(Path.of("kept.json"));
        assertTrue(actions().confirmClose());
        assertEquals(editor.getScenario(), files.stored.get("kept.json"));
    }

    @Test
    void autosaveWritesRecoveryThatIsOfferedBackAndCleanExitDeletesIt() throws Exception {
        Path work = home.resolve("work.json");
        files.stored.put(work.toString(), Scenario.empty("Work"));
        actions().open(work);
        actions().autosave();
        assertFalse(Files.exists(recovery.file()), "nothing unsaved, nothing written");
        editor.addWorker(WorkerStyle.TARGET);
        Scenario unsaved = editor.getScenario();
        actions().autosave();
        assertTrue(Files.exists(recovery.file()));

        // a new session on the same home finds it
        EditorViewModel next = new EditorViewModel();
        DocumentActions restarted = new DocumentActions(next, files, dialogs, new RecentFiles(prefs), new Recovery(home),
                Runnable::run);
        dialogs.recover = true;
        assertTrue(restarted.offerRecovery());
        assertEquals(unsaved, next.getScenario());
        assertTrue(next.isDirty());
        assertEquals(work, next.getFile());
        restarted.closed();
        assertFalse(Files.exists(recovery.file()));
    }

    @Test
    void declinedRecoveryIsDeleted() throws Exception {
        editor.addResource("lock");
        actions().autosave();
        dialogs.recover = false;
        assertFalse(actions().offerRecovery());
        assertFalse(Files.exists(recovery.file()));
    }

    @Test
    void aCleanSaveDeletesTheRecoveryFile() {
        editor.addResource("lock");
        actions().autosave();
        assertTrue(Files.exists(recovery.file()));
        dialogs.filesToSave.add(Path.of("s.json"));
        actions().save();
        assertFalse(Files.exists(recovery.file()));
    }

    @Test
    void recentFilesKeepTheLastEightMostRecentFirst() {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("f" + i + ".json"));
        }
        recent.add(Path.of("f5.json"));
        List<Path> list = recent.list();
        assertEquals(RecentFiles.LIMIT, list.size());
        assertEquals(Path.of("f5.json").toAbsolutePath(), list.get(0));
        assertEquals(Path.of("f9.json").toAbsolutePath(), list.get(1));
        assertFalse(list.contains(Path.of("f1.json").toAbsolutePath()));
    }

    @Test
    void lessonsOpenWithoutAFileSoSaveAsks() {
        files.stored.put("lesson:producer-consumer", Scenario.empty("Producer and consumer"));
        assertTrue(actions().openLesson(DocumentActions.DEFAULT_LESSON));
        assertEquals("lesson:producer-consumer", actions().sourceProperty().get());
        assertEquals(null, editor.getFile());
        dialogs.filesToSave.add(Path.of("pc.json"));
        assertTrue(actions().save());
        assertEquals(List.of("save as producer-and-consumer.json"), dialogs.asked);
    }
}
