package io.threadstage.picture;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.StateCode;
import io.threadstage.trace.TraceStore;
import java.util.List;

/**
 * Turns a {@link TraceStore}, a {@link Viewport} and a size into a {@link StageFrame}: everything the
 * stage draws, in pixels, grouped by ink. Every part asks the store per pixel column, so the
 * cost follows the pixels: at most a few rectangles per lane per column, and arrows and markers
 * thinned to a few pixels apart. No JavaFX here. Owned by the thread that draws (the FX thread,
 * or a picture's thread); keeps no state between frames besides what it is given.
 */
public final class FrameBuilder {

    /** What a lock stripe's tag says before the locks' names. */
    /** The caps of threads killed at exit in this frame: x, top, width, height. */
    private static final String HOLDS = "holds ";

    private StageFrame frame;
    private TraceStore store;
    private StageLayout layout;
    private StageMetrics m;
    private long present;
    private final LabelSpace labelSpace = new LabelSpace();
    private final ArrowLayer arrows = new ArrowLayer();

    /** Fills {@code frame} and returns the layout it used. */
    public StageLayout build(StageFrame frame, TraceStore store, Viewport viewport, double width, double height,
                             StageOptions options) {
        this.frame = frame;
        this.store = store;
        this.present = options.presentNanos();
        List<Legend.Entry> legend = Legend.entries(store);
        StageFill.Fill fill = fill(options, width, height, legend);
        this.m = fill.metrics();
        layout = new StageLayout(width, height, m, store.laneCount(), options.firstLane(), strips(),
                store.hasGil(), Legend.rows(legend, width, m), viewport.startNanos(), viewport.endNanos(),
                labelWidth(options.firstLane()), BannerLines.height(banner(), width, m), fill.lift());
        frame.clear(width, height);
        frame.lineWidths[Ink.GRID.ordinal()] = 1;
        for (Ink arrow : new Ink[] {Ink.ARROW_JOIN, Ink.ARROW_LOCK, Ink.ARROW_SIGNAL, Ink.ARROW_FEED}) {
            frame.lineWidths[arrow.ordinal()] = m.arrowWidth();
        }
        frame.lineWidths[Ink.ARROW_JOIN.ordinal()] = m.arrowWidth() + 0.6;
        frame.lineWidths[Ink.NOW.ordinal()] = 2;
        frame.lineWidths[Ink.CAPTION.ordinal()] = 1;
        frame.lineWidths[Ink.MARKER_ERROR.ordinal()] = 2;
        frame.lineWidths[Ink.ARROW_DEADLOCK.ordinal()] = m.arrowWidth() + 1.6;
        labelSpace.clear();

        frame.rect(Ink.BACKGROUND, 0, 0, width, height);
        title(options);
        if (store.eventCount() == 0) {
            // before a run (or after New) there is no time to scale and no state to explain: a
            // microsecond axis and a lone "running" in the legend only puzzled
            lessonCaption(options.caption());
            return layout;
        }
        laneBackgrounds();
        axis();
        lanes();
        holds();
        gil();
        queues();
        ValueStrips.counters(frame, store, layout, present);
        captions();
        arrows.draw(frame, store, layout, present, labelSpace);
        cutOffs();
        markers();
        ValueStrips.locals(frame, store, layout, present);
        now();
        legend(legend);
        lessonCaption(options.caption());
        return layout;
    }

    /**
     * Every stage grows to fill its height, for the room its run will need: what the trace holds,
     * or, while a run goes on, what its scenario will make (so lanes keep their size as threads
     * appear). A run that ends with a banner keeps room for it from the start, so a replay (or a
     * clip) does not change its sizes or move its lanes when the banner appears at the end.
     */
    private StageFill.Fill fill(StageOptions options, double width, double height, List<Legend.Entry> legend) {
        StageMetrics base = StageMetrics.of(options.presentation());
        StageRoom room = options.room();
        int lanes = Math.max(store.laneCount(), room.lanes());
        int first = Math.max(0, Math.min(options.firstLane(), store.laneCount() - 1));
        boolean bannerAtEnd = store.outcome() != null && store.outcome() != Outcome.COMPLETED
                && store.outcomeMessage() != null && !store.outcomeMessage().isBlank();
        String endMessage = bannerAtEnd ? store.outcomeMessage() : null;
        StageFill.Fill fill = StageFill.of(base, width, height, lanes - first, Math.max(strips(), room.queues()),
                store.hasGil() || room.gil(), legend, endMessage, options.caption());
        if (bannerAtEnd && banner() == null) {
            // the banner's lines stay empty above the axis until the replay reaches the end
            return new StageFill.Fill(fill.metrics(), fill.lift() + BannerLines.height(endMessage, width, fill.metrics()));
        }
        return fill;
    }

