package io.threadstage.trace;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Codes a handful of words (a queue event's {@code op}: put, get) in one byte, so they fit in
 * the event's flags. Any thread: adding a word is a copy-on-write CAS, looking one up a scan.
 * Code 0 is null; at most 255 distinct words.
 */
final class SmallVocabulary {

    private final AtomicReference<String[]> words = new AtomicReference<>(new String[] {"put", "get"});

    byte code(String word) {
        if (word == null) {
            return 0;
        }
        while (true) {
            String[] known = words.get();
            for (int i = 0; i < known.length; i++) {
                if (known[i].equals(word)) {
                    return (byte) (i + 1);
                }
            }
            if (known.length == 255) {
                throw new IllegalArgumentException("more than 255 distinct queue ops; unknown: " + word);
            }
            String[] grown = Arrays.copyOf(known, known.length + 1);
            grown[known.length] = word;
            words.compareAndSet(known, grown);
        }
    }

    String op(byte code) {
        int index = code & 0xff;
        return index == 0 ? null : words.get()[index - 1];
    }
}
