package io.threadstage.trace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Maps the strings (and other small values) of a trace to dense int ids, so an event stores
 * 4 bytes instead of a reference per text. Writers: every recording thread; readers: anyone
 * holding an id that came out of a published event.
 *
 * <p>Looking up a value seen before is a lock-free map read. The first sighting of a value
 * inserts it; the map does that with a CAS into an empty bin, or a lock on that one bin only,
 * never on the whole table.
 *
 * <p>Visibility: the value is stored in its page before the map publishes the id, and the id
 * reaches a reader only through a published event, so a reader that sees the id sees the value.
 */
final class InternTable {

    static final int NONE = -1;
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_PAGES = 1 << 14;

    private final ConcurrentHashMap<Object, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Object[]> pages = new AtomicReferenceArray<>(MAX_PAGES);
    private final AtomicInteger nextId = new AtomicInteger();
    /** Characters of the strings stored, for {@link #capacityBytes()}. */
    private final java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();

    /** The id of {@code value}, {@link #NONE} for null. */
    int id(Object value) {
        if (value == null) {
            return NONE;
        }
        Integer known = ids.get(value);
        return known != null ? known : ids.computeIfAbsent(value, this::store);
    }

    Object value(int id) {
        return id == NONE ? null : pages.get(id >>> PAGE_BITS)[id & (PAGE_SIZE - 1)];
    }

    String string(int id) {
        return (String) value(id);
    }

    int size() {
        return nextId.get();
    }

    /** Rough heap footprint: map entries, page slots and the strings themselves. */
    long capacityBytes() {
        return size() * (48L + 16L + 8L + 40L) + 2 * chars.get();
    }

    private Integer store(Object value) {
        int id = nextId.getAndIncrement();
        int pageIndex = id >>> PAGE_BITS;
        if (pageIndex >= MAX_PAGES) {
            throw new TraceCapacityException("the trace holds too many distinct texts (limit "
                    + (long) MAX_PAGES * PAGE_SIZE + ")", (long) MAX_PAGES * PAGE_SIZE);
        }
        Object[] page = pages.get(pageIndex);
        if (page == null) {
            pages.compareAndSet(pageIndex, null, new Object[PAGE_SIZE]);
            page = pages.get(pageIndex);
        }
        page[id & (PAGE_SIZE - 1)] = value;
        if (value instanceof String text) {
            chars.addAndGet(text.length());
        }
        return id;
    }
}