    /** What the labels of the lanes that can be on screen need: the longest name with its badges. */
    private double labelWidth(int firstLane) {
        double widest = 0;
        int to = Math.min(store.laneCount(), Math.max(0, firstLane) + 200);
        for (int lane = Math.max(0, firstLane); lane < to; lane++) {
            TraceStore.Lane info = store.lane(lane);
            double badges = (info.daemon() ? StageMetrics.textWidth("daemon", m.smallFont()) + 12 : 0)
                    + (info.pool() ? StageMetrics.textWidth("pool", m.smallFont()) + 12 : 0);
            widest = Math.max(widest, StageMetrics.textWidth(info.name(), m.font()) + badges + 32);
        }
        return widest;
    }

    /** The end event's message when the run did not simply complete and the present has reached the end. */
    private String banner() {
        Outcome outcome = store.outcome();
        String message = store.outcomeMessage();
        if (outcome == null || outcome == Outcome.COMPLETED || present < store.endNanos()
                || message == null || message.isBlank()) {
            return null;
        }
        return message;
    }

    private long limit() {
        return Math.min(present, store.endNanos());
    }

    private void title(StageOptions options) {
        double baseline = m.titleHeight() * 0.68;
        String title = options.title() == null || options.title().isBlank() ? "ThreadStage" : options.title();
        StringBuilder status = new StringBuilder();
        if (options.status() != null) {
            status.append(options.status()).append("  \u00b7  ");
        }
        Outcome outcome = store.outcome();
        long shown = limit() - store.startNanos();
        if (outcome == null && store.laneCount() == 0) {
            // a program's interpreter or JVM is still starting: it has no thread to count yet
            status.append("starting\u2026");
        } else {
            if (outcome != null && present >= store.endNanos()) {
                status.append(outcome.json()).append(" after ").append(TimeFormat.human(shown));
            } else {
                status.append(TimeFormat.human(Math.max(0, shown)));
            }
            status.append("  \u00b7  ").append(store.laneCount()).append(store.laneCount() == 1 ? " thread" : " threads");
        }
        // an empty stage (before a run, after New) has no time or threads to tell
        boolean empty = store.eventCount() == 0 && options.status() == null;
        String said = empty ? "" : status.toString();
        // the title gives way to the status on its right rather than running under it
        double statusWidth = said.isEmpty() ? 0 : StageMetrics.textWidth(said, m.font()) + 24;
        frame.text(12, baseline, fit(title, width() - 12 - StageLayout.RIGHT_MARGIN - statusWidth, m.font() + 3),
                Ink.TEXT, m.font() + 3, true, StageFrame.Align.LEFT);
        // a replay tells how the run ended only once it gets there
        boolean ended = present >= store.endNanos();
        Ink ink = ended && (outcome == Outcome.DEADLOCK || outcome == Outcome.ERROR) ? Ink.EXCEPTION : Ink.TEXT_MUTED;
        if (!said.isEmpty()) {
            frame.text(width() - StageLayout.RIGHT_MARGIN, baseline, said, ink, m.font(),
                    ended && outcome == Outcome.DEADLOCK, StageFrame.Align.RIGHT);
        }
        String banner = banner();
        if (banner != null) {
            double lineBaseline = layout.bannerTop + (m.font() + 12) * 0.62;
            for (String line : BannerLines.of(banner, BannerLines.usable(width()), m.font())) {
                frame.text(12, lineBaseline, line, ink, m.font(), false, StageFrame.Align.LEFT);
                lineBaseline += BannerLines.lineHeight(m);
            }
        }
    }

