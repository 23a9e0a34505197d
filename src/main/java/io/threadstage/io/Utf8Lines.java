package io.threadstage.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each strictly as UTF-8, so a bad byte is blamed
 * on its own line (a Reader decodes ahead in blocks and would blame an earlier one). Accepts
 * {@code \n} and {@code \r\n}. A line longer than its cap is refused as soon as the cap is
 * passed, so a file without line breaks cannot grow the buffer without end. Owned by one
 * reading thread.
 */
final class Utf8Lines {

    /** A line passed the cap; nothing of it is kept. */
    static final class TooLong extends IOException {
        TooLong(int maxBytes) {
            super("longer than " + maxBytes + " bytes", null);
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    Utf8Lines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String next() throws IOException {
        int length = 0;
        boolean terminated = false;
        while (!terminated) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                break;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            // the terminator's \r may be the byte past the cap: count it only once the line is known
            if (length + chunk > maxLineBytes + 1L) {
                throw new TooLong(maxLineBytes);
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++;
                terminated = true;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            throw new TooLong(maxLineBytes);
        }
        return decode(length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private String decode(int length) throws CharacterCodingException {
        return decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
    }
}
