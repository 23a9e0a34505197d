package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --help} and mistyped options, answered without opening the window. */
class HelpTest {

    private static final String HELP = """
            usage:
              threadstage [FILE] [--run]
              threadstage check FILE...
              threadstage run FILE [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png] [--gif OUT.gif] \
            [--width W --height H] [--fps N] [--speed X] [--timeout S] [--gil]
              threadstage python FILE
              threadstage render TRACE.jsonl --png OUT.png [--width W --height H] \
            | --gif OUT.gif [--width W --height H] [--fps N] [--speed X]
              threadstage lessons
            A FILE may name a built-in lesson as lesson:ID (see: threadstage lessons).
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void helpListsEveryCommandOnStdoutAndExitsZero() {
        for (String word : new String[] {"--help", "-h", "help"}) {
            out.reset();
            assertEquals(0, run(word), word);
            assertEquals(HELP, out.toString(StandardCharsets.UTF_8), word);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anOptionWhereAFileGoesIsRefusedWithTheUsageNotOpenedAsAFile() {
        assertEquals(2, run("--verbose"));
        assertEquals(HELP, err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("a.json", "b.json"));
        assertEquals(HELP, err.toString(StandardCharsets.UTF_8));
    }
}