    private double width() {
        return layout.width;
    }

    private void laneBackgrounds() {
        for (int lane = layout.firstLane; lane < layout.firstLane + layout.visibleLanes; lane++) {
            if ((lane & 1) == 1) {
                frame.rect(Ink.LANE_ALTERNATE, 0, layout.laneTop(lane), width(), layout.laneHeight);
            }
        }
    }

    private void axis() {
        long span = layout.endNanos - layout.startNanos;
        long step = TimeFormat.step((long) Math.ceil(span * (m.font() * 7.0) / layout.columns));
        long origin = store.startNanos();
        long first = origin + Math.floorDiv(layout.startNanos - origin, step) * step;
        double baseline = layout.axisTop + m.axisHeight() * 0.7;
        double gridBottom = Math.max(layout.lanesBottom, layout.legendTop - m.gap());
        for (long t = first; t <= layout.endNanos; t += step) {
            double x = Math.round(layout.x(t));
            if (x < layout.plotX || x > layout.plotRight()) {
                continue;
            }
            frame.rect(Ink.GRID, x, layout.lanesTop - 4, 1, gridBottom - layout.lanesTop + 4);
            frame.text(x, baseline, TimeFormat.tick(t - store.startNanos(), step, span), Ink.TEXT_MUTED, m.smallFont(), false,
                    x - layout.plotX < 30 ? StageFrame.Align.LEFT : StageFrame.Align.CENTER);
        }
        frame.rect(Ink.GRID, layout.plotX, layout.lanesTop - 1, layout.columns, 1);
    }

    private void lanes() {
        double pad = lanePad();
        double barSpace = layout.laneHeight - 2 * pad;
        double stripe = Math.max(2, Math.round(barSpace * 0.12));
        double tick = Math.max(2, Math.round(barSpace * 0.1));
        int from = layout.firstLane;
        int to = layout.firstLane + layout.visibleLanes;
        for (int lane = from; lane < to; lane++) {
            laneLabel(lane);
        }
        store.spans(from, to, layout.startNanos, layout.endNanos, layout.columns, present,
                (lane, x0, x1, code, on, start, end, mixed) -> {
                    StateLook look = StateLook.of(code);
                    double top = layout.laneTop(lane) + pad;
                    double x = layout.plotX + x0;
                    double w = x1 - x0;
                    if (look.terminated()) {
                        double thin = Math.max(2, Math.round(barSpace * 0.08));
                        frame.rect(Ink.TERMINATED, x, top + (barSpace - thin) / 2, w, thin);
                        if (!mixed && start >= layout.startNanos) {
                            double cap = endCapWidth(barSpace);
                            frame.rect(look.ink(), x, top, cap, barSpace);
                        }
                        return;
                    }
                    double h = Math.round(barSpace * look.height());
                    double y = top + Math.round((barSpace - h) / 2);
                    if (look.hollow()) {
                        hollowBar(look.ink(), x, y, w, h, !mixed && start >= layout.startNanos,
                                !mixed && end <= layout.endNanos && end < limit());
                        return;
                    }
                    frame.rect(look.ink(), x, y, w, h);
                    if (look.stripe() != null) {
                        frame.rect(look.stripe(), x, y + Math.round((h - stripe) / 2), w, stripe);
                    }
                    if (mixed) {
                        frame.rect(Ink.MIXED, x, top - pad + 1, w, tick);
                    } else if (look.height() == StateLook.WAITING_HEIGHT && on >= 0) {
                        barLabel(code, on, x, y, w, h, store.shutdownJoin(lane, start));
                    }
                });
    }

    /**
     * A daemon thread cut off at the interpreter's exit is what its lesson is about: its cap is
     * drawn again over the arrows that end at the same instant, with a tag saying what happened.
     */
    /** The room above and below a lane's bars. */
    private double lanePad() {
        return Math.max(2, Math.floor(layout.laneHeight * 0.1));
    }

