package io.threadstage.pytrace;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of the tracer's channel: a JSON array of messages, each an array of a kind, a
 * {@code time.monotonic_ns()} and the kind's fields (text, whole numbers, true/false, null). Only that
 * shape is accepted: the tracer is ours, so anything else is a broken channel, said as such.
 */
final class TracerBatch {

    private final String text;
    private int at;

    private TracerBatch(String text) {
        this.text = text;
    }

    /** The messages of {@code line}, each as its fields ({@code String}, {@code Long}, {@code Boolean} or null). */
    static List<Object[]> parse(String line) {
        TracerBatch batch = new TracerBatch(line);
        List<Object[]> messages = new ArrayList<>();
        batch.expect('[');
        if (batch.peek() == ']') {
            return messages;
        }
        do {
            messages.add(batch.message());
        } while (batch.next() == ',');
        batch.at--;
        batch.expect(']');
        return messages;
    }

    private Object[] message() {
        expect('[');
        List<Object> fields = new ArrayList<>(8);
        do {
            fields.add(value());
        } while (next() == ',');
        at--;
        expect(']');
        return fields.toArray();
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw broken();
        }
        return Long.parseLong(text, start, at, 10);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw broken();
                    }
                    out.append((char) Integer.parseInt(text, at, at + 4, 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private char next() {
        return charAt(at++);
    }

    private char peek() {
        return charAt(at);
    }

    private void expect(char c) {
        if (charAt(at++) != c) {
            throw broken();
        }
    }

    private char charAt(int index) {
        if (index >= text.length()) {
            throw broken();
        }
        return text.charAt(index);
    }

    private IllegalArgumentException broken() {
        return new IllegalArgumentException("the tracer's channel sent an unreadable line at character " + at);
    }
}
