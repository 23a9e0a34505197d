package io.threadstage.ui.stage;

import io.threadstage.export.Java2dFramePainter;
import io.threadstage.export.PngPicture;
import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageHover;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.StageRoom;
import io.threadstage.picture.Viewport;
import io.threadstage.trace.TraceStore;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The stage: one swimlane per thread of a run, drawn on a {@link Canvas}, with arrows for
 * joins, lock handoffs, wake-ups and put-to-get feeds, queue and GIL strips, markers and a
 * legend. What it does is one {@link StageMode}. Live: the window's pulse fills the
 * {@link TraceStore} from the run and calls {@link #pulse}, and the view follows the present
 * until the user zooms or pans. Afterwards ({@link #show(TraceStore)}): zoom (wheel, pinch, {@code +}/{@code -}),
 * fit ({@code F} or {@code 0}), pan (drag, arrow keys), scroll lanes ({@code Up}/{@code Down},
 * {@code PageUp}/{@code PageDown}), follow the present again ({@code L} or {@code End});
 * {@link #replay(double)} plays a finished run again. Hovering shows the interval or marker
 * under the pointer. A frame is drawn only when something changed. The view has no timer of its
 * own: its owner's pulse (one for the window) calls {@link #pulse} once per frame.
 *
 * <p>Thread: the FX thread only.
 */
public class StageView extends Region {

    public static final String STYLE_CLASS = "stage-view";
    /**
     * Beyond this many lanes a run is a crowd: a moving picture of it (a run going on, a replay)
     * is drawn on every other pulse, and the inspector and the code view's marks follow it less
     * often (they use this threshold too).
     */
    public static final int MANY_LANES = 64;
    /**
     * The least time between two frames of a moving picture of many lanes: with pulses on time
     * (60 a second) every other one draws, the 30 frames a second a screencast records. A
     * thousand lanes cost the renderer more than a pulse's share of one core in the software
     * pipeline; drawn on every pulse, the window's pulses fell behind while the run took the
     * other core, and the toolbar, the code view and the inspector answered late with them.
     */
    static final long MANY_LANES_FRAME_NANOS = 25_000_000L;
    public static final String HOVER_STYLE_CLASS = "stage-hover";
    public static final String DEFAULT_STYLESHEET = StageColours.DEFAULT_STYLESHEET;
    public static final String HIGH_CONTRAST_STYLESHEET = StageColours.HIGH_CONTRAST_STYLESHEET;

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final Region[] swatches = StagePalette.swatches();
    private final StageFrame frame = new StageFrame();
    private final FrameBuilder builder = new FrameBuilder();
    private final CanvasFramePainter painter = new CanvasFramePainter();
    private final Viewport viewport = new Viewport();
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    /** The lesson's text, drawn under the legend when the lanes leave room for it. */
    private final StringProperty caption = new SimpleStringProperty(this, "caption", null);

    private StagePalette palette = StagePalette.defaults();
    private boolean paletteStale = true;
    private TraceStore store = new TraceStore();
    private StageMode mode = new StageMode.WholeRun(null);
    /** {@link #mode} for listeners: a replay the view ends by itself is seen by its control. */
    private final ReadOnlyObjectWrapper<StageMode> modeShown = new ReadOnlyObjectWrapper<>(this, "mode", mode);
    /** Events of a live store drawn so far: a pulse that finds more draws again. */
    private long eventsSeen;
    private long present = Long.MAX_VALUE;
    private int firstLane;
    private StageRoom room = StageRoom.NONE;
    private boolean dirty = true;
    private StageLayout layout;
    private Point2D dragFrom;
    private long framesPainted;
    /** When {@link #pulse} last drew a frame (its {@code wallNanos}). */
    private long pulsePaintedAt;
    private boolean pulsePainted;
    /** Whether the last {@link #pulse} drew a frame. */
    private boolean drewInLastPulse;
    private long buildNanos;
    private long paintNanos;

    public StageView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(stylesheet(false));
        hover.getStyleClass().add(HOVER_STYLE_CLASS);
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hoverStyle();
        getChildren().add(canvas);
        getChildren().addAll(swatches);
        getChildren().add(hover);
        setFocusTraversable(true);
        setMinSize(320, 200);
        setPrefSize(1600, 900);
        presentation.addListener((o, was, is) -> {
            hoverStyle();
            markDirty();
        });
        title.addListener((o, was, is) -> markDirty());
        caption.addListener((o, was, is) -> markDirty());
        highContrast.addListener((o, was, is) -> {
            getStylesheets().setAll(stylesheet(is));
            paletteStale = true;
            markDirty();
        });
        setOnScroll(this::onScroll);
        setOnZoom(this::onZoom);
        setOnMousePressed(e -> {
            requestFocus();
            dragFrom = new Point2D(e.getX(), e.getY());
        });
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(e -> dragFrom = null);
        setOnMouseMoved(this::onHover);
        setOnMouseExited(e -> hover.setVisible(false));
        setOnKeyPressed(this::onKey);
    }

    private void hoverStyle() {
        hover.setStyle("-fx-background-color: rgba(255,255,255,0.96); -fx-border-color: #1a1a1a; -fx-padding: 6 9;"
                + " -fx-text-fill: #1a1a1a; -fx-font-size: " + (isPresentation() ? 18 : 14) + "px;");
    }

    private static String stylesheet(boolean highContrast) {
        return Objects.requireNonNull(StageView.class.getResource(
                highContrast ? HIGH_CONTRAST_STYLESHEET : DEFAULT_STYLESHEET), "stage stylesheet missing").toExternalForm();
    }

    // ---- what is shown -------------------------------------------------------------------

    /** What the stage does now. */
    public StageMode mode() {
        return mode;
    }

    /**
     * Switches what the stage does: a live run's store, a replay or a still frame of the trace
     * shown, or a whole trace (fitted to the view).
     */
    public void setMode(StageMode next) {
        if (next instanceof StageMode.Live live) {
            store = live.store();
            eventsSeen = -1;
            present = 0;
            firstLane = 0;
            viewport.follow();
            viewport.present(0, 0);
        } else if (next instanceof StageMode.Replay) {
            present = store.startNanos();
            viewport.follow();
        } else if (next instanceof StageMode.Still still) {
            present = still.presentNanos();
            viewport.follow();
            viewport.present(store.startNanos(), present);
        } else if (next instanceof StageMode.WholeRun whole) {
            if (whole.store() != null) {
                room = StageRoom.NONE;
                store = whole.store();
                firstLane = 0;
            }
            present = Long.MAX_VALUE;
            if (whole.store() != null) {
                fit();
            }
        }
        mode = next;
        modeShown.set(next);
        markDirty();
    }

    /** What the stage does now, as a property: changes by {@link #setMode} and when a replay ends by itself. */
    public ReadOnlyObjectProperty<StageMode> modeProperty() {
        return modeShown.getReadOnlyProperty();
    }

    /** Shows a run as it happens: the owner's pulse fills {@code live} from the run; the view follows the present. */
    public void showLive(TraceStore live, java.util.function.LongSupplier clock) {
        setMode(new StageMode.Live(live, clock));
    }

    /**
     * Sizes the lanes of the runs attached from now on for {@code expected}, so they keep their
     * size while the run's threads appear; a trace shown whole forgets it.
     */
    public void makeRoomFor(StageRoom expected) {
        room = expected;
        markDirty();
    }

    /** Shows a finished (or loaded) trace, fitted to the view. */
    public void show(TraceStore finished) {
        setMode(new StageMode.WholeRun(finished));
    }

    /**
     * Plays the current trace again from its start, the present advancing at {@code factor}
     * times the wall clock (0.25, 0.5, 1 ...); the view follows it.
     */
    public void replay(double factor) {
        setMode(StageMode.Replay.from(factor));
    }

    /**
     * Shows what a replay at {@code factor} shows when its present is {@code presentNanos}, and
     * stays there: a clip's frame. The view follows that present as a replay does.
     */
    public void replayStill(long presentNanos, double factor) {
        setMode(new StageMode.Still(presentNanos, factor));
    }

    /** Ends a replay, showing the whole run. */
    public void stopReplay() {
        setMode(new StageMode.WholeRun(null));
    }

    public boolean replaying() {
        return mode instanceof StageMode.Replay;
    }

    public TraceStore store() {
        return store;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** The layout of the last frame drawn (null before the first). */
    public StageLayout stageLayout() {
        return layout;
    }

    /** How many frames were painted: unchanged pulses paint none. */
    public long framesPainted() {
        return framesPainted;
    }

    /** CPU time spent building frames ({@link FrameBuilder}), summed over every frame painted. */
    public long buildNanos() {
        return buildNanos;
    }

    /** CPU time spent recording frames' canvas commands ({@link CanvasFramePainter}), summed. */
    public long paintNanos() {
        return paintNanos;
    }

    /** The newest instant shown: the run's present while live or replaying, else {@link Long#MAX_VALUE}. */
    public long presentNanos() {
        return present;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public boolean isPresentation() {
        return presentation.get();
    }

    public void setPresentation(boolean value) {
        presentation.set(value);
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public boolean isHighContrast() {
        return highContrast.get();
    }

    public void setHighContrast(boolean value) {
        highContrast.set(value);
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public void setCaption(String value) {
        caption.set(value);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public void setTitle(String value) {
        title.set(value);
    }

    // ---- navigation ----------------------------------------------------------------------

    /** Fits the whole run (up to the present) into the view; stops following. */
    public void fit() {
        viewport.takeOver();
        long end = Math.min(present, store.endNanos());
        viewport.fit(store.startNanos(), Math.max(end, store.startNanos() + 1));
        markDirty();
    }

    /** Follows the present again (live or replay). */
    public void follow() {
        viewport.follow();
        markDirty();
    }

    /** Zooms by {@code factor} (> 1 in) around the pointer's {@code x}. */
    public void zoom(double factor, double x) {
        viewport.zoom(factor, anchor(x));
        markDirty();
    }

    /** Pans by {@code fraction} of the width (positive: later). */
    public void pan(double fraction) {
        viewport.pan(fraction);
        markDirty();
    }

    /** Scrolls the lanes so {@code lane} is at the top. */
    public void scrollToLane(int lane) {
        firstLane = Math.max(0, Math.min(lane, store.laneCount() - 1));
        markDirty();
    }

    private double anchor(double x) {
        StageLayout l = layout;
        if (l == null) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (x - l.plotX) / l.columns));
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double delta = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            pan(-delta / Math.max(1, getWidth()));
        } else if (e.getDeltaY() != 0) {
            zoom(Math.pow(1.005, e.getDeltaY()), e.getX());
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        if (e.getZoomFactor() > 0) {
            zoom(e.getZoomFactor(), e.getX());
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (dragFrom == null || layout == null) {
            return;
        }
        double dx = e.getX() - dragFrom.getX();
        double dy = e.getY() - dragFrom.getY();
        if (dx != 0) {
            pan(-dx / layout.columns);
        }
        int lanes = (int) (dy / layout.laneHeight);
        if (lanes != 0) {
            scrollToLane(firstLane - lanes);
            dragFrom = new Point2D(e.getX(), dragFrom.getY() + lanes * layout.laneHeight);
        }
        dragFrom = new Point2D(e.getX(), dragFrom.getY());
        hover.setVisible(false);
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        String text = e.getText();
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS || "+".equals(text)) {
            zoom(1.5, centerX());
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT || "-".equals(text)) {
            zoom(1 / 1.5, centerX());
        } else if (code == KeyCode.F || code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fit();
        } else if (code == KeyCode.LEFT) {
            pan(-0.1);
        } else if (code == KeyCode.RIGHT) {
            pan(0.1);
        } else if (code == KeyCode.UP) {
            scrollToLane(firstLane - 1);
        } else if (code == KeyCode.DOWN) {
            scrollToLane(firstLane + 1);
        } else if (code == KeyCode.PAGE_UP) {
            scrollToLane(firstLane - Math.max(1, layout == null ? 1 : layout.visibleLanes - 1));
        } else if (code == KeyCode.PAGE_DOWN) {
            scrollToLane(firstLane + Math.max(1, layout == null ? 1 : layout.visibleLanes - 1));
        } else if (code == KeyCode.L || code == KeyCode.END) {
            follow();
        } else {
            return;
        }
        e.consume();
    }

    private double centerX() {
        return layout == null ? getWidth() / 2 : layout.plotX + layout.columns / 2.0;
    }

    private void onHover(MouseEvent e) {
        String text = layout == null ? null : StageHover.describe(store, layout, e.getX(), e.getY(), present);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 18;
        if (x + hover.getWidth() > getWidth()) {
            x = e.getX() - 12 - hover.getWidth();
        }
        if (y + hover.getHeight() > getHeight()) {
            y = e.getY() - 12 - hover.getHeight();
        }
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    // ---- frames --------------------------------------------------------------------------

    /**
     * One frame of the owner's pulse: advance the present of a live run (whose store the pulse
     * has just filled) or of a replay, and draw if anything changed.
     */
    public void pulse(long wallNanos) {
        drewInLastPulse = false;
        boolean moving = false;
        if (mode instanceof StageMode.Live live) {
            boolean grew = store.eventCount() != eventsSeen;
            eventsSeen = store.eventCount();
            boolean ended = store.outcome() != null;
            long now = ended ? store.endNanos() : Math.max(store.endNanos(), live.clock().getAsLong());
            long newPresent = ended ? Long.MAX_VALUE : now;
            moving = !ended;
            if (grew || newPresent != present) {
                present = newPresent;
                markDirty();
            }
            if (viewport.following() && ended) {
                // the run is over: the whole of it fills the stage, as the teacher will talk it over
                fit();
            } else if (viewport.following()) {
                viewport.present(store.startNanos(), now);
            }
        } else if (mode instanceof StageMode.Replay replay) {
            present = store.startNanos() + (long) ((wallNanos - replay.wallStartNanos()) * replay.factor());
            if (present >= store.endNanos()) {
                stopReplay();
            } else if (viewport.following()) {
                viewport.present(store.startNanos(), present);
            }
            moving = mode instanceof StageMode.Replay;
            markDirty();
        }
        if (dirty && !(moving && drewJustNow(wallNanos))) {
            paintNow();
            pulsePainted = true;
            pulsePaintedAt = wallNanos;
            drewInLastPulse = true;
        }
    }

    /**
     * Whether the last {@link #pulse} drew a frame: a pane beside the stage that changes less
     * often can change in a pulse of its own, so the renderer does not draw both at once.
     */
    public boolean drewInLastPulse() {
        return drewInLastPulse;
    }

    /** A picture of many lanes that moves was drawn too recently for another frame (it stays dirty for the next pulse). */
    private boolean drewJustNow(long wallNanos) {
        return store.laneCount() > MANY_LANES && pulsePainted && wallNanos - pulsePaintedAt < MANY_LANES_FRAME_NANOS;
    }

    private void markDirty() {
        dirty = true;
    }

    /** Builds and paints a frame now, whether or not anything changed. */
    public void paintNow() {
        if (paletteStale && getScene() != null) {
            applyCss();
            palette = StagePalette.read(swatches);
            paletteStale = false;
            underCanvas();
        }
        double w = Math.floor(getWidth() > 0 ? getWidth() : getPrefWidth());
        double h = Math.floor(getHeight() > 0 ? getHeight() : getPrefHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        StageOptions options = new StageOptions(getTitle(), isPresentation(), firstLane, present, status(),
                caption.get(), room);
        long begun = CpuClock.nanos();
        layout = builder.build(frame, store, viewport, w, h, options);
        firstLane = layout.firstLane;
        long built = CpuClock.nanos();
        painter.paint(frame, canvas.getGraphicsContext2D(), palette);
        buildNanos += built - begun;
        paintNanos += CpuClock.nanos() - built;
        framesPainted++;
        dirty = false;
    }

    /**
     * Fills the view in the frame's background colour, under the canvas that covers it. An opaque
     * view is where JavaFX starts drawing the canvas's changed area each pulse; otherwise it starts
     * at the window's panes behind it and fills each of them again over the whole area first,
     * which in the software pipeline costs a live run several milliseconds a frame.
     */
    private void underCanvas() {
        Color colour = palette.color(Ink.BACKGROUND);
        Background now = getBackground();
        if (now == null || now.getFills().size() != 1 || !colour.equals(now.getFills().get(0).getFill())) {
            setBackground(new Background(new BackgroundFill(colour, null, null)));
        }
    }

    private String status() {
        double factor = mode instanceof StageMode.Replay replay ? replay.factor()
                : mode instanceof StageMode.Still still ? still.factor() : 0;
        if (factor > 0) {
            return StageOptions.replayStatus(factor);
        }
        if (mode instanceof StageMode.Live && store.outcome() == null) {
            return viewport.following() ? "live" : "live (press L to follow)";
        }
        return null;
    }

    /** The canvas as an image (the last frame painted). */
    public WritableImage snapshotCanvas() {
        return canvas.snapshot(null, null);
    }

    /** The canvas copied into {@code into} when it has the canvas's size (a new image otherwise). */
    public WritableImage snapshotCanvas(WritableImage into) {
        return canvas.snapshot(null, into);
    }

    /**
     * Writes the current view as a PNG: the frame the canvas shows, painted again for a file in
     * the canvas's colours, so no snapshot of the scene is needed.
     */
    public void exportPng(Path out) throws IOException {
        paintNow();
        BufferedImage image = new BufferedImage((int) frame.width(), (int) frame.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            new Java2dFramePainter().paint(frame, g, palette.colours());
        } finally {
            g.dispose();
        }
        PngPicture.writePng(image, out);
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
        markDirty();
    }
}
