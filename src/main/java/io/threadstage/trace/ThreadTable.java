package io.threadstage.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's threads at one instant, as the chapter's Thread-properties table lists them: a
 * {@link ThreadRow} per thread that exists then (created and not yet gone from the trace),
 * {@code threading.active_count()} and {@code threading.main_thread()}. Computed from a
 * {@link TraceStore} by {@link #at}, so a live run, a replay and an opened trace answer alike.
 * {@code elapsedNanos} is the instant counted from the trace's first event. Immutable; made on
 * the store's thread.
 */
public record ThreadTable(long instantNanos, long elapsedNanos, List<ThreadRow> rows, int activeCount, ThreadRow mainThread) {

    /** A table with no threads: before a run, or before its first event. */
    public static final ThreadTable EMPTY = new ThreadTable(0, 0, List.of(), 0, null);

    public ThreadTable {
        rows = List.copyOf(rows);
    }

    /**
     * The threads of {@code store} at {@code instantNanos} (clamped to what the store knows, so a
     * live run's present or {@link Long#MAX_VALUE} mean "now"). Costs a search per thread, not a
     * walk over events.
     */
    public static ThreadTable at(TraceStore store, long instantNanos) {
        if (store.eventCount() == 0) {
            return EMPTY;
        }
        long t = Math.max(store.startNanos(), Math.min(instantNanos, store.endNanos()));
        List<TraceStore.Interval> intervals = new ArrayList<>(store.laneCount());
        List<List<String>> holds = new ArrayList<>(store.laneCount());
        for (int lane = 0; lane < store.laneCount(); lane++) {
            intervals.add(store.intervalAt(lane, t, Long.MAX_VALUE));
            holds.add(lockNames(store, store.locksHeldAt(lane, t, Long.MAX_VALUE)));
        }
        Map<String, Integer> firstHolders = firstHolders(holds);
        List<ThreadRow> rows = new ArrayList<>();
        ThreadRow main = null;
        int active = 0;
        for (int lane = 0; lane < store.laneCount(); lane++) {
            TraceStore.Interval interval = intervals.get(lane);
            if (interval == null) {
                continue;
            }
            TraceStore.Lane info = store.lane(lane);
            boolean alive = interval.state() == ThreadState.RUNNING || interval.state() == ThreadState.WAITING;
            String holder = interval.reason() == Reason.LOCK ? holderOf(interval.on(), firstHolders, holds, store, lane) : null;
            ThreadRow row = new ThreadRow(lane, info.name(), store.identAt(lane, t), store.nativeIdAt(lane, t),
                    info.daemon(), alive, interval.state(), interval.reason(), interval.on(), holder, holds.get(lane));
            rows.add(row);
            if (alive) {
                active++;
            }
            if ("main".equals(info.style()) && main == null) {
                main = row;
            }
        }
        return new ThreadTable(t, t - store.startNanos(), rows, active, main);
    }

    private static List<String> lockNames(TraceStore store, int[] locks) {
        List<String> names = new ArrayList<>(locks.length);
        for (int lock : locks) {
            names.add(store.lockName(lock));
        }
        return names;
    }

    /**
     * Each held lock's first holding lane: a thousand threads waiting on one lock ask for its
     * holder a thousand times, so it is found once rather than by a walk over every thread each.
     */
    private static Map<String, Integer> firstHolders(List<List<String>> holds) {
        Map<String, Integer> first = new HashMap<>();
        for (int lane = 0; lane < holds.size(); lane++) {
            for (String lock : holds.get(lane)) {
                first.putIfAbsent(lock, lane);
            }
        }
        return first;
    }

    /** The name of the thread that holds {@code lock} among the others, or null (free, or the holder unknown). */
    private static String holderOf(String lock, Map<String, Integer> firstHolders, List<List<String>> holds,
                                   TraceStore store, int waiter) {
        Integer first = firstHolders.get(lock);
        if (first == null) {
            return null;
        }
        if (first != waiter) {
            return store.lane(first).name();
        }
        // the waiter holds the lock itself (an RLock it re-enters): another holder, if any, is named
        for (int lane = first + 1; lane < holds.size(); lane++) {
            if (lane != waiter && holds.get(lane).contains(lock)) {
                return store.lane(lane).name();
            }
        }
        return null;
    }
}
