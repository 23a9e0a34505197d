package io.threadstage.ui.run;

import static io.threadstage.ui.run.RunWindowStage.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.ComparisonStages;
import io.threadstage.picture.RunComparison;
import io.threadstage.picture.StageLayout;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.stage.ComparisonView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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

/** Compare GIL on/off: the open scenario runs twice and both runs show stacked on one time scale, under the ratio. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompareTest {

    @TempDir
    static Path home;

    /** Two threads that only compute: with the GIL they take turns, free-threaded they run at once. */
    private static final String CRUNCH = """
            {"format": "threadstage/1", "title": "Crunch",
             "workers": [{"name": "A", "style": "target", "function": "crunch",
                          "steps": [{"repeat": 20, "do": [{"compute": 10}]}]},
                         {"name": "B", "style": "target", "function": "crunch",
                          "steps": [{"repeat": 20, "do": [{"compute": 10}]}]}],
             "main": [{"start": "A"}, {"start": "B"}, {"join": "A"}, {"join": "B"}]}
            """;

    private MainWindow window;
    private RunWiring wiring;

    @Start
    void start(Stage stage) {
        RunWindowStage shown = new RunWindowStage(stage, home);
        window = shown.window;
        wiring = shown.wiring;
    }

    @Test
    void comparesGilOnAndOffWithTheirRatioOnOneTimeScale(FxRobot robot) throws Exception {
        Scenario crunch = new ScenarioLoader().parse("crunch.json", CRUNCH.getBytes(StandardCharsets.UTF_8));
        onFx(() -> {
            window.editor().open(crunch, null);
            return null;
        });
        robot.clickOn("#compare-menu");
        robot.clickOn("#compare-gil");
        ComparisonView view = onFx(wiring::comparisonView);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> view.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        RunComparison comparison = onFx(() -> view.comparisonProperty().get());
        assertEquals("GIL", comparison.upper().label());
        assertEquals("free-threaded", comparison.lower().label());
        long gil = comparison.upper().durationNanos();
        long free = comparison.lower().durationNanos();
        String expected = gil >= free
                ? String.format(Locale.ROOT, "free-threaded: %.2f s, GIL: %.2f s, %.2fx", free / 1e9, gil / 1e9, (double) gil / free)
                : String.format(Locale.ROOT, "GIL: %.2f s, free-threaded: %.2f s, %.2fx", gil / 1e9, free / 1e9, (double) free / gil);
        Label summary = robot.lookup("#" + ComparisonView.SUMMARY_ID).queryAs(Label.class);
        assertEquals(expected, onFx(summary::getText));
        assertTrue(expected.matches("\\S+: \\d+\\.\\d\\d s, \\S+: \\d+\\.\\d\\d s, \\d+\\.\\d\\dx"), expected);

        ComparisonStages stages = onFx(view::stages);
        assertNotNull(stages, "both stages drawn");
        StageLayout upper = stages.upperLayout();
        StageLayout lower = stages.lowerLayout();
        double upperScale = (double) (upper.endNanos - upper.startNanos) / upper.columns;
        double lowerScale = (double) (lower.endNanos - lower.startNanos) / lower.columns;
        assertEquals(upperScale, lowerScale, upperScale * 1e-3, "one time scale: nanoseconds per pixel column");
        assertEquals(upper.plotX, lower.plotX, "one scenario: the plots start at the same x, so the axes line up");
        // the longer run fits its stage; each stage starts at its own run's start
        long longest = Math.max(gil, free);
        assertTrue(upper.endNanos - upper.startNanos >= longest && lower.endNanos - lower.startNanos >= longest);
        assertEquals(comparison.upper().store().startNanos(), upper.startNanos);
        assertEquals(comparison.lower().store().startNanos(), lower.startNanos);
        assertTrue(onFx(() -> wiring.compareStage().isShowing()), "the comparison has its own window");
    }
}
