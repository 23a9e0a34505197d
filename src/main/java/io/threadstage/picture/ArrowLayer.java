package io.threadstage.picture;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arrows between lanes: lock handoffs, wake-ups and put-to-get feeds, joins with their
 * outcome labels, and a deadlocked run's cycle. Arrows are thinned to a few pixels apart and
 * bounded per frame, so a dense run stays readable and cheap. Part of {@link FrameBuilder};
 * owned by the thread that draws.
 */
final class ArrowLayer {

    /** Arrows closer together than this many pixels are thinned out. */
    static final double ARROW_GAP_PX = 6;
    /** A bound on arrows per frame, so a dense run stays readable and cheap. */
    static final int MAX_ARROWS = 800;

    private StageFrame frame;
    private TraceStore store;
    private StageLayout layout;
    private StageMetrics m;
    private long present;
    private LabelSpace labels;
    private final List<JoinEnd> pendingLabels = new ArrayList<>();
    /** The arrowheads drawn this frame, to the half pixel: a second one on the same pixels adds nothing. */
    private final Set<HeadPixels> heads = new HashSet<>();
    /** Per joiner, edge and direction, where the last join arrow to threads scrolled away was drawn this frame. */
    private final Map<Long, Double> edgeJoins = new HashMap<>();
    private int arrows;

    /** Draws this frame's arrows; their labels take their places in {@code labels}. */
    void draw(StageFrame frame, TraceStore store, StageLayout layout, long present, LabelSpace labels) {
        this.frame = frame;
        this.store = store;
        this.layout = layout;
        this.m = layout.metrics;
        this.present = present;
        this.labels = labels;
        arrows = 0;
        heads.clear();
        edgeJoins.clear();
        deadlockCycle();
        links();
    }

    private void links() {
        long gap = (long) Math.ceil(layout.nanosPerColumn() * ARROW_GAP_PX);
        store.handoffs(layout.startNanos, layout.endNanos, present, gap, layout.firstLane,
                layout.firstLane + layout.visibleLanes, (kind, from, fromT, to, toT, open, timedOut, on) -> {
            Ink ink = kind == TraceStore.LinkKind.LOCK ? Ink.ARROW_LOCK
                    : kind == TraceStore.LinkKind.SIGNAL ? Ink.ARROW_SIGNAL : Ink.ARROW_FEED;
            if (from == to) {
                return;
            }
            arrow(ink, layout.x(fromT), laneY(from, to), layout.x(toT), laneY(to, from));
        });
        store.joins(layout.startNanos, layout.endNanos, present, (kind, from, fromT, to, toT, open, timedOut, on) -> {
            if (from == to || (!layout.laneVisible(from) && !layout.laneVisible(to))) {
                return;
            }
            double joiner = laneY(from, to);
            double target = edgeY(to, from);
            boolean targetAway = !layout.laneVisible(to);
            double xb = Math.round(layout.x(fromT)) + 0.5;
            if (!(targetAway && nearAnEdgeJoin(from, target, xb, false))) {
                arrow(Ink.ARROW_JOIN, xb, joiner, xb, target);
            }
            if (!open) {
                double xe = Math.round(layout.x(toT)) + 0.5;
                if (!(targetAway && nearAnEdgeJoin(from, target, xe, true))) {
                    arrow(Ink.ARROW_JOIN, xe, target, xe, edgeY(from, to));
                }
                if (layout.laneVisible(from)) {
                    pendingLabels.add(new JoinEnd(timedOut ? "timed out" : "returned", xe, from, to > from ? 1 : -1));
                }
            }
        });
        labelJoinEnds();
    }

