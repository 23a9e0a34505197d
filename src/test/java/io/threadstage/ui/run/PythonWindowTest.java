package io.threadstage.ui.run;

import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadstage.pytrace.PythonTraceSession;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window running a Python program on CPython: lanes, code marks, console, Pause and Stop. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonWindowTest {

    @TempDir
    static Path home;
    @TempDir
    Path folder;

    private MainWindow window;
    private RunWiring wiring;

    /** Two threads take turns at a lock until stopped. */
    private static final String TURNS = """
            import threading
            import time
            lock = threading.Lock()
            def work():
                while True:
                    with lock:
                        time.sleep(0.2)
                    time.sleep(0.01)
            a = threading.Thread(target=work, name="Alice")
            b = threading.Thread(target=work, name="Bob")
            a.start()
            b.start()
            print("both started")
            a.join()
            """;
    private static final int HOLDING_LINE = 7;

    @BeforeAll
    static void needsPython() {
        boolean found;
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            found = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException absent) {
            found = false;
        }
        assumeTrue(found, "python3 is not on the PATH: this test runs a real Python program on it");
    }

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    @Test
    void aProgramOpenedInTheWindowRunsLiveAndStopEndsItsProcess(FxRobot robot) throws Exception {
        Scenario before = onFx(() -> window.editor().getScenario());
        Path file = folder.resolve("turns.py");
        Files.writeString(file, TURNS);
        onFx(() -> {
            window.openFile(file);
            return null;
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> wiring.stage().store().laneCount() == 3));
        TraceStore store = onFx(() -> wiring.stage().store());
        assertEquals(List.of("MainThread", "Alice", "Bob"),
                onFx(() -> store.lanes().stream().map(TraceStore.Lane::name).toList()));
        // one of them waits for the lock the other holds while it sleeps
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().recorder().orElseThrow()
                .events().stream().anyMatch(e -> e instanceof TraceEvent.State s && s.tid() > 0
                        && s.state() == ThreadState.WAITING && s.reason() == Reason.LOCK)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            List<CodeView.ThreadMark> holding = window.codeView().threadMarks().get(HOLDING_LINE);
            return holding != null && holding.size() == 1;
        }));
        Set<String> onTheSleep = onFx(() -> window.codeView().threadMarks().get(HOLDING_LINE).stream()
                .map(CodeView.ThreadMark::thread).collect(Collectors.toSet()));
        assertTrue(Set.of(Set.of("Alice"), Set.of("Bob")).contains(onTheSleep), onTheSleep.toString());

        // the code view is the program's own file, titled, and the editing tools are put away
        assertEquals(TURNS.lines().toList(), onFx(() -> window.codeView().getItems().stream()
                .map(CodeView.Line::text).toList()));
        Label title = robot.lookup("#code-title").queryAs(Label.class);
        assertTrue(title.isVisible());
        assertTrue(title.getText().startsWith("turns.py"), title.getText());
        assertTrue(robot.lookup("#outline").tryQuery().map(node -> node.getScene() == null || !visible(node))
                .orElse(true), "the outline is not offered for a program");
        assertTrue(onFx(() -> window.titleProperty().get()).startsWith("turns.py"));
        assertEquals(before, onFx(() -> window.editor().getScenario()), "the open scenario stays");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().consoleLines()
                .contains(new ConsoleLine("both started", false))));

        // Pause holds the process; Step is not offered for a program
        robot.clickOn("#pause-button");
        PythonTraceSession session = onFx(() -> (PythonTraceSession) wiring.controller().liveRun().orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, session::isPaused);
        assertEquals('T', PythonProgramRunTest.processState(session.pid()));
        assertTrue(robot.lookup("#step-button").queryAs(Button.class).isDisabled(), "a process cannot be stepped");
        assertEquals("paused", robot.lookup("#status-run").queryAs(Label.class).getText());

        // Stop ends it, paused as it is, within a second
        long pid = session.pid();
        robot.clickOn("#stop-button");
        assertTrue(session.awaitEnd(Duration.ofSeconds(1)), "the program ended within a second of Stop");
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "its process is gone");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !window.runningProperty().get()));
        assertEquals("stopped", robot.lookup("#status-run").queryAs(Label.class).getText());
        assertTrue(onFx(() -> window.codeView().threadMarks().isEmpty()), "no thread is on a line after the end");
        assertFalse(onFx(() -> wiring.controller().isRunning()));

        // Run runs the program again, not the scenario the editor holds behind it
        assertEquals("Run turns.py again on CPython, traced (F5)", RunWindowStage.runTip(robot));
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> wiring.controller().liveRun()
                .map(again -> again != session && again instanceof PythonTraceSession).orElse(false)));
        assertEquals(null, onFx(() -> wiring.controller().runScenarioProperty().get()), "no scenario ran");
        robot.clickOn("#stop-button");
        PythonTraceSession again = onFx(() -> (PythonTraceSession) wiring.controller().liveRun().orElseThrow());
        assertTrue(again.awaitEnd(Duration.ofSeconds(2)), "the second run ended after Stop");
    }

    private static boolean visible(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
