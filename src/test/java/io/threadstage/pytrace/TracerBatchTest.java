package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames written by the real python3's marshal, as the tracer writes them, read back field by field. */
@Timeout(60)
class TracerBatchTest {

    private static byte[] marshalled(String batch) throws Exception {
        Process python = new ProcessBuilder(PythonLaunch.DEFAULT_PYTHON, "-c",
                "import marshal, sys; sys.stdout.buffer.write(marshal.dumps(" + batch + ", 4))")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = python.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(python.waitFor(30, TimeUnit.SECONDS), "python3 ends");
        assertEquals(0, python.exitValue());
        return out.toByteArray();
    }

    @Test
    void everyKindOfFieldTheTracerSendsIsReadAsPythonWroteIt() throws Exception {
        byte[] frame = marshalled("[('H', 123456789012345, '1', '3.11.7', 4242, True, '/tmp/\\u00e9 x.py'),"
                + " ('T', 2, 0, 'MainThread', 'main', False, 140449847217024, 77),"
                + " ('Q', 3, -1, 'items', 0, 16, 'put'), ('Q', 4, 1, 'items', 1, 16, 'put'),"
                + " ('S', 5, 1, 'running', None, None), ('X', 6, 1, 'ValueError', '\\u2603 \\t\\n', False),"
                + " ('N', 7, 1, -123456789012), ('K', 8)]");
        List<Object[]> messages = TracerBatch.parse(frame);
        assertEquals(8, messages.size());
        assertArrayEquals(new Object[] {"H", 123456789012345L, "1", "3.11.7", 4242L, true, "/tmp/\u00e9 x.py"},
                messages.get(0));
        assertArrayEquals(new Object[] {"T", 2L, 0L, "MainThread", "main", false, 140449847217024L, 77L},
                messages.get(1));
        assertArrayEquals(new Object[] {"Q", 3L, -1L, "items", 0L, 16L, "put"}, messages.get(2));
        // the repeated strings come back through marshal's references
        assertArrayEquals(new Object[] {"Q", 4L, 1L, "items", 1L, 16L, "put"}, messages.get(3));
        assertArrayEquals(new Object[] {"S", 5L, 1L, "running", null, null}, messages.get(4));
        assertArrayEquals(new Object[] {"X", 6L, 1L, "ValueError", "\u2603 \t\n", false}, messages.get(5));
        assertArrayEquals(new Object[] {"N", 7L, 1L, -123456789012L}, messages.get(6));
        assertArrayEquals(new Object[] {"K", 8L}, messages.get(7));
    }

    @Test
    void aFrameThatIsNotTheTracersIsABrokenChannelNamingTheByte() throws Exception {
        byte[] withAFloat = marshalled("[('K', 1, 2.5)]");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TracerBatch.parse(withAFloat));
        assertEquals("the tracer's channel sent an unreadable frame at byte 15", error.getMessage());
        byte[] cut = java.util.Arrays.copyOf(withAFloat, 6);
        assertEquals("the tracer's channel sent an unreadable frame at byte 6",
                assertThrows(IllegalArgumentException.class, () -> TracerBatch.parse(cut)).getMessage());
    }
}
