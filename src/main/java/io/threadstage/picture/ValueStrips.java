package io.threadstage.picture;

import io.threadstage.trace.TraceStore;

/**
 * What a run's values did, drawn into a frame: one strip per counter under the queue strips
 * (its value as a step line over an area, the value it ends with and its number of writes
 * labelled, so a lost update reads as "after 400 writes: 217"), and a chip on a lane where its
 * thread set a local ({@code data = 7}). Both cost follows the pixels: a counter is read once a
 * pixel column, chips are thinned to one a lane every chip's width. Used on the thread that
 * builds the frame.
 */
final class ValueStrips {

    /** Chips in one frame at most, whatever the zoom. */
    private static final int MOST_CHIPS = 400;

    private ValueStrips() {
    }

    /** Counter strips take the strip rows after the queues' ({@code layout.queueCount} counts both). */
    static void counters(StageFrame frame, TraceStore store, StageLayout layout, long present) {
        StageMetrics m = layout.metrics;
        int first = store.queueCount();
        // one scale for every counter, so a counter that lost updates stands lower than one that lost none
        long low = 0;
        long high = 1;
        for (int i = 0; i < store.counterCount(); i++) {
            low = Math.min(low, store.counter(i).least());
            high = Math.max(high, store.counter(i).greatest());
        }
        double span = Math.max(1, (double) high - low);
        long floor = low;
        for (int i = 0; i < store.counterCount() && first + i < layout.queueCount; i++) {
            TraceStore.CounterInfo info = store.counter(i);
            double top = layout.queueTop(first + i);
            double h = m.queueHeight() - 6;
            double bottom = top + h;
            frame.rect(Ink.LANE_ALTERNATE, 0, top, layout.width, h);
            frame.text(10, top + m.smallFont() + 4, FrameBuilder.fit(info.name(), layout.plotX - 20, m.smallFont()),
                    Ink.TEXT, m.smallFont(), true, StageFrame.Align.LEFT);
            frame.text(10, top + 2 * m.smallFont() + 8, FrameBuilder.fit(writes(info.writes()), layout.plotX - 20,
                    m.smallFont()), Ink.TEXT_MUTED, m.smallFont(), false, StageFrame.Align.LEFT);
            double usable = h - 6;
            double[] lastY = {Double.NaN};
            long[] shownLast = {Long.MIN_VALUE};
            store.counterValues(i, layout.startNanos, layout.endNanos, layout.columns, present, (x0, x1, value) -> {
                double y = bottom - Math.round(usable * ((value - floor) / span));
                frame.rect(Ink.COUNTER_FILL, layout.plotX + x0, y, x1 - x0, bottom - y);
                frame.rect(Ink.COUNTER_LINE, layout.plotX + x0, y - 1, x1 - x0, 2);
                if (!Double.isNaN(lastY[0]) && lastY[0] != y) {
                    // the riser of the step
                    frame.rect(Ink.COUNTER_LINE, layout.plotX + x0 - 1, Math.min(lastY[0], y) - 1, 2,
                            Math.abs(lastY[0] - y) + 2);
                }
                lastY[0] = y;
                shownLast[0] = value;
            });
            if (shownLast[0] != Long.MIN_VALUE) {
                String last = Long.toString(shownLast[0]);
                double right = layout.plotX + layout.columns;
                double labelWidth = StageMetrics.textWidth(last, m.font()) + 12;
                frame.rect(Ink.LABEL_BACKGROUND, right - labelWidth - 4, top + 2, labelWidth, m.font() + 8);
                frame.text(right - 10, top + m.font() + 5, last, Ink.COUNTER_LINE, m.font(), true, StageFrame.Align.RIGHT);
            }
        }
    }

    /** The strip's second line: how many writes the counter had after its starting value. */
    static String writes(long writes) {
        return writes == 1 ? "1 write" : writes + " writes";
    }

    /** A chip at each instant a thread set its local, on its lane's top edge, left-aligned at the set. */
    static void locals(StageFrame frame, TraceStore store, StageLayout layout, long present) {
        double size = layout.metrics.smallFont();
        eachChip(store, layout, present, (lane, t, name, value, x, y, w, chip) -> {
            frame.rect(Ink.LABEL_BACKGROUND, x, y, w, size + 4);
            frame.outline(Ink.COUNTER_LINE, x, y, w, size + 4);
            frame.text(x + 4, y + size, chip, Ink.TEXT, size, false, StageFrame.Align.LEFT);
        });
    }

    /**
     * What the local's chip under ({@code px}, {@code py}) says in full (a long value is cut on
     * the chip), with when it was set; null when no chip is there. The last drawn wins, as on screen.
     */
    static String localAt(TraceStore store, StageLayout layout, long present, double px, double py) {
        double height = layout.metrics.smallFont() + 4;
        String[] found = {null};
        eachChip(store, layout, present, (lane, t, name, value, x, y, w, chip) -> {
            if (px >= x && px < x + w && py >= y && py < y + height) {
                found[0] = "local " + name + " = " + value + "\nset at " + TimeFormat.human(t - store.startNanos());
            }
        });
        return found[0];
    }

    /** A chip where {@link #locals} draws it: its lane, instant, local's name, full value, box and shown text. */
    private interface ChipSink {
        void chip(int lane, long t, String name, String value, double x, double y, double w, String chip);
    }

    /** The chips the stage shows, in drawing order: the one geometry the drawing and the hover share. */
    private static void eachChip(TraceStore store, StageLayout layout, long present, ChipSink sink) {
        double size = layout.metrics.smallFont();
        long gap = (long) (layout.nanosPerColumn() * Math.max(40, size * 6));
        int lastLane = layout.firstLane + layout.visibleLanes;
        store.localValues(layout.startNanos, layout.endNanos, present, gap, MOST_CHIPS, (lane, t, local, text) -> {
            if (lane < layout.firstLane || lane >= lastLane) {
                return;
            }
            String name = store.text(local);
            String value = store.text(text);
            String chip = FrameBuilder.fit(name + " = " + value, size * 20, size);
            sink.chip(lane, t, name, value, Math.round(layout.x(t)), layout.laneTop(lane) + 1,
                    StageMetrics.textWidth(chip, size) + 8, chip);
        });
    }
}