    /** The width of the cap that marks where an ended thread ended. */
    private static double endCapWidth(double barSpace) {
        return Math.max(3, Math.round(barSpace * 0.14));
    }

    private void cutOffs() {
        double pad = lanePad();
        double h = layout.laneHeight - 2 * pad;
        double w = endCapWidth(h);
        long limit = limit();
        // asked of the store, not taken from the drawn spans: the kill usually shares its pixel
        // column with the sleep it cut short, and a shared column is drawn as mixed, without a cap
        for (int lane = layout.firstLane; lane < Math.min(store.laneCount(), layout.firstLane + layout.visibleLanes); lane++) {
            TraceStore.Interval end = store.intervalAt(lane, limit, present);
            if (end == null || end.reason() != Reason.KILLED_AT_EXIT || end.startNanos() < layout.startNanos
                    || end.startNanos() > layout.endNanos) {
                continue;
            }
            double x = Math.min(layout.plotRight() - w, layout.plotX + Math.floor(layout.x(end.startNanos()) - layout.plotX));
            double top = layout.laneTop(lane) + pad;
            frame.rect(Ink.KILLED, x, top, w, h);
            String text = "cut off at exit";
            double size = m.smallFont();
            double plateWidth = StageMetrics.textWidth(text, size) * 0.92 + 10;
            double plateHeight = size + 6;
            // left of the cap, clear of the arrows that come in along its edge
            double plateX = Math.max(layout.plotX, x - plateWidth - w - 6);
            double plateY = top + Math.round((h - plateHeight) / 2);
            frame.rect(Ink.KILLED, plateX, plateY, plateWidth, plateHeight);
            frame.text(plateX + plateWidth / 2, plateY + plateHeight / 2 + size * 0.36, text, Ink.TEXT_ON_BAR, size, true,
                    StageFrame.Align.CENTER);
        }
    }

    /**
     * A bar drawn as its edges only (a created thread, not yet started): unlike an ended
     * thread's thin line it is as tall as a waiting bar and empty inside, in both themes. Edges
     * of rectangles, not a stroked path, so both painters give the same pixels.
     */
    private void hollowBar(Ink ink, double x, double y, double w, double h, boolean leftEdge, boolean rightEdge) {
        double edge = Math.max(2, Math.round(h * 0.12));
        frame.rect(ink, x, y, w, edge);
        frame.rect(ink, x, y + h - edge, w, edge);
        if (leftEdge) {
            frame.rect(ink, x, y, edge, h);
        }
        if (rightEdge) {
            frame.rect(ink, x + w - edge, y, edge, h);
        }
    }

    /**
     * Names what a waiting bar waits on ({@code lock b}, {@code jobs}) inside the bar when it is
     * wide and tall enough, on a light plate so it reads on every hue and stripe.
     */
    private void barLabel(int code, int on, double x, double y, double w, double h, boolean shutdown) {
        if (labelSpace.full()) {
            return;
        }
        String name = store.text(on);
        // the exit's wait for a non-daemon thread is no join() of the program: it says whose wait it is
        String prefix = StateCode.reason(code) == Reason.LOCK ? "lock "
                : shutdown && StateCode.reason(code) == Reason.JOIN ? "shutdown (non-daemon " : "";
        if (!prefix.isEmpty() && prefix.startsWith("shutdown")) {
            name = name + ")";
        }
        double size = m.smallFont();
        // measured before the text is built: most bars of a busy frame are too narrow for it
        double plateWidth = StageMetrics.textWidth(prefix.length() + name.length(), size) * 0.92 + 10;
        double plateHeight = Math.min(h - 4, size + 6);
        double left = Math.max(x, layout.plotX);
        double right = Math.min(x + w, layout.plotRight());
        // centred, and only on bars twice as wide as the label: the bar's start stays clear for the
        // arrows that land there, and most of the bar still shows its colour
        if (right - left < 2 * plateWidth + 24 || plateHeight < size) {
            return;
        }
        double plateX = Math.round((left + right - plateWidth) / 2);
        double plateY = y + Math.round((h - plateHeight) / 2);
        if (!labelSpace.claim(plateX, plateY, plateWidth, plateHeight)) {
            return;
        }
        String text = prefix + name;
        frame.rect(Ink.LABEL_BACKGROUND, plateX, plateY, plateWidth, plateHeight);
        // centred: the width is an estimate, and an even margin hides how far it is off
        frame.text(plateX + plateWidth / 2, plateY + plateHeight / 2 + size * 0.36, text, Ink.TEXT, size, false,
                StageFrame.Align.CENTER);
    }

