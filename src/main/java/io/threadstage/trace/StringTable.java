package io.threadstage.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the texts of a trace (resource names, printed lines) so columns keep an int per
 * event. Id -1 stands for null. Owned by the {@link TraceStore}'s thread.
 */
final class StringTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private long chars;

    int intern(String text) {
        if (text == null) {
            return -1;
        }
        Integer id = ids.get(text);
        if (id == null) {
            id = texts.size();
            ids.put(text, id);
            texts.add(text);
            chars += text.length();
        }
        return id;
    }

    String text(int id) {
        return id < 0 ? null : texts.get(id);
    }

    /** Rough heap footprint: map entries, list slots and the strings themselves. */
    long capacityBytes() {
        return texts.size() * (48L + 16L + 8L + 40L) + 2 * chars;
    }
}
