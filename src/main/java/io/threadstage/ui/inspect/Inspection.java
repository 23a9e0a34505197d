package io.threadstage.ui.inspect;

import io.threadstage.io.PythonSource;
import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.run.ConsoleLine;
import io.threadstage.ui.run.RunViewModel;
import io.threadstage.ui.stage.CpuClock;
import io.threadstage.ui.stage.StageMode;
import io.threadstage.ui.stage.StageView;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.ToggleButton;

/**
 * What shows the instant the stage shows, besides the stage: the thread inspector, the console
 * and the code view's thread marks of that instant, and the time slider that moves it. {@link #pulse} runs once per frame after
 * the stage drew, reads the store and the stage's present, and moves each of them at most once;
 * the slider's moves become replay modes through the run's view model. Owned by the FX thread.
 */
public final class Inspection {

    /** Beyond this many threads the inspector is remade at most every {@link #MANY_THREADS_REFRESH_NANOS}. */
    static final int MANY_THREADS = StageView.MANY_LANES;
    static final long MANY_THREADS_REFRESH_NANOS = 250_000_000L;

    private final RunViewModel runs;
    private final StageView stage;
    private final ThreadInspector inspector = new ThreadInspector();
    private final InstantConsole console = new InstantConsole();
    private final ScrubBar scrub;
    private final ToggleButton shown = new ToggleButton("Threads");
    /** The replay speed last chosen (Replay menu), kept for a play after a pause or a scrub. */
    private double factor = 1.0;
    private long inspectedEvents = -1;
    private long inspectedInstant;
    private long inspectorNanos;
    /** When the inspector's table was last made (System.nanoTime). */
    private long inspectedAt;
    private TraceStore inspectedStore;
    private final OffStagePulse inspectorTurns = new OffStagePulse();
    private final Consumer<Map<Integer, List<CodeView.ThreadMark>>> marks;
    private Map<Integer, List<CodeView.ThreadMark>> shownMarks;

    /**
     * {@code marks} takes the code view's thread marks of a replay's instant, and the run's own
     * marks again when the replay ends.
     */
    public Inspection(RunViewModel runs, StageView stage, Consumer<Map<Integer, List<CodeView.ThreadMark>>> marks) {
        this.runs = runs;
        this.stage = stage;
        this.marks = marks;
        scrub = new ScrubBar(this::seek, this::toggle);
        shown.setId("inspector-toggle");
        shown.setSelected(true);
        shown.setFocusTraversable(false);
        inspector.visibleProperty().bind(shown.selectedProperty());
        inspector.managedProperty().bind(shown.selectedProperty());
        inspector.setPrefWidth(ThreadInspector.PREFERRED_WIDTH);
    }

    /** Once a frame, after the stage's pulse: the inspector, the console and the slider show the stage's instant. */
    public void pulse() {
        TraceStore store = stage.store();
        long present = stage.presentNanos();
        factor = Playhead.factor(stage.mode(), factor);
        console.show(store, present);
        long now = System.nanoTime();
        if (inspector.isVisible() && (store != inspectedStore || store.eventCount() != inspectedEvents
                || present != inspectedInstant) && (store != inspectedStore || now - inspectedAt >= refreshGap(store))
                && !waitForAPulseOfItsOwn(store)) {
            inspectedAt = now;
            inspectedStore = store;
            inspectedEvents = store.eventCount();
            inspectedInstant = present;
            long begun = CpuClock.nanos();
            inspector.show(ThreadTable.at(store, present));
            inspectorNanos += CpuClock.nanos() - begun;
        }
        showMarks(store, present);
        long start = store.startNanos();
        long end = store.endNanos();
        boolean scrubbable = !runs.isRunning() && store.eventCount() > 0;
        long at = Math.min(present, end);
        scrub.show(Math.max(0, at - start), Math.max(0, end - start), Playhead.playing(stage.mode()), scrubbable);
    }

    /**
     * How long the inspector keeps a table before it makes the next one. A few threads' rows move
     * every frame, as a teacher steps through them; a thousand threads' rows change every frame
     * and cannot be read at that pace anyway, while remaking them (a table of a thousand rows, its
     * visible cells relaid and restyled) cost a large share of a frame: four times a second.
     */
    static long refreshGap(TraceStore store) {
        return store.laneCount() > MANY_THREADS ? MANY_THREADS_REFRESH_NANOS : 0;
    }

    /** A crowd's table, once due, comes in a pulse the stage did not draw in ({@link OffStagePulse}). */
    private boolean waitForAPulseOfItsOwn(TraceStore store) {
        return refreshGap(store) > 0 && inspectorTurns.waitOne(stage.drewInLastPulse());
    }

    /** A replay's instant marks the code; outside a replay the run's own marks (live, or none) stand. */
    private void showMarks(TraceStore store, long present) {
        StageMode mode = stage.mode();
        if (mode instanceof StageMode.Replay || mode instanceof StageMode.Still) {
            Map<Integer, List<CodeView.ThreadMark>> now = InstantMarks.at(store, present, source());
            if (!now.equals(shownMarks)) {
                shownMarks = now;
                marks.accept(now);
            }
        } else if (shownMarks != null) {
            shownMarks = null;
            marks.accept(runs.threadMarksProperty().get());
        }
    }

    /** The Python of the run shown; none for an opened trace (the editor's scenario may not be its). */
    private PythonSource source() {
        return runs.runScenarioProperty().get() == null ? null : runs.runPython();
    }

    private void seek(long elapsedNanos) {
        TraceStore store = stage.store();
        long start = store.startNanos();
        long end = store.endNanos();
        long at = start + elapsedNanos;
        if (Playhead.playing(stage.mode()) && at < end) {
            runs.replayAt(Playhead.playFrom(at, start, end, factor, System.nanoTime()));
        } else {
            runs.replayAt(Playhead.holdAt(at, start, end, factor));
        }
    }

    /** Play or Pause: a paused or scrubbed replay plays on from its instant; a finished one from the start. */
    public void toggle() {
        TraceStore store = stage.store();
        long start = store.startNanos();
        long end = store.endNanos();
        long present = stage.presentNanos();
        if (Playhead.playing(stage.mode())) {
            runs.replayAt(Playhead.holdAt(present, start, end, factor));
        } else {
            runs.replayAt(Playhead.playFrom(present, start, end, factor, System.nanoTime()));
        }
    }

    /** CPU time spent on the thread inspector's table (computing it and showing it), summed over every pulse. */
    public long inspectorNanos() {
        return inspectorNanos;
    }

    public ThreadInspector inspector() {
        return inspector;
    }

    public ScrubBar scrubBar() {
        return scrub;
    }

    /** The console's rows at the stage's instant, for the window's console pane. */
    public ObservableList<ConsoleLine> consoleLines() {
        return console.lines();
    }

    /** The View toggle that shows or hides the inspector. */
    public ToggleButton inspectorToggle() {
        return shown;
    }
}
