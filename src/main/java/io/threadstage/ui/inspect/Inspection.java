package io.threadstage.ui.inspect;

import io.threadstage.trace.ThreadTable;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.run.ConsoleLine;
import io.threadstage.ui.run.RunViewModel;
import io.threadstage.ui.stage.StageView;
import javafx.collections.ObservableList;
import javafx.scene.control.ToggleButton;

/**
 * What shows the instant the stage shows, besides the stage: the thread inspector, the console
 * of that instant and the time slider that moves it. {@link #pulse} runs once per frame after
 * the stage drew, reads the store and the stage's present, and moves each of them at most once;
 * the slider's moves become replay modes through the run's view model. Owned by the FX thread.
 */
public final class Inspection {

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
    private TraceStore inspectedStore;

    public Inspection(RunViewModel runs, StageView stage) {
        this.runs = runs;
        this.stage = stage;
        scrub = new ScrubBar(this::seek, this::toggle);
        shown.setId("inspector-toggle");
        shown.setSelected(true);
        shown.setFocusTraversable(false);
        inspector.visibleProperty().bind(shown.selectedProperty());
        inspector.managedProperty().bind(shown.selectedProperty());
        inspector.setPrefWidth(ThreadInspector.PREFERRED_WIDTH);
        inspector.setMinWidth(ThreadInspector.MINIMUM_WIDTH);
    }

    /** Once a frame, after the stage's pulse: the inspector, the console and the slider show the stage's instant. */
    public void pulse() {
        TraceStore store = stage.store();
        long present = stage.presentNanos();
        factor = Playhead.factor(stage.mode(), factor);
        console.show(store, present);
        if (inspector.isVisible() && (store != inspectedStore || store.eventCount() != inspectedEvents
                || present != inspectedInstant)) {
            inspectedStore = store;
            inspectedEvents = store.eventCount();
            inspectedInstant = present;
            inspector.show(ThreadTable.at(store, present));
        }
        long start = store.startNanos();
        long end = store.endNanos();
        boolean scrubbable = !runs.isRunning() && store.eventCount() > 0;
        long at = Math.min(present, end);
        scrub.show(Math.max(0, at - start), Math.max(0, end - start), Playhead.playing(stage.mode()), scrubbable);
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
