package io.threadstage.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds which lock over time, kept two ways from the same {@code lock} events. Per lock, its
 * owner intervals (start, owner's internal lane or -1, an acquisition serial): "which locks does
 * this thread hold at t", in the order it took them, is one binary search per lock. Per lane, a
 * {@link HoldColumn} of (how many locks it holds, the lock it took last): what a stripe along
 * the lane shows, answered per pixel column like a lane's states. Locks are numbered in order of
 * their first owner; only owner changes are recorded (an RLock's nested acquires emit none).
 * Primitive columns; the only objects are one per lock and one per lane. Owned by the
 * {@link TraceStore}'s thread.
 */
final class LockHolds {

    /** A lane holding more locks than this shows this count (the column keeps a byte). */
    static final int MAX_COUNT = Byte.MAX_VALUE;

    private static final class Lock {
        final int text;
        final LongColumn starts = new LongColumn();
        final IntColumn owners = new IntColumn();
        final LongColumn serials = new LongColumn();
        int owner = -1;

        Lock(int text) {
            this.text = text;
        }
    }

    private final List<Lock> locks = new ArrayList<>();
    private final Map<Integer, Integer> lockByText = new HashMap<>();
    /** Per internal lane: (held count, last-taken lock) over time; null for a lane that never held one. */
    private final List<HoldColumn> lanes = new ArrayList<>();
    /** Per internal lane: the locks it holds now, in the order it took them. */
    private int[][] held = new int[0][];
    private int[] heldCount = new int[0];
    private long serial;

    /** Lock {@code text} (a string id) changed hands at {@code t}: {@code owner} is an internal lane, -1 when released. */
    void owner(long t, int text, int owner) {
        Integer index = lockByText.get(text);
        if (index == null) {
            if (owner < 0) {
                // released before anyone was seen holding it: nothing to draw
                return;
            }
            index = locks.size();
            locks.add(new Lock(text));
            lockByText.put(text, index);
        }
        Lock lock = locks.get(index);
        if (lock.owner == owner) {
            return;
        }
        if (lock.owner >= 0) {
            drop(lock.owner, index);
            record(t, lock.owner);
        }
        lock.owner = owner;
        lock.starts.add(t);
        lock.owners.add(owner);
        lock.serials.add(++serial);
        if (owner >= 0) {
            take(owner, index);
            record(t, owner);
        }
    }

    private void take(int lane, int lock) {
        if (lane >= held.length) {
            int size = Math.max(lane + 1, held.length * 2);
            held = Arrays.copyOf(held, size);
            heldCount = Arrays.copyOf(heldCount, size);
        }
        if (held[lane] == null) {
            held[lane] = new int[4];
        } else if (heldCount[lane] == held[lane].length) {
            held[lane] = Arrays.copyOf(held[lane], heldCount[lane] * 2);
        }
        held[lane][heldCount[lane]++] = lock;
    }

    private void drop(int lane, int lock) {
        int[] stack = held[lane];
        int n = heldCount[lane];
        for (int i = n - 1; i >= 0; i--) {
            if (stack[i] == lock) {
                System.arraycopy(stack, i + 1, stack, i, n - 1 - i);
                heldCount[lane] = n - 1;
                return;
            }
        }
    }

    private void record(long t, int lane) {
        while (lanes.size() <= lane) {
            lanes.add(null);
        }
        HoldColumn column = lanes.get(lane);
        if (column == null) {
            column = new HoldColumn();
            lanes.set(lane, column);
        }
        int count = heldCount[lane];
        column.append(t, Math.min(count, MAX_COUNT), count == 0 ? -1 : held[lane][count - 1]);
    }

    int lockCount() {
        return locks.size();
    }

    /** The string id of lock {@code index}'s name. */
    int text(int index) {
        return locks.get(index).text;
    }

    /**
     * Reports when internal lane {@code internal} (shown as {@code lane}) holds a lock, merged per
     * pixel column as a lane's states are ({@link HoldColumn#spans}). Columns where it mostly
     * holds none are not reported.
     */
    void spans(int internal, int lane, long t0, long t1, int columns, long limit, TraceStore.HoldSink sink) {
        HoldColumn column = internal < lanes.size() ? lanes.get(internal) : null;
        if (column != null) {
            column.spans(lane, t0, t1, columns, limit, sink);
        }
    }

    /** The locks internal lane {@code internal} holds at {@code t}, in the order it took them. */
    int[] heldAt(int internal, long t) {
        int found = 0;
        long[] keys = new long[4];
        for (int index = 0; index < locks.size(); index++) {
            Lock lock = locks.get(index);
            int at = lock.starts.lastAtOrBefore(t);
            if (at >= 0 && lock.owners.get(at) == internal) {
                if (found == keys.length) {
                    keys = Arrays.copyOf(keys, found * 2);
                }
                // serial in the high bits, lock in the low: sorting orders by acquisition
                keys[found++] = lock.serials.get(at) << 24 | index;
            }
        }
        Arrays.sort(keys, 0, found);
        int[] result = new int[found];
        for (int i = 0; i < found; i++) {
            result[i] = (int) (keys[i] & 0xFFFFFF);
        }
        return result;
    }

    long capacityBytes() {
        long bytes = 64L * locks.size() + 8L * held.length + 4L * heldCount.length;
        for (Lock lock : locks) {
            bytes += lock.starts.capacityBytes() + lock.owners.capacityBytes() + lock.serials.capacityBytes();
        }
        for (HoldColumn column : lanes) {
            if (column != null) {
                bytes += column.capacityBytes();
            }
        }
        for (int[] stack : held) {
            if (stack != null) {
                bytes += 16L + 4L * stack.length;
            }
        }
        return bytes;
    }
}