    /**
     * A stripe along the bottom edge of each lane while its thread holds a lock, in the lock's
     * colour (the one taken last when it holds several), in the lane's bottom padding so it never
     * hides the state above it. Where the stripe is wide enough, a tag of its colour names what
     * is held: {@code holds a}, {@code holds a + b}.
     */
    private void holds() {
        if (store.lockCount() == 0) {
            return;
        }
        double pad = lanePad();
        double h = Math.max(2, pad - 2);
        int from = layout.firstLane;
        int to = layout.firstLane + layout.visibleLanes;
        store.holds(from, to, layout.startNanos, layout.endNanos, layout.columns, present,
                (lane, x0, x1, lock, count, start, end, mixed) -> {
                    double y = layout.laneTop(lane) + layout.laneHeight - 1 - h;
                    double x = layout.plotX + x0;
                    frame.rect(Ink.held(lock), x, y, x1 - x0, h);
                    if (!mixed) {
                        holdTag(lane, lock, count, start, x, x1 - x0, y + h);
                    }
                });
    }

    /**
     * Names the locks a stripe stands for on a tag of its colour, standing on the stripe's bottom
     * edge, on stripes twice as wide as the tag (as bar labels). The width is checked before the
     * held locks are looked up, so narrow stripes cost nothing more.
     */
    private void holdTag(int lane, int lock, int count, long start, double x, double w, double bottom) {
        double size = m.smallFont();
        double tagHeight = size + 6;
        double left = Math.max(x, layout.plotX);
        double right = Math.min(x + w, layout.plotRight());
        String name = store.lockName(lock);
        if (right - left < 2 * tagWidth(HOLDS.length() + name.length(), size) + 24
                || tagHeight > layout.laneHeight * 0.45) {
            return;
        }
        String text = HOLDS + name;
        if (count > 1) {
            StringBuilder all = new StringBuilder(HOLDS);
            int[] held = store.locksHeldAt(lane, start, present);
            for (int i = 0; i < held.length; i++) {
                all.append(i == 0 ? "" : " + ").append(store.lockName(held[i]));
            }
            text = all.toString();
        }
        double tagWidth = tagWidth(text.length(), size);
        if (right - left < 2 * tagWidth + 24) {
            return;
        }
        double tagX = Math.round((left + right - tagWidth) / 2);
        double tagY = bottom - tagHeight;
        if (!labelSpace.claim(tagX, tagY, tagWidth, tagHeight)) {
            return;
        }
        frame.rect(Ink.held(lock), tagX, tagY, tagWidth, tagHeight);
        frame.text(tagX + tagWidth / 2, tagY + tagHeight / 2 + size * 0.36, text, Ink.TEXT_ON_LOCK, size, false,
                StageFrame.Align.CENTER);
    }

    /** A tag's width for a text of {@code letters} letters, by the estimate the layout uses. */
    private static double tagWidth(int letters, double size) {
        return StageMetrics.textWidth(letters, size) * 0.92 + 10;
    }