    /**
     * Whether a join arrow between {@code joiner} and the stage's edge (its target scrolled away)
     * would stand within {@link #ARROW_GAP_PX} of the last one drawn there: it is then left out,
     * as handoffs are thinned. All such arrows look alike, so a main joining a thousand workers
     * below the stage drew a black wall of them; a comb of a few pixels' spacing says the same.
     * Their outcomes are still counted in the labels.
     */
    private boolean nearAnEdgeJoin(int joiner, double edgeY, double x, boolean back) {
        long key = (long) joiner << 2 | (edgeY <= layout.lanesTop ? 0 : 2) | (back ? 1 : 0);
        Double last = edgeJoins.get(key);
        if (last != null && Math.abs(x - last) < ARROW_GAP_PX) {
            return true;
        }
        edgeJoins.put(key, x);
        return false;
    }

    /** A join's outcome waiting for its label: near ones of one joiner share a label. */
    private record JoinEnd(String outcome, double x, int joiner, int towardTarget) {
    }

    /**
     * Labels the joins' outcomes, one label for a run of joins by one thread that return with the
     * same outcome, on the same side, closer together than a label is wide ("returned ×2"):
     * a main thread joining its workers in a loop got a heap of "returned" plates that read as
     * the outcome of the lane they spilled into.
     */
    private void labelJoinEnds() {
        pendingLabels.sort(Comparator.comparingInt(JoinEnd::joiner)
                .thenComparingInt(JoinEnd::towardTarget).thenComparing(JoinEnd::outcome).thenComparingDouble(JoinEnd::x));
        int i = 0;
        while (i < pendingLabels.size()) {
            JoinEnd first = pendingLabels.get(i);
            double reach = StageMetrics.textWidth(first.outcome() + " ×99", m.smallFont()) + arrowheadSize() + 8;
            int j = i + 1;
            while (j < pendingLabels.size() && sameLabel(first, pendingLabels.get(j))
                    && pendingLabels.get(j).x() - pendingLabels.get(j - 1).x() < reach) {
                j++;
            }
            int count = j - i;
            joinLabel(count == 1 ? first.outcome() : first.outcome() + " ×" + count,
                    pendingLabels.get(j - 1).x(), first.joiner(), first.towardTarget());
            i = j;
        }
        pendingLabels.clear();
    }

    private static boolean sameLabel(JoinEnd a, JoinEnd b) {
        return a.joiner() == b.joiner() && a.towardTarget() == b.towardTarget() && a.outcome().equals(b.outcome());
    }

    /**
     * A finished run that ended in deadlock: at its end, one arrow from each blocked thread to the
     * thread it waits for (the lock's holder, the joined thread), so the cycle reads at a glance.
     * The arrows stand side by side, not on one x, so two threads waiting for each other show two.
     */
    private void deadlockCycle() {
        if (store.outcome() != Outcome.DEADLOCK || present < store.endNanos()) {
            return;
        }
        double end = Math.min(Math.round(layout.x(store.endNanos())), layout.plotRight());
        double spacing = m.arrowWidth() * 4 + 8;
        int drawn = 0;
        for (int lane = 0; lane < store.laneCount(); lane++) {
            int target = store.waitsFor(lane);
            if (target < 0 || target == lane || (!layout.laneVisible(lane) && !layout.laneVisible(target))) {
                continue;
            }
            double x = end - 16 - drawn * spacing;
            if (x < layout.plotX) {
                break;
            }
            drawn++;
            frame.line(Ink.ARROW_DEADLOCK, x, laneY(lane, target), x, edgeY(target, lane));
            double size = m.arrowWidth() * 4 + 4;
            double tipY = edgeY(target, lane);
            double direction = Math.signum(tipY - laneY(lane, target));
            frame.triangle(Ink.ARROW_DEADLOCK, x, tipY, x - size * 0.6, tipY - direction * size,
                    x + size * 0.6, tipY - direction * size);
            frame.rect(Ink.ARROW_DEADLOCK, x - 4, laneY(lane, target) - 4, 8, 8);
        }
    }

