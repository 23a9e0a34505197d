package io.threadstage.io;

import java.io.IOException;
import java.io.Writer;

/**
 * A JSON Lines writer for flat objects, with the escaping of a JSON generator and none of its
 * per-call cost: text gathers in one char buffer and reaches the {@link Writer} in large
 * blocks. A trace writes hundreds of thousands of small lines; Jackson's generator cost several
 * microseconds a line there. Writes {@code "key":value} pairs in the order they are given; one
 * thread.
 */
final class JsonLineBuffer {

    private static final int FLUSH_AT = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private char[] buffer = new char[FLUSH_AT + 1024];
    private int size;
    private boolean first;

    JsonLineBuffer(Writer out) {
        this.out = out;
    }

    void beginObject() {
        append('{');
        first = true;
    }

    /** Ends the object and its line; hands the text on once a block has gathered. */
    void endLine() throws IOException {
        append('}');
        append('\n');
        if (size >= FLUSH_AT) {
            drain();
        }
    }

    void string(String key, String value) {
        key(key);
        if (value == null) {
            appendAscii("null");
        } else {
            quoted(value);
        }
    }

    void number(String key, long value) {
        key(key);
        digits(value);
    }

    void number(String key, double value) {
        key(key);
        appendAscii(Double.toString(value));
    }

    void bool(String key, boolean value) {
        key(key);
        appendAscii(value ? "true" : "false");
    }

    void nullField(String key) {
        key(key);
        appendAscii("null");
    }

    /** Hands everything gathered to the writer and flushes it. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }

    private void key(String key) {
        if (!first) {
            append(',');
        }
        first = false;
        append('"');
        appendAscii(key);
        append('"');
        append(':');
    }

    /** As Jackson's default: {@code "} and {@code \} escaped, control characters as short or {@code \\u00XX} escapes, the rest as is. */
    private void quoted(String text) {
        ensure(text.length() * 6 + 2);
        char[] into = buffer;
        int at = size;
        into[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                into[at++] = c;
                continue;
            }
            into[at++] = '\\';
            switch (c) {
                case '"' -> into[at++] = '"';
                case '\\' -> into[at++] = '\\';
                case '\n' -> into[at++] = 'n';
                case '\r' -> into[at++] = 'r';
                case '\t' -> into[at++] = 't';
                case '\b' -> into[at++] = 'b';
                case '\f' -> into[at++] = 'f';
                default -> {
                    into[at++] = 'u';
                    into[at++] = '0';
                    into[at++] = '0';
                    into[at++] = HEX[c >> 4];
                    into[at++] = HEX[c & 0xF];
                }
            }
        }
        into[at++] = '"';
        size = at;
    }

    /** The decimal digits straight into the buffer: a string per number was most of a line's cost. */
    private void digits(long value) {
        if (value == Long.MIN_VALUE) {
            appendAscii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int start = size;
        do {
            buffer[size++] = (char) ('0' + (int) (value % 10));
            value /= 10;
        } while (value != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            char swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }

    private void appendAscii(String text) {
        ensure(text.length());
        text.getChars(0, text.length(), buffer, size);
        size += text.length();
    }

    private void append(char c) {
        ensure(1);
        buffer[size++] = c;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            char[] grown = new char[Math.max(buffer.length * 2, size + more)];
            System.arraycopy(buffer, 0, grown, 0, size);
            buffer = grown;
        }
    }
}