    private void laneLabel(int lane) {
        TraceStore.Lane info = store.lane(lane);
        double top = layout.laneTop(lane);
        if (layout.gil) {
            // the lane's colour in the GIL strip, so the strip reads without the hover
            frame.rect(Ink.owner(lane), 0, top + 2, 6, layout.laneHeight - 4);
        }
        double baseline = top + layout.laneHeight / 2 + m.font() * 0.36;
        double right = layout.plotX - 8;
        double badgeFont = m.smallFont();
        double badgeHeight = Math.min(layout.laneHeight - 4, badgeFont + 6);
        for (String badge : info.pool() && info.daemon() ? new String[] {"daemon", "pool"}
                : info.pool() ? new String[] {"pool"} : info.daemon() ? new String[] {"daemon"} : new String[0]) {
            double w = StageMetrics.textWidth(badge, badgeFont) + 8;
            right -= w;
            frame.rect(Ink.BADGE, right, top + (layout.laneHeight - badgeHeight) / 2, w, badgeHeight);
            frame.text(right + w / 2, top + layout.laneHeight / 2 + badgeFont * 0.36, badge, Ink.TEXT_ON_BADGE, badgeFont,
                    false, StageFrame.Align.CENTER);
            right -= 4;
        }
        frame.text(layout.gil ? 14 : 10, baseline, fit(info.name(), right - 18, m.font()), Ink.TEXT, m.font(), info.tid() == 0,
                StageFrame.Align.LEFT);
    }

    /** Shortens a text with an ellipsis so its estimated width fits. */
    static String fit(String text, double width, double size) {
        if (StageMetrics.textWidth(text, size) <= width) {
            return text;
        }
        int keep = Math.max(1, (int) (width / (size * 0.62)) - 1);
        return keep >= text.length() ? text : text.substring(0, keep) + "\u2026";
    }

