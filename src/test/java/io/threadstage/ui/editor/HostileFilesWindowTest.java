package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Scenario;
import io.threadstage.model.Step;
import io.threadstage.ui.MainWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens what a student might send, through the real loader: every refused sample,
 * and files that are not documents at all (a pipe, a device, a folder, a huge file). Each one
 * gets our message naming the file, the open scenario stays, and nothing hangs: a pipe that
 * no one writes to would block a reader forever.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileFilesWindowTest {

    private static final Path INVALID = Path.of("src/test/resources/invalid");

    @TempDir
    Path home;

    private final Preferences prefs = Preferences.userRoot().node("io/threadstage/test-" + UUID.randomUUID());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final EditorViewModel editor = new EditorViewModel();
    private DocumentActions documents;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        documents = new DocumentActions(editor, new LibraryScenarioFiles(), dialogs, new RecentFiles(prefs),
                new Recovery(home), Runnable::run);
        MainWindow window = new MainWindow(editor, documents, new io.threadstage.ui.run.RunViewModel(new io.threadstage.ui.run.FileWork(javafx.application.Platform::runLater)));
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws Exception {
        prefs.removeNode();
    }

    /** Opens {@code file} as a drop or the recent list would, on the FX thread, within five seconds. */
    private boolean open(Path file) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> documents.open(file)).get(5, TimeUnit.SECONDS);
    }

    private Scenario lessonOpen() throws Exception {
        Scenario lesson = Scenario.empty("The lesson of the day").withMain(List.of(new Step.Print("kept")));
        WaitForAsyncUtils.asyncFx(() -> editor.open(lesson, null)).get(5, TimeUnit.SECONDS);
        return lesson;
    }

    @Test
    void everyRefusedSampleShowsItsMessageAndKeepsTheOpenScenario() throws Exception {
        Scenario lesson = lessonOpen();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(INVALID.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                expected.put(parts[0], parts[1]);
            }
        }
        List<String> wanted = new ArrayList<>();
        for (Map.Entry<String, String> sample : expected.entrySet()) {
            Path file = INVALID.resolve(sample.getKey());
            assertFalse(open(file), sample.getKey());
            wanted.add("Cannot open " + sample.getKey() + " | " + file + ": " + sample.getValue());
        }
        assertEquals(wanted, dialogs.errors);
        assertEquals(lesson, editor.getScenario());
        assertTrue(stage.isShowing());
    }

    @Test
    void filesThatAreNoDocumentAreRefusedAtOnce() throws Exception {
        Scenario lesson = lessonOpen();
        Path pipe = home.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        Path folder = Files.createDirectory(home.resolve("folder.json"));
        Path huge = home.resolve("huge.json");
        Files.write(huge, new byte[5 * 1024 * 1024]);
        Path garbage = home.resolve("garbage.json");
        Files.write(garbage, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path empty = Files.createFile(home.resolve("empty.json"));
        Path trace = home.resolve("run.json");
        Files.writeString(trace, "{\"format\":\"threadstage-trace/1\",\"title\":\"T\"}\n{\"ev\":\"end\",\"seq\":0}\n");

        List<Path> files = List.of(pipe, Path.of("/dev/zero"), folder, huge, garbage, empty, trace,
                home.resolve("missing.json"));
        for (Path file : files) {
            assertFalse(open(file), file.toString());
        }
        assertEquals(List.of(
                "Cannot open pipe.json | " + pipe + ": is not a regular file (a device, a pipe or a socket)",
                "Cannot open zero | /dev/zero: is not a regular file (a device, a pipe or a socket)",
                "Cannot open folder.json | " + folder + ": is a folder, not a scenario file",
                "Cannot open huge.json | " + huge + ": larger than 4 MiB (5242880 bytes)",
                "Cannot open garbage.json | " + garbage + ": byte offset 0: not valid UTF-8 (0x89)",
                "Cannot open empty.json | " + empty + ": the file is empty",
                "Cannot open run.json | " + trace + ": this is a trace (threadstage-trace/1), not a scenario:"
                        + " open it as a trace, or draw it with threadstage render",
                "Cannot open missing.json | " + home.resolve("missing.json") + ": no such file"),
                dialogs.errors);
        assertEquals(lesson, editor.getScenario());
        assertTrue(stage.isShowing());
    }
}
