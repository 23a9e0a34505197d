package io.threadstage.ui.run;

import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window while a lesson is presented: the code stays readable, New starts clean, the status says all. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PresentWindowTest {

    /** Narrower than this, a generated line and its thread tags cannot be read. */
    private static final double READABLE_CODE = 280;
    private static final double READABLE_OUTLINE = 180;

    @TempDir
    static Path home;

    private MainWindow window;
    private RunWiring wiring;

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    private void openLesson(String id) throws Exception {
        var lesson = new ScenarioLoader().load("lesson:" + id);
        onFx(() -> {
            window.editor().open(lesson, null);
            return null;
        });
    }

    /** Presses a toolbar button as a click would, whichever window has the focus. */
    private static void fire(FxRobot robot, String query) throws Exception {
        javafx.scene.control.ButtonBase button = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
        onFx(() -> {
            button.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs the window's accelerator for {@code keys}, failing when there is none. */
    private void press(javafx.scene.input.KeyCombination keys) throws Exception {
        onFx(() -> {
            Runnable action = window.getScene().getAccelerators().get(keys);
            assertTrue(action != null, "a shortcut for " + keys);
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double width(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return onFx(() -> node.getLayoutBounds().getWidth());
    }

    private void settle() throws Exception {
        // the split pane places its dividers on the layout pass after a rearrangement
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> {
                window.getScene().getRoot().layout();
                return null;
            });
        }
    }

    @Test
    void theCodeStaysReadableInEveryLayout(FxRobot robot) throws Exception {
        openLesson("deadlock");
        settle();
        assertTrue(width(robot, "#code") >= READABLE_CODE, "editing: code " + width(robot, "#code"));
        fire(robot, "#run-button");
        settle();
        assertTrue(onFx(() -> window.stageFocusProperty().get()));
        assertTrue(width(robot, "#code") >= READABLE_CODE, "stage focus: code " + width(robot, "#code"));
        onFx(() -> {
            window.stageFocusProperty().set(false);
            return null;
        });
        settle();
        assertTrue(width(robot, "#outline") >= READABLE_OUTLINE, "focus off: outline " + width(robot, "#outline"));
        assertTrue(width(robot, "#code") >= READABLE_CODE, "focus off: code " + width(robot, "#code"));
        onFx(() -> {
            window.presentationModeProperty().set(true);
            return null;
        });
        settle();
        assertTrue(width(robot, "#code") >= READABLE_CODE, "presentation: code " + width(robot, "#code"));
        onFx(() -> {
            wiring.controller().stop();
            return null;
        });
    }

    /**
     * Stage focus gives the stage the editing tools' room and leaves the code as it was: the same
     * width and the same parent, so its lines are neither restyled nor wrapped anew in the pulse
     * of Run (they were, twice: once at a passing narrow width).
     */
    @Test
    void stageFocusLeavesTheCodeItsWidthAndPlace(FxRobot robot) throws Exception {
        openLesson("deadlock");
        settle();
        Node code = robot.lookup("#code").query();
        double editingWidth = width(robot, "#code");
        // the pane holds the code's column in a wrapper of its own
        javafx.scene.Parent parent = onFx(() -> code.getParent().getParent());
        java.util.List<Double> widths = new java.util.ArrayList<>();
        onFx(() -> {
            code.layoutBoundsProperty().addListener((obs, was, now) -> widths.add(now.getWidth()));
            window.stageFocusProperty().set(true);
            return null;
        });
        settle();
        assertEquals(editingWidth, width(robot, "#code"), 1.0, "stage focus: code");
        assertSame(parent, onFx(() -> code.getParent().getParent()), "the code keeps its place in the pane");
        assertTrue(widths.stream().allMatch(w -> Math.abs(w - editingWidth) <= 1.0), "the code passed through widths " + widths);
        onFx(() -> {
            window.stageFocusProperty().set(false);
            return null;
        });
        settle();
        // coming back, the pane lays the two new dividers out in turn and may leave the code a few
        // pixels narrower, at its minimum width; the way back is no run's first frame
        assertEquals(editingWidth, width(robot, "#code"), 5.0, "focus off: code");
        assertTrue(width(robot, "#outline") >= READABLE_OUTLINE, "focus off: outline " + width(robot, "#outline"));
        assertSame(parent, onFx(() -> code.getParent().getParent()));
    }

    @Test
    void newLeavesNothingOfTheLastRun(FxRobot robot) throws Exception {
        openLesson("producer-consumer");
        fire(robot, "#run-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && !wiring.console().texts().isEmpty()));
        fire(robot, "#new-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, onFx(() -> wiring.stage().store().eventCount()), "the stage is empty");
        assertTrue(onFx(() -> wiring.console().texts().isEmpty()), "the console is empty");
        assertEquals("", robot.lookup("#status-run").queryAs(Label.class).getText());
        assertFalse(onFx(() -> wiring.controller().hasFinishedRun()));
    }

    @Test
    void theDeadlockStatusShowsTheWholeCycleInPresentation(FxRobot robot) throws Exception {
        openLesson("deadlock");
        onFx(() -> {
            window.presentationModeProperty().set(true);
            return null;
        });
        fire(robot, "#run-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()
                && wiring.controller().statusProperty().get().startsWith("deadlock")));
        settle();
        Label status = robot.lookup("#status-run").queryAs(Label.class);
        String full = onFx(status::getText);
        assertTrue(full.length() > 40, full);
        // what is on screen: the label's own text node, not cut with an ellipsis
        String shown = onFx(() -> ((javafx.scene.text.Text) status.lookup(".text")).getText());
        assertEquals(full, shown, "the whole cycle is on screen, wrapped rather than cut");
    }

    @Test
    void everyCodeLineFitsTheCodeViewWrappingWhenLong(FxRobot robot) throws Exception {
        openLesson("deadlock");
        settle();
        Node code = robot.lookup("#code").query();
        double right = onFx(() -> code.localToScene(code.getLayoutBounds()).getMaxX());
        java.util.Set<javafx.scene.text.TextFlow> lines = robot.lookup("#code .code-text").queryAllAs(
                javafx.scene.text.TextFlow.class);
        assertFalse(lines.isEmpty());
        int wrapped = 0;
        double lineHeight = Double.MAX_VALUE;
        for (javafx.scene.text.TextFlow line : lines) {
            if (!line.isVisible() || line.getParent() == null || line.getScene() == null) {
                continue;
            }
            double lineRight = onFx(() -> line.localToScene(line.getLayoutBounds()).getMaxX());
            String text = onFx(() -> line.getChildren().stream().map(n -> ((javafx.scene.text.Text) n).getText())
                    .reduce("", String::concat));
            assertTrue(lineRight <= right + 0.5, "'" + text + "' ends at " + lineRight + ", the view at " + right);
            double height = onFx(line::getHeight);
            if (!text.isBlank()) {
                lineHeight = Math.min(lineHeight, height);
            }
            if (height > lineHeight * 1.6) {
                wrapped++;
            }
        }
        assertTrue(wrapped > 0, "a long line takes two rows");
    }

    @Test
    void theLayoutThemeAndTextSizesAreRememberedBetweenStarts(FxRobot robot) throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("io/threadstage/test-present-"
                + System.nanoTime());
        try {
            io.threadstage.ui.WindowPrefs prefs = new io.threadstage.ui.WindowPrefs(node);
            onFx(() -> {
                window.viewSettings().highContrastProperty().set(true);
                window.viewSettings().growText(2);
                window.stageFocusProperty().set(true);
                return null;
            });
            settle();
            double[] dividers;
            onFx(() -> {
                javafx.scene.control.SplitPane panes = panesAround(robot.lookup("#code").query());
                panes.setDividerPositions(0.6);
                return null;
            });
            settle();
            // where the pane let the divider go (the columns' minimum widths may hold it back)
            dividers = onFx(() -> (panesAround(robot.lookup("#code").query())).getDividerPositions());
            onFx(() -> {
                prefs.save(window);
                return null;
            });
            // the next start: a window as it first comes up, then what was kept
            onFx(() -> {
                window.viewSettings().highContrastProperty().set(false);
                window.viewSettings().growText(-2);
                window.stageFocusProperty().set(false);
                return null;
            });
            settle();
            onFx(() -> {
                new io.threadstage.ui.WindowPrefs(node).restore(window);
                return null;
            });
            settle();
            assertTrue(onFx(() -> window.viewSettings().highContrastProperty().get()));
            assertEquals(io.threadstage.ui.ViewSettings.DEFAULT_FONT + 4, onFx(() -> window.viewSettings().codeFontProperty().get()));
            assertTrue(onFx(() -> window.stageFocusProperty().get()));
            assertTrue(onFx(() -> wiring.stageControl().highContrastProperty().get()), "the stage follows the theme");
            // the pane places restored dividers on a later layout pass: on a loaded machine, a few frames on
            double wanted = dividers[0];
            java.util.function.Supplier<Double> restored = () -> {
                try {
                    return onFx(() -> (panesAround(robot.lookup("#code").query())).getDividerPositions()[0]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(restored.get() - wanted) <= 0.02);
            } catch (java.util.concurrent.TimeoutException late) {
                // fall through to the assertion, which names what the pane shows
            }
            assertEquals(wanted, restored.get(), 0.02, "the divider where it was left");
        } finally {
            node.removeNode();
        }
    }

    @Test
    void f1ShowsEveryShortcutAndCtrlEqualsEnlargesTheCode(FxRobot robot) throws Exception {
        // the window's own keys, as the scene would run them (no robot focus needed)
        press(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F1));
        java.util.Set<Label> labels = robot.lookup("#shortcut-sheet .label").queryAllAs(Label.class);
        java.util.List<String> texts = labels.stream().map(Label::getText).toList();
        for (String expected : new String[] {"F5", "F11", "Ctrl+O", "Ctrl+L", "F or 0", "L or End", "Ctrl+= / Ctrl+-",
            "drag, Left / Right, Shift+wheel"}) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        onFx(() -> {
            ((javafx.stage.Stage) robot.lookup("#shortcut-sheet").query().getScene().getWindow()).close();
            return null;
        });
        double before = onFx(() -> window.viewSettings().codeFontProperty().get());
        press(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.EQUALS,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        assertEquals(before + io.threadstage.ui.ViewSettings.FONT_STEP, onFx(() -> window.viewSettings().codeFontProperty().get()));
        assertTrue(onFx(() -> window.codeView().getStyle()).contains(Math.round(before + 2) + "px"));
        press(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F11));
        assertTrue(onFx(() -> window.presentationModeProperty().get()), "F11 turns Presentation on");
        press(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F11));
        assertFalse(onFx(() -> window.presentationModeProperty().get()), "and off again");
    }

    @Test
    void exportSlideWritesTheDeadlockAsOnePicture(FxRobot robot) throws Exception {
        openLesson("deadlock");
        fire(robot, "#run-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !wiring.controller().isRunning()));
        Path slide = home.resolve("deadlock-slide.png");
        onFx(() -> {
            wiring.exportSlide(io.threadstage.export.SlidePicture.Size.HD, slide);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(slide));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(slide.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        assertFalse(onFx(() -> wiring.controller().lastThreadMarks().isEmpty()), "the stuck threads keep their lines");
    }

    /** The split pane the code column sits in, however deep the column wraps the code view. */
    private static javafx.scene.control.SplitPane panesAround(Node code) {
        Node at = code;
        while (!(at instanceof javafx.scene.control.SplitPane)) {
            at = at.getParent();
        }
        return (javafx.scene.control.SplitPane) at;
    }
}
