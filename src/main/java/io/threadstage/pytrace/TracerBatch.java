package io.threadstage.pytrace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one frame of the tracer's channel: a list of messages in CPython's {@code marshal} format,
 * version 4, each a tuple of a kind, a {@code time.monotonic_ns()} and the kind's fields (text, whole
 * numbers, true/false, None). The tracer uses marshal because it is the interpreter's own C encoder,
 * several times cheaper for the traced program than JSON. Only the types the tracer sends are
 * accepted: the tracer is ours, so anything else is a broken channel, said as such.
 */
final class TracerBatch {

    /** marshal's mark on an object that later {@code 'r'} codes may refer back to. */
    private static final int FLAG_REF = 0x80;

    private final byte[] bytes;
    private final List<Object> refs = new ArrayList<>();
    private int at;

    private TracerBatch(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The messages of {@code frame}, each as its fields ({@code String}, {@code Long}, {@code Boolean} or null). */
    static List<Object[]> parse(byte[] frame) {
        TracerBatch batch = new TracerBatch(frame);
        Object top = batch.value();
        if (!(top instanceof Object[] list) || batch.at != frame.length) {
            throw batch.broken();
        }
        List<Object[]> messages = new ArrayList<>(list.length);
        for (Object message : list) {
            if (!(message instanceof Object[] fields) || fields.length < 2 || !(fields[0] instanceof String)
                    || !(fields[1] instanceof Long)) {
                throw batch.broken();
            }
            messages.add(fields);
        }
        return messages;
    }

    private Object value() {
        int start = at;
        int code = u8();
        boolean flagged = (code & FLAG_REF) != 0;
        int ref = -1;
        if (flagged) {
            // a container's slot is taken before its contents are read, as marshal numbers them
            ref = refs.size();
            refs.add(null);
        }
        Object value = switch (code & ~FLAG_REF) {
            case 'N' -> null;
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'i' -> (long) i32();
            case 'l' -> bigInteger();
            case 'z', 'Z' -> text(u8(), true);
            case 'a', 'A' -> text(size(), true);
            case 'u', 't' -> text(size(), false);
            case ')' -> sequence(u8());
            case '(', '[' -> sequence(size());
            case 'r' -> {
                int index = size();
                if (index >= refs.size() || refs.get(index) == null) {
                    throw broken();
                }
                yield refs.get(index);
            }
            default -> {
                at = start;
                throw broken();
            }
        };
        if (flagged) {
            refs.set(ref, value);
        }
        return value;
    }

    /** marshal's long: a signed count of 15-bit digits, least significant first. */
    private Long bigInteger() {
        int count = i32();
        int digits = Math.abs(count);
        if (digits > 5) {
            throw broken();
        }
        long magnitude = 0;
        for (int i = 0; i < digits; i++) {
            int digit = u8() | (u8() << 8);
            if (i == 4 && digit >= 8) {
                // beyond 63 bits: no field of the tracer's is that large
                throw broken();
            }
            magnitude |= (long) digit << (15 * i);
        }
        return count < 0 ? -magnitude : magnitude;
    }

    private String text(int length, boolean ascii) {
        if (at + length > bytes.length) {
            throw broken();
        }
        String text = new String(bytes, at, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    private Object[] sequence(int length) {
        if (length > bytes.length - at) {
            throw broken();
        }
        Object[] items = new Object[length];
        for (int i = 0; i < length; i++) {
            items[i] = value();
        }
        return items;
    }

    private int size() {
        int size = i32();
        if (size < 0) {
            throw broken();
        }
        return size;
    }

    private int i32() {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private int u8() {
        if (at >= bytes.length) {
            throw broken();
        }
        return bytes[at++] & 0xFF;
    }

    private IllegalArgumentException broken() {
        return new IllegalArgumentException("the tracer's channel sent an unreadable frame at byte " + at);
    }
}
