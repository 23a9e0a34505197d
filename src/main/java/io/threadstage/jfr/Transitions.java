package io.threadstage.jfr;

import java.util.Arrays;

/**
 * The state changes read from a recording, in primitive columns (about 30 bytes each with the
 * sort's index), then put in one time order. A recording holds spans (a wait's start and
 * duration) written when each ends, thread by thread, so its file order is not time order; each
 * span becomes two changes here, waiting at its start and running at its end, and
 * {@link #sort} orders them all by time, then thread, then kind (a thread appears before it
 * waits, and ends after), then the order they were added in. One reading's use; one thread.
 */
final class Transitions {

    /** The thread is seen for the first time (started, or already there when the recording began). */
    static final byte APPEAR = 0;
    /** The thread begins to wait: {@code reason}, {@code on}, {@code other} a join's target or -1. */
    static final byte WAIT = 1;
    /** The thread runs again: {@code reason} of the wait it leaves, {@code other} who handed over (-1: nobody known). */
    static final byte RESUME = 2;
    /** The thread ended. */
    static final byte END = 3;

    private final long capacity;
    private long[] times = new long[1024];
    private int[] threads = new int[1024];
    private byte[] kinds = new byte[1024];
    private byte[] reasons = new byte[1024];
    private int[] ons = new int[1024];
    private int[] others = new int[1024];
    private int size;
    private int[] order;

    /** @param capacity the most changes kept; one more is refused with {@link TooManyEvents} */
    Transitions(long capacity) {
        this.capacity = Math.min(capacity, Integer.MAX_VALUE - 16);
    }

    /** Thrown when a recording has more changes than the memory allows. */
    static final class TooManyEvents extends RuntimeException {
        TooManyEvents(long capacity) {
            super(String.valueOf(capacity));
        }
    }

    void add(long time, int thread, byte kind, int reason, int on, int other) {
        if (size >= capacity) {
            throw new TooManyEvents(capacity);
        }
        if (size == times.length) {
            grow();
        }
        times[size] = time;
        threads[size] = thread;
        kinds[size] = kind;
        reasons[size] = (byte) reason;
        ons[size] = on;
        others[size] = other;
        size++;
        order = null;
    }

    /** Adds a copy of another reading's change {@code index}. */
    void addCopy(Transitions from, int index) {
        add(from.times[index], from.threads[index], from.kinds[index], from.reasons[index], from.ons[index],
                from.others[index]);
    }

    private void grow() {
        int grown = (int) Math.min(capacity, (long) size + (size >> 1) + 16);
        times = Arrays.copyOf(times, grown);
        threads = Arrays.copyOf(threads, grown);
        kinds = Arrays.copyOf(kinds, grown);
        reasons = Arrays.copyOf(reasons, grown);
        ons = Arrays.copyOf(ons, grown);
        others = Arrays.copyOf(others, grown);
    }

    int size() {
        return size;
    }

    /** Bytes the columns take now, for the bench's bytes per event. */
    long memoryBytes() {
        return (long) times.length * (8 + 4 + 1 + 1 + 4 + 4) + (order == null ? 0 : (long) order.length * 8);
    }

    /** Orders the changes; {@link #at} then reads them in that order. A stable merge sort: equal keys keep their order. */
    void sort() {
        int[] from = new int[size];
        for (int i = 0; i < size; i++) {
            from[i] = i;
        }
        int[] to = new int[size];
        for (int width = 1; width < size; width <<= 1) {
            for (int low = 0; low < size; low += width << 1) {
                int mid = Math.min(low + width, size);
                int high = Math.min(low + (width << 1), size);
                merge(from, to, low, mid, high);
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        order = from;
    }

    private void merge(int[] from, int[] to, int low, int mid, int high) {
        int left = low;
        int right = mid;
        for (int out = low; out < high; out++) {
            if (left < mid && (right >= high || compare(from[left], from[right]) <= 0)) {
                to[out] = from[left++];
            } else {
                to[out] = from[right++];
            }
        }
    }

    private int compare(int a, int b) {
        int byTime = Long.compare(times[a], times[b]);
        if (byTime != 0) {
            return byTime;
        }
        int byThread = Integer.compare(threads[a], threads[b]);
        if (byThread != 0) {
            return byThread;
        }
        return Integer.compare(rank(kinds[a]), rank(kinds[b]));
    }

    private static int rank(byte kind) {
        return kind == APPEAR ? 0 : kind == END ? 2 : 1;
    }

    /** The index of the {@code position}-th change in time order (after {@link #sort}). */
    int at(int position) {
        return order[position];
    }

    long time(int index) {
        return times[index];
    }

    int thread(int index) {
        return threads[index];
    }

    byte kind(int index) {
        return kinds[index];
    }

    int reason(int index) {
        return reasons[index];
    }

    int on(int index) {
        return ons[index];
    }

    int other(int index) {
        return others[index];
    }
}