    /**
     * Shortens a caption at the end of a clause ({@code ;}, {@code (}, {@code ,}) when one fits, so
     * "CPython 3.11 running turns.py (pid 7); the GIL is read..." keeps the program's name whole
     * rather than a cut word; else as {@link #fit}. The hover shows the whole text.
     */
    static String fitClauses(String text, double width, double size) {
        if (StageMetrics.textWidth(text, size) <= width) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            char c = text.charAt(end);
            boolean clauseEnds = c == ';' || c == ',' || c == '(' && text.charAt(end - 1) == ' ';
            if (clauseEnds) {
                String clause = text.substring(0, end).stripTrailing() + "\u2026";
                if (StageMetrics.textWidth(clause, size) <= width) {
                    return clause;
                }
            }
        }
        return fit(text, width, size);
    }

    private void gil() {
        if (!layout.gil) {
            return;
        }
        double top = layout.gilTop;
        double h = m.gilHeight();
        frame.rect(Ink.LANE_ALTERNATE, 0, top, width(), h);
        frame.text(10, top + h / 2 + m.smallFont() * 0.36, "GIL", Ink.TEXT, m.smallFont(), true, StageFrame.Align.LEFT);
        store.gilSpans(layout.startNanos, layout.endNanos, layout.columns, present,
                (lane, x0, x1, code, on, start, end, mixed) -> {
                    if (code == 0 || on < 0) {
                        return;
                    }
                    double x = layout.plotX + x0;
                    double w = x1 - x0;
                    frame.rect(Ink.owner(on), x, top + 2, w, h - 4);
                    if (mixed) {
                        frame.rect(Ink.MIXED, x, top, w, 2);
                    }
                    String name = store.lane(on).name();
                    if (w > StageMetrics.textWidth(name, m.smallFont()) + 8) {
                        frame.text(x + w / 2, top + h / 2 + (m.smallFont()) * 0.36, name, Ink.TEXT_ON_OWNER, m.smallFont(),
                                false, StageFrame.Align.CENTER);
                    }
                });
    }

    /** The strips under the lanes: each queue's, then each counter's. */
    private int strips() {
        return store.queueCount() + store.counterCount();
    }

    private void queues() {
        for (int q = 0; q < Math.min(layout.queueCount, store.queueCount()); q++) {
            TraceStore.QueueInfo info = store.queue(q);
            double top = layout.queueTop(q);
            double h = m.queueHeight() - 6;
            double bottom = top + h;
            frame.rect(Ink.LANE_ALTERNATE, 0, top, width(), h);
            frame.text(10, top + m.smallFont() + 4, fit(info.name(), layout.plotX - 20, m.smallFont()), Ink.TEXT,
                    m.smallFont(), true, StageFrame.Align.LEFT);
            String scale = info.maxsize() > 0 ? "maxsize " + info.maxsize() : "unbounded, peak " + info.peakDepth();
            frame.text(10, top + 2 * m.smallFont() + 8, scale, Ink.TEXT_MUTED, m.smallFont(), false, StageFrame.Align.LEFT);
            int full = info.maxsize() > 0 ? info.maxsize() : Math.max(1, info.peakDepth());
            double usable = h - 6;
            if (info.maxsize() > 0) {
                frame.rect(Ink.QUEUE_MAX, layout.plotX, bottom - usable - 1, layout.columns, 1);
            }
            store.queueDepths(q, layout.startNanos, layout.endNanos, layout.columns, present, (x0, x1, min, max) -> {
                double barHeight = Math.round(usable * Math.min(1.0, (double) max / full));
                Ink ink = info.maxsize() > 0 && max >= info.maxsize() ? Ink.QUEUE_FULL : Ink.QUEUE_FILL;
                frame.rect(ink, layout.plotX + x0, bottom - barHeight, x1 - x0, barHeight);
            });
        }
    }

    private void captions() {
        long gap = (long) (layout.nanosPerColumn() * 40);
        store.markers(-1, layout.startNanos, layout.endNanos, present, gap, (lane, t, kind, text, count) -> {
            double x = Math.round(layout.x(t));
            frame.rect(Ink.CAPTION, x, layout.lanesTop, 1, layout.lanesBottom - layout.lanesTop);
            frame.text(x + 4, layout.lanesTop + m.smallFont(), fitClauses(store.text(text), 300, m.smallFont()), Ink.CAPTION,
                    m.smallFont(), false, StageFrame.Align.LEFT);
        });
    }

    /** The lesson's caption under the legend, wrapped to the stage's width, as many lines as fit. */
    private void lessonCaption(String caption) {
        if (caption == null || caption.isBlank()) {
            return;
        }
        double size = m.font();
        double lineHeight = size * 1.35;
        double top = layout.captionTop + 4;
        double usable = width() - 12 - StageLayout.RIGHT_MARGIN;
        int perLine = Math.max(10, (int) (usable / (size * 0.62)));
        double baseline = top + size;
        StringBuilder line = new StringBuilder();
        String[] words = caption.trim().split("\\s+");
        for (int i = 0; i <= words.length; i++) {
            boolean last = i == words.length;
            if (!last && (line.length() == 0 || line.length() + 1 + words[i].length() <= perLine)) {
                line.append(line.length() == 0 ? "" : " ").append(words[i]);
                continue;
            }
            if (baseline + size * 0.3 > layout.height) {
                return;
            }
            boolean more = !last && baseline + lineHeight + size * 0.3 > layout.height;
            frame.text(12, baseline, more ? fit(line + "\u2026", usable, size) : line.toString(), Ink.TEXT_MUTED, size,
                    false, StageFrame.Align.LEFT);
            if (last || more) {
                return;
            }
            baseline += lineHeight;
            line.setLength(0);
            line.append(words[i]);
        }
    }

    private void markers() {
        // a marker is a glyph: it keeps to the text's scale when a picture grows its lanes further
        double size = Math.max(8, Math.round(Math.min(layout.laneHeight * 0.42, m.font() * 2.2)));
        // a marker stands for those after it closer than its own width: glyphs never overlap,
        // and an exception among them still wins over a print
        long gap = (long) Math.ceil(layout.nanosPerColumn() * (size + 2));
        for (int lane = layout.firstLane; lane < layout.firstLane + layout.visibleLanes; lane++) {
            double top = layout.laneTop(lane) + 1;
            store.markers(lane, layout.startNanos, layout.endNanos, present, gap, (l, t, kind, text, count) -> {
                double x = Math.round(layout.x(t));
                if (kind == TraceStore.MarkerKind.PRINT) {
                    frame.rect(Ink.MARKER_PRINT, x - 2, top, 4, size);
                    // the flag turns back where it would run past the plot's right edge
                    double flag = size * 0.7;
                    frame.rect(Ink.MARKER_PRINT, x - 2 + flag > layout.plotRight() ? x + 2 - flag : x - 2, top, flag, 3);
                } else if (kind == TraceStore.MarkerKind.CAUGHT) {
                    frame.outline(Ink.MARKER_ERROR, x - size / 2 + 1, top + 1, size - 2, size - 2);
                } else {
                    Ink ink = kind == TraceStore.MarkerKind.RUNTIME_ERROR ? Ink.MARKER_RUNTIME : Ink.MARKER_ERROR;
                    frame.triangle(ink, x, top, x - size / 2 - 1, top + size + 1, x + size / 2 + 1, top + size + 1);
                    frame.rect(Ink.TEXT_ON_BAR, x - 1, top + size * 0.35, 2, size * 0.35);
                    frame.rect(Ink.TEXT_ON_BAR, x - 1, top + size * 0.78, 2, 2);
                }
            });
        }
    }

    private void now() {
        if (present == Long.MAX_VALUE || present >= store.endNanos() && store.outcome() != null) {
            return;
        }
        double x = layout.x(Math.min(present, Math.max(store.endNanos(), present)));
        if (x >= layout.plotX && x <= layout.plotRight()) {
            frame.rect(Ink.NOW, Math.round(x) - 1, layout.lanesTop - 4, 2, layout.lanesBottom - layout.lanesTop + 4);
        }
    }

    private void legend(List<Legend.Entry> entries) {
        double x = 12;
        double rowHeight = m.legendRowHeight();
        double y = layout.legendTop;
        double usable = width() - 2 * 12;
        double swatchW = Legend.swatchWidth(m);
        double swatchH = rowHeight * 0.6;
        for (Legend.Entry entry : entries) {
            double w = Legend.entryWidth(entry, m);
            if (x > 12 && x - 12 + w > usable) {
                x = 12;
                y += rowHeight;
            }
            double top = y + (rowHeight - swatchH) / 2;
            switch (entry.shape()) {
                case BAR: {
                    double h = Math.round(swatchH * entry.height());
                    double by = top + Math.round((swatchH - h) / 2);
                    frame.rect(entry.ink(), x, by, swatchW, h);
                    if (entry.stripe() != null) {
                        double s = Math.max(2, Math.round(h * 0.14));
                        frame.rect(entry.stripe(), x, by + Math.round((h - s) / 2), swatchW, s);
                    }
                    break;
                }
                case HOLLOW_BAR: {
                    double h = Math.round(swatchH * entry.height());
                    hollowBar(entry.ink(), x, top + Math.round((swatchH - h) / 2), swatchW, h, true, true);
                    break;
                }
                case LINE:
                    frame.rect(Ink.TERMINATED, x, top + swatchH / 2 - 1, swatchW, 2);
                    frame.rect(entry.ink(), x, top, 3, swatchH);
                    break;
                case ARROW:
                    frame.line(entry.ink(), x, top + swatchH / 2, x + swatchW - 2, top + swatchH / 2);
                    frame.triangle(entry.ink(), x + swatchW, top + swatchH / 2, x + swatchW - 8, top + swatchH / 2 - 5,
                            x + swatchW - 8, top + swatchH / 2 + 5);
                    break;
                case MARK:
                    if (entry.ink() == Ink.MARKER_PRINT) {
                        frame.rect(entry.ink(), x + swatchW / 2 - 2, top, 4, swatchH);
                        frame.rect(entry.ink(), x + swatchW / 2 - 2, top, swatchH * 0.7, 3);
                    } else {
                        frame.triangle(entry.ink(), x + swatchW / 2, top, x + swatchW / 2 - swatchH / 2, top + swatchH,
                                x + swatchW / 2 + swatchH / 2, top + swatchH);
                    }
                    break;
                case OUTLINE:
                    frame.outline(entry.ink(), x + swatchW / 2 - swatchH / 2, top, swatchH, swatchH);
                    break;
                default:
                    break;
            }
            frame.text(x + swatchW + 8, y + rowHeight / 2 + m.smallFont() * 0.36, entry.label(), Ink.TEXT,
                    m.smallFont(), false, StageFrame.Align.LEFT);
            x += w;
        }
    }
}
