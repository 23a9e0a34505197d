package io.threadstage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.text.Text;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's first frame: the opening screen is laid out and on screen before the workbench's
 * work begins, and that work runs once, on the FX thread, after the frame.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpeningScreenTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** What the scene looked like when the action after the first frame ran. */
    private record Seen(boolean fxThread, boolean showing, Parent root, double labelWidth, int layoutPasses) {
    }

    @Test
    void theWorkbenchIsBuiltOnceAfterTheOpeningScreensFirstFrame() throws Exception {
        List<Seen> seen = new ArrayList<>();
        AtomicReference<Parent> opening = new AtomicReference<>();
        int[] layoutPasses = {0};
        Parent workbench = onFx(() -> {
            Parent root = OpeningScreen.root();
            opening.set(root);
            Scene scene = new Scene(root, 800, 600);
            scene.addPostLayoutPulseListener(() -> layoutPasses[0]++);
            Text label = (Text) root.lookup(".opening-label");
            Parent built = new StackPane(new Label("workbench"));
            OpeningScreen.afterNextFrame(scene, () -> {
                seen.add(new Seen(Platform.isFxApplicationThread(), stage.isShowing(), scene.getRoot(),
                        label.getLayoutBounds().getWidth(), layoutPasses[0]));
                scene.setRoot(built);
            });
            stage.setScene(scene);
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !seen.isEmpty()));
        // more frames (the workbench's own) must not run the action again
        int passesThen = onFx(() -> layoutPasses[0]);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            Platform.requestNextPulse();
            return layoutPasses[0] >= passesThen + 3;
        }));

        List<Seen> calls = onFx(() -> List.copyOf(seen));
        assertEquals(1, calls.size(), "the action runs once: " + calls);
        Seen first = calls.get(0);
        assertTrue(first.fxThread(), "on the FX thread");
        assertTrue(first.showing(), "the window was on screen before the workbench was built");
        assertSame(opening.get(), first.root(), "the frame before showed the opening screen");
        assertTrue(first.layoutPasses() >= 1, "after a laid-out frame, not before: " + first.layoutPasses());
        assertTrue(first.labelWidth() > 0, "the opening line was laid out in that frame: " + first.labelWidth());
        assertSame(workbench, onFx(() -> stage.getScene().getRoot()), "the workbench replaced the opening screen");
    }

    @Test
    void theOpeningScreenIsAFewNodes() throws Exception {
        int nodes = onFx(() -> count(OpeningScreen.root()));
        // the point of the first frame is that its CSS and layout cost nothing next to the workbench's
        assertTrue(nodes <= 3, "nodes before skins: " + nodes);
    }

    @Test
    void theOpeningScreenHasNoControl() throws Exception {
        // a control's class loads the platform's stylesheet and its skin: work for the workbench, after the first frame
        List<Node> controls = onFx(() -> {
            List<Node> found = new ArrayList<>();
            collect(OpeningScreen.root(), node -> node instanceof Control, found);
            return found;
        });
        assertEquals(List.of(), controls);
    }

    private static void collect(Node node, java.util.function.Predicate<Node> wanted, List<Node> found) {
        if (wanted.test(node)) {
            found.add(node);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, wanted, found));
        }
    }

    private static int count(Parent parent) {
        int nodes = 1;
        for (var child : parent.getChildrenUnmodifiable()) {
            nodes += child instanceof Parent inner ? count(inner) : 1;
        }
        return nodes;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
