package io.threadstage.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable maps that keep insertion order, since saved files must diff well. */
final class Ordered {

    private Ordered() {
    }

    static <V> Map<String, V> copyOf(Map<String, V> source) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
