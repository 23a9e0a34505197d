package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --help} and mistyped options, answered without opening the window. */
class HelpTest {

    private static final List<String> HELP = List.of(
            "usage:",
            "  threadstage [FILE] [--run]",
            "  threadstage check FILE...",
            "  threadstage run FILE [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png] [--gif OUT.gif]"
                    + " [--width W --height H] [--fps N] [--speed X] [--timeout S] [--gil | --no-gil]",
            "  threadstage trace [--python PATH] [--trace OUT.jsonl] [--png OUT.png] [--timeout S] [--] PROGRAM.py [ARGS...]",
            "  threadstage python FILE",
            "  threadstage render TRACE.jsonl|RECORDING.jfr --png OUT.png [--width W --height H]"
                    + " | --gif OUT.gif | --mp4 OUT.mp4 [--width W --height H] [--fps N] [--speed X]; a recording: [--all-threads]",
            "  threadstage compare FILE [FILE2] --png OUT.png [--width W --height H] [--timeout S]",
            "  threadstage lessons",
            "  threadstage open FILE [--all-threads]",
            "  threadstage record [--jfr OUT.jfr] [--trace OUT.jsonl] [--chrome OUT.json] [--png OUT.png"
                    + " [--width W --height H]] [--all-threads] -- java ARGS...",
            "  threadstage convert RECORDING.jfr [--trace OUT.jsonl] [--chrome OUT.json] [--all-threads]",
            "A FILE may name a built-in lesson as lesson:ID (see: threadstage lessons).",
            String.format(java.util.Locale.ROOT, "A run records at most %,d events (one per 48 bytes of the memory Java may use;"
                    + " java -Xmx raises it).", Runtime.getRuntime().maxMemory() / 48));

    @Test
    void helpListsEveryCommandOnStdoutAndExitsZero() {
        for (String word : new String[] {"--help", "-h", "help"}) {
            CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run(word);
            assertEquals(0, run.exitCode(), word);
            assertEquals(HELP, run.stdout(), word);
            assertEquals(List.of(), run.stderr(), word);
        }
    }

    @Test
    void anOptionWhereAFileGoesIsRefusedWithTheUsageNotOpenedAsAFile() {
        CPythonJudgeTest.Captured misplaced = CPythonJudgeTest.Captured.run("--verbose");
        assertEquals(2, misplaced.exitCode());
        assertEquals(HELP, misplaced.stderr());
        assertEquals(List.of(), misplaced.stdout());
        CPythonJudgeTest.Captured twoFiles = CPythonJudgeTest.Captured.run("a.json", "b.json");
        assertEquals(2, twoFiles.exitCode());
        assertEquals(HELP, twoFiles.stderr());
    }

    @Test
    void eachSubcommandIsMadeOnDemandUnderItsOwnName() {
        for (String name : CommandLine.SUBCOMMANDS) {
            Subcommand command = CommandLine.subcommand(name);
            assertTrue(command.usage().startsWith("threadstage " + name + " ")
                    || command.usage().equals("threadstage " + name), name + ": " + command.usage());
        }
        assertThrows(IllegalArgumentException.class, () -> CommandLine.subcommand("verify"));
    }
}