    /**
     * Labels a join's return beside its arrow, on the joiner's lane edge that faces the target,
     * between two lanes' bars, so it reads as the joiner's outcome and not as that of a lane the
     * arrow crosses. The first free place wins among: right of the arrow, left of it, then a
     * label's height further towards the target; with no free place the label is left out (the
     * hover still names the outcome), so labels never cover each other.
     */
    private void joinLabel(String label, double x, int joiner, int towardTarget) {
        double w = StageMetrics.textWidth(label, m.smallFont()) * 0.92 + 8;
        double h = m.smallFont() * 1.4;
        double edge = layout.laneTop(joiner) + (towardTarget > 0 ? layout.laneHeight : 0);
        // clear of the arrowhead, which is wider than the shaft
        double beside = arrowheadSize() * 0.55 + 3;
        for (int step = 0; step < 3; step++) {
            double centre = edge + towardTarget * step * (h + 2);
            double top = centre - h / 2;
            if (top < layout.lanesTop || top + h > layout.lanesBottom) {
                continue;
            }
            for (double left : new double[] {x + beside, x - beside - w}) {
                if (left < layout.plotX || left + w > layout.plotRight() || !labels.claim(left, top, w, h)) {
                    continue;
                }
                frame.rect(Ink.LABEL_BACKGROUND, left, top, w, h);
                frame.text(left + w / 2, top + h / 2 + m.smallFont() * 0.36, label, Ink.TEXT, m.smallFont(), true,
                        StageFrame.Align.CENTER);
                return;
            }
        }
    }

    /** The centre of a lane, or the edge of the lane area when it is scrolled away. */
    private double laneY(int lane, int other) {
        if (layout.laneVisible(lane)) {
            return layout.laneCenter(lane);
        }
        return lane < layout.firstLane ? layout.lanesTop : layout.lanesBottom;
    }

    /** The edge of {@code lane} that faces {@code other}: where an arrow from {@code other} stops. */
    private double edgeY(int lane, int other) {
        if (!layout.laneVisible(lane)) {
            return laneY(lane, other);
        }
        double pad = Math.max(2, Math.floor(layout.laneHeight * 0.1));
        return other < lane ? layout.laneTop(lane) + pad : layout.laneTop(lane) + layout.laneHeight - pad;
    }

    /**
     * An arrow from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}), its head left out when
     * one was drawn on the same pixels: the returns of main's joins of its workers all end at
     * main's lane, and a thousand heads drawn there again cost the renderer 20 ms a frame (and
     * darkened their anti-aliased edges with every copy).
     */
    private void arrow(Ink ink, double x1, double y1, double x2, double y2) {
        if (arrows >= MAX_ARROWS) {
            return;
        }
        double left = layout.plotX;
        double right = layout.plotRight();
        if (Math.max(x1, x2) < left || Math.min(x1, x2) > right) {
            return;
        }
        arrows++;
        frame.line(ink, x1, y1, x2, y2);
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.hypot(dx, dy);
        if (length < 1 || x2 < left || x2 > right) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        if (!heads.add(HeadPixels.of(ink, x2, y2, ux, uy))) {
            return;
        }
        double size = arrowheadSize();
        double baseX = x2 - ux * size;
        double baseY = y2 - uy * size;
        frame.triangle(ink, x2, y2, baseX - uy * size * 0.55, baseY + ux * size * 0.55,
                baseX + uy * size * 0.55, baseY - ux * size * 0.55);
    }

    /** Where an arrowhead falls: its tip to the half pixel, its direction to a hundredth. */
    private record HeadPixels(Ink ink, long tipX, long tipY, long directionX, long directionY) {
        static HeadPixels of(Ink ink, double tipX, double tipY, double unitX, double unitY) {
            return new HeadPixels(ink, Math.round(tipX * 2), Math.round(tipY * 2), Math.round(unitX * 100),
                    Math.round(unitY * 100));
        }
    }

    private double arrowheadSize() {
        return m.arrowWidth() * 4 + 2;
    }
}
