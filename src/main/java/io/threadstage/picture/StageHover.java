package io.threadstage.picture;

import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceStore;

/**
 * The text shown under the pointer: a local's chip there (its whole value), the marker there (a
 * print's line, an exception's message),
 * else the lane's interval (state, reason, object, start, end) and the locks its thread holds
 * then, the queue's depth or the GIL's owner. Pure; any thread that may read the store.
 */
public final class StageHover {

    /** A marker within this many pixels of the pointer wins over the interval under it. */
    static final double MARKER_REACH_PX = 5;

    private StageHover() {
    }

    public static String describe(TraceStore store, StageLayout layout, double x, double y, long present) {
        long t = layout.time(x);
        long start = store.startNanos();
        int lane = layout.laneAt(y);
        if (lane >= 0 && lane < store.laneCount()) {
            TraceStore.Lane info = store.lane(lane);
            String who = info.name() + (info.tid() == 0 ? "" : " (tid " + info.tid() + ")")
                    + (info.daemon() ? " \u00b7 daemon" : "") + (info.pool() ? " \u00b7 pool thread" : "");
            if (x < layout.plotX) {
                return who;
            }
            String chip = ValueStrips.localAt(store, layout, present, x, y);
            if (chip != null) {
                return who + "\n" + chip;
            }
            TraceStore.Marker marker = store.markerNear(lane, t, (long) (layout.nanosPerColumn() * MARKER_REACH_PX), present);
            if (marker != null) {
                String kind = marker.kind() == TraceStore.MarkerKind.PRINT ? "print" : "exception";
                return who + "\n" + kind + " at " + TimeFormat.human(marker.nanos() - start) + "\n" + marker.text();
            }
            TraceStore.Interval interval = store.intervalAt(lane, t, present);
            if (interval == null) {
                return who + "\nnot created yet";
            }
            String state = interval.state().json()
                    + (interval.reason() == Reason.NONE ? "" : ": " + interval.reason().json().replace('_', ' '))
                    + (interval.on() == null ? "" : " on " + interval.on());
            if (interval.reason() == Reason.JOIN && store.shutdownJoin(lane, interval.startNanos())) {
                // no join() in the program: the interpreter's exit waits for every non-daemon thread
                state = "waiting: shutdown (threading._shutdown waits for non-daemon " + interval.on() + ")";
            }
            return who + "\n" + state + "\n" + TimeFormat.human(interval.startNanos() - start) + " \u2192 "
                    + TimeFormat.human(interval.endNanos() - start) + "  ("
                    + TimeFormat.human(interval.endNanos() - interval.startNanos()) + ")"
                    + (interval.reason() == Reason.JOIN ? joinOutcome(store, lane, interval, present) : "")
                    + held(store, lane, t, present);
        }
        if (x < layout.plotX) {
            return null;
        }
        int queue = layout.queueAt(y);
        if (queue >= store.queueCount()) {
            int counter = queue - store.queueCount();
            long value = store.counterValueAt(counter, t);
            return store.counter(counter).name() + ": " + (value == Long.MIN_VALUE ? "not yet set" : value)
                    + " at " + TimeFormat.human(t - start);
        }
        if (queue >= 0) {
            TraceStore.QueueInfo info = store.queue(queue);
            return info.name() + ": " + store.queueDepthAt(queue, t) + (info.maxsize() > 0 ? " of " + info.maxsize() : "")
                    + " items at " + TimeFormat.human(t - start);
        }
        if (layout.inGil(y)) {
            int owner = store.gilOwnerAt(t);
            return owner < 0 ? "GIL free at " + TimeFormat.human(t - start)
                    : "GIL held by " + store.lane(owner).name() + " at " + TimeFormat.human(t - start);
        }
        return null;
    }

    /** The locks the lane's thread holds at {@code t}, in the order it took them: {@code holds locks a, b}. */
    private static String held(TraceStore store, int lane, long t, long present) {
        int[] locks = store.locksHeldAt(lane, t, present);
        if (locks.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(locks.length == 1 ? "\nholds lock " : "\nholds locks ");
        for (int i = 0; i < locks.length; i++) {
            text.append(i == 0 ? "" : ", ").append(store.lockName(locks[i]));
        }
        return text.toString();
    }

    /**
     * How the join behind a join-waiting interval ended, which the picture may not have had room
     * to label: "returned", "timed out", or nothing while it still blocks.
     */
    private static String joinOutcome(TraceStore store, int lane, TraceStore.Interval interval, long present) {
        String[] outcome = {""};
        store.joins(interval.startNanos(), interval.endNanos(), present, (kind, from, fromT, to, toT, open, timedOut, on) -> {
            if (from == lane && !open && fromT <= interval.endNanos() && toT >= interval.startNanos()) {
                outcome[0] = "\njoin " + (timedOut ? "timed out" : "returned") + " (" + store.lane(to).name() + ")";
            }
        });
        return outcome[0];
    }
}
