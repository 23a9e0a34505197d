package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralsTest {

    @Test
    void millisecondsBecomeSecondsWithoutTrailingZeros() {
        assertEquals("0.3", PythonLiterals.seconds(300));
        assertEquals("2", PythonLiterals.seconds(2000));
        assertEquals("1.5", PythonLiterals.seconds(1500));
        assertEquals("0.005", PythonLiterals.seconds(5));
        assertEquals("0", PythonLiterals.seconds(0));
    }

    @Test
    void valuesBecomePythonLiterals() {
        Map<String, Value> entries = new LinkedHashMap<>();
        entries.put("b", Value.of(2));
        entries.put("a", new Value.Real(0.5));
        assertEquals("{\"b\": 2, \"a\": 0.5}", PythonLiterals.value(new Value.Dict(entries)));
        assertEquals("[None, True, False, 3.0, -7]", PythonLiterals.value(new Value.Array(List.of(Value.NONE,
                new Value.Bool(true), new Value.Bool(false), new Value.Real(3), Value.of(-7)))));
        assertEquals("\"tab\\there \\\"quoted\\\" back\\\\slash\\nnew\"",
                PythonLiterals.value(Value.of("tab\there \"quoted\" back\\slash\nnew")));
        assertEquals("\"\\x00\"", PythonLiterals.string("\0"));
        assertEquals("\"caf\u00e9\"", PythonLiterals.string("caf\u00e9"));
    }

    @Test
    void oneElementTupleKeepsItsComma() {
        assertEquals("(3,)", PythonLiterals.tuple(List.of(Value.of(3))));
        assertEquals("(3, \"x\")", PythonLiterals.tuple(List.of(Value.of(3), Value.of("x"))));
        assertEquals("()", PythonLiterals.tuple(List.of()));
    }

    @Test
    void snakeCaseNamesFromWorkerNames() {
        assertEquals("producer", ProgramNames.snake("Producer"));
        assertEquals("http_worker_5", ProgramNames.snake("HTTP-Worker-5"));
        assertEquals("thread_pool_worker", ProgramNames.snake("ThreadPoolWorker"));
        assertEquals("user_session_abc123", ProgramNames.snake("UserSession-abc123"));
        assertEquals("t_1st", ProgramNames.snake("1st"));
        assertEquals("thread", ProgramNames.snake("---"));
        assertEquals("Worker1", ProgramNames.camel("worker-1"));
    }
}
