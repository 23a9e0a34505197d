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
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.MainWindow;
import io.threadstage.ui.RunWiring;
import io.threadstage.ui.stage.ComparisonView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

/**
 * Run on CPython, the twin view: the open scenario on our core above and its generated Python on the
 * real python3 below, both finished, on one time scale, under their durations and ratio.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class TwinCompareTest {

    @TempDir
    static Path home;

    /** Two workers that sleep while main joins them: the same lanes on both interpreters. */
    private static final String NAPS = """
            {"format": "threadstage/1", "title": "Naps",
             "workers": [{"name": "Napper-A", "style": "target", "function": "nap",
                          "steps": [{"sleep": 200}]},
                         {"name": "Napper-B", "style": "target", "function": "nap",
                          "steps": [{"sleep": 300}]}],
             "main": [{"start": "Napper-A"}, {"start": "Napper-B"}, {"join": "Napper-A"}, {"join": "Napper-B"}]}
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
    void runOnCPythonShowsTheEmulatedAndTheRealRunWithBothDurationsAndTheirRatio(FxRobot robot) throws Exception {
        Scenario naps = new ScenarioLoader().parse("naps.json", NAPS.getBytes(StandardCharsets.UTF_8));
        onFx(() -> {
            window.editor().open(naps, null);
            return null;
        });
        robot.clickOn("#compare-menu");
        robot.clickOn("#compare-cpython");
        ComparisonView view = onFx(wiring::comparisonView);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        RunComparison comparison = onFx(() -> view.comparisonProperty().get());
        assertEquals(CompareRuns.EMULATED_LABEL, comparison.upper().label());
        assertEquals(CompareRuns.CPYTHON_LABEL, comparison.lower().label());
        TraceStore real = comparison.lower().store();
        assertEquals(Outcome.COMPLETED, real.outcome(), real.outcomeMessage());
        List<String> realLanes = real.lanes().stream().map(TraceStore.Lane::name).collect(Collectors.toList());
        assertEquals(List.of("MainThread", "Napper-A", "Napper-B"), realLanes, "CPython's threads, in order");
        List<String> emulatedLanes = comparison.upper().store().lanes().stream().map(TraceStore.Lane::name)
                .collect(Collectors.toList());
        assertEquals(realLanes, emulatedLanes, "the twin has the same lanes");
        // the longest nap is 0.3 s: neither run can be shorter
        long emulated = comparison.upper().durationNanos();
        long cpython = comparison.lower().durationNanos();
        assertTrue(emulated >= 300_000_000L && cpython >= 300_000_000L, emulated + " " + cpython);

        String expected = emulated <= cpython
                ? String.format(Locale.ROOT, "emulated: %.2f s, CPython: %.2f s, %.2fx", emulated / 1e9,
                        cpython / 1e9, (double) cpython / emulated)
                : String.format(Locale.ROOT, "CPython: %.2f s, emulated: %.2f s, %.2fx", cpython / 1e9,
                        emulated / 1e9, (double) emulated / cpython);
        Label summary = robot.lookup("#" + ComparisonView.SUMMARY_ID).queryAs(Label.class);
        assertEquals(expected, onFx(summary::getText));

        ComparisonStages stages = onFx(view::stages);
        assertNotNull(stages, "both rows drawn");
        StageLayout upper = stages.upperLayout();
        StageLayout lower = stages.lowerLayout();
        double upperScale = (double) (upper.endNanos - upper.startNanos) / upper.columns;
        double lowerScale = (double) (lower.endNanos - lower.startNanos) / lower.columns;
        assertEquals(upperScale, lowerScale, upperScale * 1e-3, "one time axis: nanoseconds per pixel column");
        assertTrue(onFx(() -> wiring.compareStage().isShowing()), "the comparison has its own window");
    }
}
